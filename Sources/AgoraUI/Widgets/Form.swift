import ChoiceKit

/// Fields in a column: Tab and Shift-Tab (or ↑ ↓) move between them, each field parses its own
/// kind and shows what is wrong beside it, Enter submits when every field parses, and Esc cancels
/// — asking first when something was typed, so nothing entered is lost by accident.
public struct Form: Hashable, Sendable {
    public var fields: [FormField]
    public var focus = 0
    /// True while asking "discard what you typed?".
    public private(set) var confirmingDiscard = false

    public init(fields: [FormField]) { self.fields = fields }

    public enum Outcome: Hashable, Sendable {
        case editing
        /// Every field parsed: the values by field id.
        case submitted([String: FieldValue])
        case cancelled
    }

    public var isChanged: Bool { fields.contains(where: \.isChanged) }

    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    /// Marks a field wrong after submission (e.g. a postcode the area does not have) and focuses it.
    public mutating func setError(_ message: String, on id: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].error = message
        focus = index
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if confirmingDiscard {
            switch key {
            // Esc twice leaves, as people press it to get out.
            case .character("y"), .character("Y"), .escape: return .cancelled
            case .character("n"), .character("N"), .enter: confirmingDiscard = false
            default: break
            }
            return .editing
        }
        guard fields.indices.contains(focus) else { return key == .escape ? .cancelled : .editing }
        switch key {
        case .tab, .down: moveFocus(by: 1)
        case .backTab, .up: moveFocus(by: -1)
        case .escape:
            if isChanged { confirmingDiscard = true } else { return .cancelled }
        case .enter:
            return submit()
        default:
            if case .choice(let options) = fields[focus].kind {
                switch key {
                case .left: fields[focus].choice = (fields[focus].choice + options.count - 1) % max(1, options.count)
                case .right, .character(" "): fields[focus].choice = (fields[focus].choice + 1) % max(1, options.count)
                default: break
                }
                fields[focus].error = nil
            } else if fields[focus].input.handle(key) == .edited {
                fields[focus].error = nil
            }
        }
        return .editing
    }

    /// Whether the field at `index` matters with the choices made so far.
    public func isNeeded(_ index: Int) -> Bool {
        guard let condition = fields[index].neededWhen else { return true }
        guard let chooser = fields.first(where: { $0.id == condition.field }) else { return true }
        return condition.choices.contains(chooser.choice)
    }

    /// To the next (or previous) field that matters, round the end.
    private mutating func moveFocus(by step: Int) {
        var next = focus
        for _ in fields.indices {
            next = (next + step + fields.count) % fields.count
            if isNeeded(next) { break }
        }
        focus = next
    }

    /// Parses every field; on any error, marks them all and focuses the first.
    public mutating func submit() -> Outcome {
        var values: [String: FieldValue] = [:]
        var firstError: Int?
        for index in fields.indices {
            switch fields[index].parse() {
            case .success(let value):
                values[fields[index].id] = value
                fields[index].error = nil
            case .failure(let problem):
                fields[index].error = problem.message
                if firstError == nil { firstError = index }
            }
        }
        if let firstError {
            focus = firstError
            return .editing
        }
        return .submitted(values)
    }

    // MARK: - Layout and drawing

    /// Where each field sits inside `area`: shared by drawing and mouse handling.
    public struct Placement: Hashable, Sendable {
        public let labelLines: [String]
        public let y: Int
        public let inputX: Int
        public let inputWidth: Int
        /// Rows used by the field (label lines, error and hint lines).
        public let height: Int
        public let errorBeside: Bool
    }

    public func layout(in area: Rect) -> [Placement] {
        let labelWidth = min(28, max(10, area.width / 3))
        let inputX = area.x + labelWidth + 2
        var y = area.y
        var placements: [Placement] = []
        for field in fields {
            let labelLines = DisplayWidth.wrap(field.label, width: labelWidth)
            let inputWidth = max(4, min(FormField.width(of: field.kind), area.maxX - inputX))
            let besideRoom = area.maxX - (inputX + inputWidth + 2)
            let errorBeside = field.error.map { DisplayWidth.of($0) <= besideRoom } ?? true
            var height = max(1, labelLines.count)
            if let error = field.error, !errorBeside {
                height = max(height, 1 + DisplayWidth.wrap(error, width: max(10, area.maxX - inputX)).count)
            }
            if let hint = field.hint {
                height += DisplayWidth.wrap(hint, width: max(10, area.maxX - inputX)).count
            }
            placements.append(Placement(labelLines: labelLines, y: y, inputX: inputX, inputWidth: inputWidth,
                                        height: height, errorBeside: errorBeside))
            y += height + 1
        }
        return placements
    }

    /// Rows the form needs at this width.
    public func height(in area: Rect) -> Int {
        let placements = layout(in: area)
        guard let last = placements.last else { return 0 }
        return last.y + last.height - area.y
    }

    /// Rows the form is scrolled up by: none when it fits, otherwise just enough to show the
    /// focused field whole, so a form taller than the window never hides where you are typing.
    public func scrollOffset(in area: Rect) -> Int {
        let placements = layout(in: area)
        guard height(in: area) > area.height, placements.indices.contains(focus) else { return 0 }
        let place = placements[focus]
        let below = max(0, place.y + place.height - area.maxY)
        return min(below, max(0, place.y - area.y))
    }

    public func render(into screen: inout Screen, area: Rect) {
        let offset = scrollOffset(in: area)
        func visible(_ y: Int) -> Bool { y >= area.y && y < area.maxY }
        for (index, (field, unshifted)) in zip(fields, layout(in: area)).enumerated() {
            let y = unshifted.y - offset
            guard y < area.maxY else { break }
            let place = unshifted
            let focused = index == focus && !confirmingDiscard
            for (line, text) in place.labelLines.enumerated() where visible(y + line) {
                screen.put(text, x: area.x, y: y + line, role: focused ? .heading : isNeeded(index) ? .normal : .dim)
            }
            if visible(y), !isNeeded(index), field.input.text.isEmpty {
                // Not an empty box to count with Tab, which passes over it.
                screen.put("not needed for this choice", x: place.inputX, y: y, width: area.maxX - place.inputX, role: .dim)
            } else if visible(y) {
                if case .choice = field.kind {
                    screen.putPadded(field.shownText, x: place.inputX, y: y, width: place.inputWidth, role: focused ? .selected : .input)
                } else {
                    var input = field.input
                    input.setWidth(place.inputWidth)
                    input.render(into: &screen, x: place.inputX, y: y, focused: focused, role: focused ? .selected : .input)
                }
            }
            var below = y + 1
            let message = field.error ?? (focused ? field.input.message : nil)
            if let message {
                if place.errorBeside {
                    if visible(y) {
                        screen.put(message, x: place.inputX + place.inputWidth + 2, y: y, width: area.maxX - place.inputX - place.inputWidth - 2,
                                   role: .error)
                    }
                } else {
                    for line in DisplayWidth.wrap(message, width: max(10, area.maxX - place.inputX)) where below < area.maxY {
                        if visible(below) { screen.put(line, x: place.inputX, y: below, role: .error) }
                        below += 1
                    }
                }
            }
            if let hint = field.hint {
                for line in DisplayWidth.wrap(hint, width: max(10, area.maxX - place.inputX)) where below < area.maxY {
                    if visible(below) { screen.put(line, x: place.inputX, y: below, role: .dim) }
                    below += 1
                }
            }
        }
        if offset > 0 { screen.put("↑ more", x: area.maxX - 6, y: area.y, role: .dim) }
        if height(in: area) - offset > area.height { screen.put("↓ more", x: area.maxX - 6, y: area.maxY - 1, role: .dim) }
        if confirmingDiscard {
            let question = "Discard what you typed? Esc or y discards it; n or Enter keeps editing."
            // Wrapped, so a narrow form (a postcode box) shows all of it.
            let lines = DisplayWidth.wrap(question, width: max(10, area.width))
            var y = max(area.y, min(area.maxY - lines.count, area.y + height(in: area) - offset + 1))
            for line in lines where y < area.maxY {
                screen.put(line, x: area.x, y: y, width: area.width, role: .error)
                y += 1
            }
        }
    }

    /// A click on a field focuses it.
    public mutating func handle(_ mouse: MouseEvent, area: Rect) -> Handling {
        guard mouse.kind == .press, !confirmingDiscard else { return .ignored }
        let offset = scrollOffset(in: area)
        for (index, unshifted) in layout(in: area).enumerated() {
            let place = Placement(labelLines: unshifted.labelLines, y: unshifted.y - offset, inputX: unshifted.inputX,
                                  inputWidth: unshifted.inputWidth, height: unshifted.height, errorBeside: unshifted.errorBeside)
            guard mouse.y >= area.y, mouse.y >= place.y, mouse.y < place.y + max(1, place.height) else { continue }
            focus = index
            if case .choice(let options) = fields[index].kind, mouse.y == place.y, mouse.x >= place.inputX {
                fields[index].choice = (fields[index].choice + 1) % max(1, options.count)
            }
            return .handled
        }
        return .ignored
    }

    /// Help for a form, shared by every feature that shows one.
    public static let help: [HelpEntry] = [
        HelpEntry(keyLabel: "Tab ↓", help: "next field", hint: "next", key: .tab),
        HelpEntry(keyLabel: "S-Tab ↑", help: "previous field"),
        HelpEntry(keyLabel: "← →", help: "move in the text; change a choice"),
        HelpEntry(keyLabel: "Enter", help: "save (every field is checked first)", hint: "save", key: .enter),
        HelpEntry(keyLabel: "Esc", help: "cancel (asks first if you typed something)", hint: "cancel", key: .escape),
        HelpEntry(keyLabel: "Ctrl-U", help: "clear the field"),
    ]
}
