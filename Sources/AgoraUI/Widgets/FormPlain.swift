import ChoiceKit

/// A form in plain mode: each field a numbered line with its value (choices listed), a problem
/// under the field it is about, and "3 value" to fill field 3 — checked at once, as Tab would.
extension Form {
    /// The fields as numbered lines; `hints` by field id are said after each field.
    public func plainLines(hints: [String: String] = [:]) -> [PlainLine] {
        var lines: [PlainLine] = []
        for (index, field) in fields.enumerated() {
            var value = field.shownText.isEmpty ? "(empty)" : field.shownText
            if case .choice(let options) = field.kind {
                value = options.indices.contains(field.choice) ? options[field.choice] : value
                value += " (choices: " + options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "; ") + ")"
            }
            var text = "\(field.label): \(value)"
            if var hint = hints[field.id] ?? field.hint {
                // The choices are numbered above; the full-screen keys would only mislead.
                if case .choice = field.kind, hint.hasSuffix(Self.choiceKeys) { hint = String(hint.dropLast(Self.choiceKeys.count)) }
                text += ". " + hint
            }
            lines.append(.item(index + 1, text))
            if let error = field.error { lines.append(.note("   Problem with \(index + 1): \(error)")) }
        }
        return lines
    }

    /// How a full-screen hint says to change a choice; plain mode leaves it out.
    static let choiceKeys = " ← → change it."

    /// Field `number` (1-based) as its plain line says it: "a year", "(empty)".
    func plainValue(_ index: Int) -> String {
        let field = fields[index]
        if case .choice(let options) = field.kind, options.indices.contains(field.choice) { return options[field.choice] }
        return field.shownText.isEmpty ? "(empty)" : field.shownText
    }

    /// Fills field `number` (1-based) with `answer`: a choice by its number or the start of its
    /// words, anything else as typed. Returns what is wrong, if anything (also kept beside the field).
    public mutating func plainSet(_ number: Int, to answer: String) -> String? {
        let index = number - 1
        guard fields.indices.contains(index) else { return "There is no field \(number): type a number from 1 to \(fields.count)." }
        focus = index
        if case .choice(let options) = fields[index].kind {
            let wanted = answer.lowercased().trimmingCharacters(in: " ")
            if let choice = Int(wanted), options.indices.contains(choice - 1) {
                fields[index].choice = choice - 1
            } else if !wanted.isEmpty, let match = options.firstIndex(where: { $0.lowercased().hasPrefix(wanted) }) {
                fields[index].choice = match
            } else {
                return "Choose one of: " + options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "; ") + "."
            }
            fields[index].error = nil
            return nil
        }
        // Cut to the field's length, a typed value would be saved as something else (20 digits as 16).
        guard answer.count <= fields[index].input.limit else {
            return "That is longer than \(fields[index].label.lowercased()) takes (\(fields[index].input.limit) characters): nothing was changed."
        }
        fields[index].input.setText(answer)
        fields[index].error = nil
        if case .failure(let problem) = fields[index].parse() {
            fields[index].error = problem.message
            return problem.message
        }
        return nil
    }
}

/// What a plain-mode command asked of a form.
public enum PlainFormStep: Hashable, Sendable {
    /// "s": check every field and save.
    case submit
    /// "b" with nothing typed, or "b" again after being asked: leave without saving.
    case cancel
    /// "b" once after typing: asked whether to discard (the question is the message).
    case askDiscard(String)
    /// A field was filled; `problem` says what is wrong with it, if anything.
    case filled(problem: String?)
    /// A field was given the value it already had: said, since no line of the page changes.
    case unchanged(String)
    /// Not a form command: says what to type.
    case notUnderstood(String)
}

extension Form {
    /// "3 value" fills field 3, "s" saves, "b" cancels (asking first when something was typed).
    public mutating func plain(_ command: PlainCommand) -> PlainFormStep {
        switch command.word {
        case "s", "save":
            if confirmingDiscard { _ = handle(.character("n")) }
            return .submit
        case "b", "back":
            if confirmingDiscard { return .cancel }
            if handle(.escape) == .cancelled { return .cancel }
            return .askDiscard("Discard what you typed? Type b again to discard it, or carry on filling in the form.")
        default:
            if confirmingDiscard { _ = handle(.character("n")) }
            guard command.word.isEmpty, let number = command.number else {
                return .notUnderstood("Type a field's number and its value (e.g. 1 Mum), s to save, or b to cancel.")
            }
            let index = number - 1
            let before = fields.indices.contains(index) ? plainValue(index) : nil
            let problem = plainSet(number, to: command.argument)
            if problem == nil, let before, before == plainValue(index) {
                return .unchanged("\(number). \(fields[index].label): \(before), as before.")
            }
            return .filled(problem: problem)
        }
    }
}
