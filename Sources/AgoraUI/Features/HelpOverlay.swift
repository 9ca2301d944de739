import ChoiceKit

/// The keys of the screen underneath, generated from its bindings, in a scrollable box.
public struct HelpOverlay: KeyedFeature {
    let heading: String
    let entries: [HelpEntry]
    var text = ScrollingText()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case close
    }

    public init(title: String, entries: [HelpEntry]) {
        heading = title
        self.entries = entries
    }

    public var id: String { "help" }
    public func title(in context: AppContext) -> String { "Help" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "line") + [
            KeyBinding([.escape, .character("q"), .character("?"), .enter, .function(1)], "Esc q ?", .close, "close help", hint: "close"),
        ])
    }

    static let keyWidth = 11

    func frame(_ area: Rect) -> (box: Rect, text: Rect) {
        let width = min(area.width - 2, 72)
        let lineCount = lines(width: width - 4).count
        let height = min(area.height, lineCount + 2)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        return (box, Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2))
    }

    func lines(width: Int) -> [ScrollingText.Line] {
        var lines: [ScrollingText.Line] = []
        for entry in entries {
            let wrapped = DisplayWidth.wrap(entry.help, width: max(8, width - Self.keyWidth))
            for (index, part) in wrapped.enumerated() {
                lines.append(ScrollingText.Line(index == 0 ? DisplayWidth.pad(entry.keyLabel, to: Self.keyWidth - 1) + " " + part
                                                           : String(repeating: " ", count: Self.keyWidth) + part))
            }
        }
        lines.append(ScrollingText.Line(""))
        lines.append(ScrollingText.Line("Mouse: click selects, click again opens; the wheel scrolls.", role: .dim))
        return lines
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .move(let move):
            let frame = self.frame(context.contentArea)
            text.scroll(move, lines: lines(width: frame.text.width).count, area: frame.text)
        case .close:
            context.dismiss()
        }
        return .handled
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        let frame = self.frame(area)
        text.fit(lines: lines(width: frame.text.width).count, area: frame.text)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch mouse.kind {
        case .wheelUp: return perform(.move(.up), in: &context)
        case .wheelDown: return perform(.move(.down), in: &context)
        case .press: return perform(.close, in: &context)
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let frame = self.frame(area)
        screen.fill(frame.box, role: .overlay)
        screen.box(frame.box, title: "Keys: \(heading)")
        text.render(lines(width: frame.text.width), into: &screen, area: frame.text)
    }

    public func plain(in context: AppContext) -> PlainView {
        PlainView(title: "Help", lines: entries.map { .note("\($0.keyLabel): \($0.help)") }, prompt: "Type b to close help:")
    }
}
