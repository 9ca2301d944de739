import ChoiceKit

/// A box over the page that asks one thing: a yes/no question, a line of text, or a choice from a
/// short menu. It keeps its own state; the feature that opened it acts on the outcome.
public struct Modal: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case confirm(yes: String, no: String)
        case prompt(TextField)
        case menu(options: [String], cursor: ListCursor)
        /// Something to read: any of Enter, Esc, q or Space closes it.
        case info
    }

    public enum Outcome: Hashable, Sendable {
        case open
        case confirmed
        case declined
        case submitted(String)
        case chosen(Int)
        case cancelled
    }

    public var title: String
    /// Sentences above the question, wrapped to the box.
    public var message: String
    public var kind: Kind

    public static func confirm(_ title: String, _ message: String, yes: String = "Yes", no: String = "No") -> Modal {
        Modal(title: title, message: message, kind: .confirm(yes: yes, no: no))
    }

    public static func prompt(_ title: String, _ message: String, text: String = "", limit: Int = TextField.defaultLimit) -> Modal {
        Modal(title: title, message: message, kind: .prompt(TextField(text, width: 40, limit: limit)))
    }

    public static func info(_ title: String, _ message: String) -> Modal {
        Modal(title: title, message: message, kind: .info)
    }

    public static func menu(_ title: String, _ message: String, options: [String], selected: Int = 0) -> Modal {
        Modal(title: title, message: message, kind: .menu(options: options, cursor: ListCursor(selected: selected)))
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch kind {
        case .info:
            switch key {
            case .enter, .escape, .character("q"), .character(" "): return .cancelled
            default: return .open
            }
        case .confirm:
            switch key {
            case .character("y"), .character("Y"), .enter: return .confirmed
            case .character("n"), .character("N"): return .declined
            case .escape, .character("q"): return .cancelled
            default: return .open
            }
        case .prompt(var field):
            switch key {
            case .enter: return .submitted(field.text)
            case .escape: return .cancelled
            default:
                field.handle(key)
                kind = .prompt(field)
                return .open
            }
        case .menu(let options, var cursor):
            switch key {
            case .enter, .character(" "): return .chosen(cursor.selected)
            case .escape, .character("q"): return .cancelled
            case .up, .character("k"): cursor.move(.up, count: options.count, visible: options.count)
            case .down, .character("j"): cursor.move(.down, count: options.count, visible: options.count)
            case .home, .character("g"): cursor.move(.top, count: options.count, visible: options.count)
            case .end, .character("G"): cursor.move(.bottom, count: options.count, visible: options.count)
            case .character(let character):
                // A digit picks that option directly, as in plain mode.
                if let number = character.wholeNumberValue, options.indices.contains(number - 1) { return .chosen(number - 1) }
            default: break
            }
            kind = .menu(options: options, cursor: cursor)
            return .open
        }
    }

    /// The message wrapped to a width; a line break starts a new paragraph.
    func messageLines(width: Int) -> [String] {
        message.split(separator: "\n", omittingEmptySubsequences: false).flatMap { DisplayWidth.wrap(String($0), width: max(1, width)) }
    }

    /// The box, centred in `area`: shared by drawing and mouse handling.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width - 2, 64)
        let lines = messageLines(width: width - 4).count
        var body = 0
        switch kind {
        case .info: body = 1
        case .confirm, .prompt: body = 2
        case .menu(let options, _): body = options.count + 1
        }
        let height = min(area.height, lines + body + 4)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
    }

    /// The first row of a menu's options inside the box.
    private func optionsY(_ box: Rect) -> Int { box.y + 2 + messageLines(width: box.width - 4).count }

    public func render(into screen: inout Screen, area: Rect) {
        let box = frame(in: area)
        screen.fill(box, role: .overlay)
        screen.box(box, title: title)
        var y = box.y + 1
        for line in messageLines(width: box.width - 4) where y < box.maxY - 1 {
            screen.put(line, x: box.x + 2, y: y, width: box.width - 4)
            y += 1
        }
        y += 1
        switch kind {
        case .info:
            screen.put("Enter or Esc closes", x: box.x + 2, y: min(y - 1, box.maxY - 2), width: box.width - 4, role: .dim)
        case .confirm(let yes, let no):
            screen.put("y  \(yes)    n  \(no)    Esc  cancel", x: box.x + 2, y: min(y, box.maxY - 2), width: box.width - 4, role: .accent)
        case .prompt(let field):
            var shown = field
            shown.setWidth(box.width - 4)
            shown.render(into: &screen, x: box.x + 2, y: min(y - 1, box.maxY - 2), focused: true)
            let note = field.message ?? "Enter to confirm · Esc to cancel"
            screen.put(note, x: box.x + 2, y: min(y, box.maxY - 2), width: box.width - 4, role: field.message == nil ? .dim : .error)
        case .menu(let options, let cursor):
            for (index, option) in options.enumerated() where optionsY(box) + index < box.maxY - 1 {
                // A space inside the border, as the message above has, the selection's bar still edge to edge.
                screen.putPadded(" \(index + 1). \(option)", x: box.x + 1, y: optionsY(box) + index, width: box.width - 2,
                                 role: index == cursor.selected ? .selected : .overlay)
            }
        }
    }

    /// Clicks: a menu option chooses it; outside the box cancels.
    public mutating func handle(_ mouse: MouseEvent, area: Rect) -> Outcome {
        guard mouse.kind == .press else { return .open }
        let box = frame(in: area)
        guard box.contains(x: mouse.x, y: mouse.y) else { return .cancelled }
        if case .menu(let options, _) = kind {
            let index = mouse.y - optionsY(box)
            if options.indices.contains(index) { return .chosen(index) }
        }
        return .open
    }

    public var help: [HelpEntry] {
        switch kind {
        case .info:
            return [HelpEntry(keyLabel: "Enter Esc", help: "close", hint: "close", key: .enter)]
        case .confirm(let yes, let no):
            return [HelpEntry(keyLabel: "y Enter", help: yes, hint: "yes", key: .character("y")),
                    HelpEntry(keyLabel: "n", help: no, hint: "no", key: .character("n")),
                    HelpEntry(keyLabel: "Esc", help: "cancel", hint: "cancel", key: .escape)]
        case .prompt:
            return [HelpEntry(keyLabel: "Enter", help: "confirm", hint: "confirm", key: .enter),
                    HelpEntry(keyLabel: "Esc", help: "cancel", hint: "cancel", key: .escape)]
        case .menu:
            return [HelpEntry(keyLabel: "↑ ↓", help: "move"), HelpEntry(keyLabel: "Enter 1-9", help: "choose", hint: "choose", key: .enter),
                    HelpEntry(keyLabel: "Esc", help: "cancel", hint: "cancel", key: .escape)]
        }
    }
}
