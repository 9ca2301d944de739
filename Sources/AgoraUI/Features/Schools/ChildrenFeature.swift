import ChoiceKit
import SchoolChoice

/// "Schools for my child" on the home page.
struct SchoolsHomeEntry: HomeEntry {
    func label(in context: AppContext) -> String { "Schools for my child" }

    func info(in context: AppContext) -> [(String, Role)] {
        [("Schools for my child", .title),
         ("Add your child once: see the dates that matter, the schools they could go to with the chance of a place, compare schools side by side, and rank your preferences for the council's application.", .normal),
         ("Saved on this computer only. Press Enter to start.", .dim)]
    }

    func open(in context: inout AppContext) { context.push(ChildrenFeature()) }
}

/// The children a parent is choosing schools for: open one, add one, or remove one.
public struct ChildrenFeature: KeyedFeature {
    /// Nil until the store has answered.
    public private(set) var children: [SavedChild]?
    var problem: String?
    var cursor = ListCursor()
    private var undo: [RequestID: [SavedChild]] = [:]

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, add, remove
    }

    static let removeTag = "children.remove"

    public init(children: [SavedChild]? = nil) { self.children = children }

    public var id: String { "schools:children" }
    public func title(in context: AppContext) -> String { "Schools for my child" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "child") + [
            KeyBinding([.enter, .right, .character("l")], "Enter", .open, "open the child's schools, dates and preferences", hint: "open"),
            KeyBinding([.character("a")], "a", .add, "add a child", hint: "add a child", plain: "a"),
            KeyBinding([.character("x"), .delete], "x Del", .remove, "remove the child and everything chosen for them", hint: "remove", plain: "x"),
        ])
    }

    public var plainDefault: Action? { .open }

    /// Children, then "Add a child".
    var itemCount: Int { (children?.count ?? 0) + 1 }

    func listArea(_ area: Rect) -> Rect {
        let top = area.y + 4
        return Rect(x: area.x + 2, y: top, width: min(area.width - 4, 72), height: max(1, area.maxY - top - 4))
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let visible = listArea(context.contentArea).height
        switch action {
        case .move(let move):
            cursor.move(move, count: itemCount, visible: visible)
        case .open:
            guard let children else { return .handled }
            if children.indices.contains(cursor.selected) {
                context.push(ChildFeature(child: children[cursor.selected], context: context))
            } else {
                context.push(ChildFormFeature(editing: nil, existingNames: children.map(\.name), context: context))
            }
        case .add:
            context.push(ChildFormFeature(editing: nil, existingNames: children?.map(\.name) ?? [], context: context))
        case .remove:
            guard let children, children.indices.contains(cursor.selected) else {
                context.inform("Choose a child to remove first.")
                return .handled
            }
            let name = children[cursor.selected].name
            context.present(ModalFeature(tag: Self.removeTag, modal: .confirm(
                "Remove \(name)?", "\(name)'s details, marked schools, priorities and preference list will be forgotten on this computer.",
                yes: "Remove", no: "Keep")))
        }
        return .handled
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.removeTag, outcome == .confirmed, let children, children.indices.contains(cursor.selected) else { return }
        let name = children[cursor.selected].name
        var remaining = children
        remaining.remove(at: cursor.selected)
        self.children = remaining
        let id = context.write(.school(.removeChild(name: name)), undo: .byFeature, what: "removing \(name)")
        undo[id] = children
        context.loadChildren()
        cursor.fit(count: itemCount, visible: listArea(context.contentArea).height)
        context.inform("Removed \(name).")
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        switch outcome {
        case .saved(let id): undo[id] = nil
        case .failed(let id, _):
            if let previous = undo.removeValue(forKey: id) { children = previous }
        case .childrenLoaded(.loaded(let loaded)):
            guard undo.isEmpty else { return }
            children = loaded
            problem = nil
        case .childrenLoaded(.unreadable(let why)):
            if children == nil { children = [] }
            problem = "Your saved children could not be read: \(why)"
        default:
            return
        }
        cursor.fit(count: itemCount, visible: listArea(context.contentArea).height)
    }

    public mutating func appeared(in context: inout AppContext) { context.loadChildren() }

    public mutating func fit(area: Rect, in context: AppContext) {
        cursor.fit(count: itemCount, visible: listArea(area).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch cursor.handle(mouse, body: listArea(area), count: itemCount) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard (1...itemCount).contains(number) else { return false }
        cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    func label(_ child: SavedChild, _ context: AppContext) -> String {
        let facts = ChildFacts(child, context)
        var text = "\(facts.headline) — \(facts.roundTitle)"
        if !child.preferences.isEmpty { text += " · \(child.preferences.count) ranked" }
        return text
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Schools for my child", x: area.x, y: area.y, role: .title)
        var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 2))
        writer.write("Each child you add is saved on this computer. Open one to see their dates, the schools they could go to, comparisons and your preference list.",
                     role: .dim, into: &screen)
        let list = listArea(area)
        guard let children else {
            screen.put("Reading your saved children…", x: list.x, y: list.y, role: .dim)
            return
        }
        for row in 0..<list.height {
            let index = cursor.viewport.top + row
            guard index < itemCount else { break }
            let selected = index == cursor.selected
            let text = children.indices.contains(index) ? label(children[index], context) : "+ Add a child"
            screen.putPadded((selected ? "▸ " : "  ") + text, x: list.x - 2, y: list.y + row, width: list.width + 2,
                             role: selected ? .selected : children.indices.contains(index) ? .normal : .accent)
        }
        var below = ParagraphWriter(area: Rect(x: area.x + 2, y: list.maxY + 1, width: area.width - 4, height: area.maxY - list.maxY - 1))
        if let problem {
            below.write(problem, role: .error, into: &screen)
        } else if children.isEmpty {
            below.write("No child saved yet: press Enter (or a) to add one. You need their date of birth and your home postcode.",
                        role: .normal, into: &screen)
        } else if children.indices.contains(cursor.selected), let step = ChildFacts(children[cursor.selected], context).nextStep {
            below.write("Next: \(step).", role: .accent, into: &screen)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        guard let children else {
            return PlainView(title: "Schools for my child", lines: [.note("Reading your saved children...")], prompt: "Type b to go back:")
        }
        var lines: [PlainLine] = children.enumerated().map { .item($0.offset + 1, label($0.element, context) + ".") }
        lines.append(.item(children.count + 1, "Add a child."))
        if let problem { lines.append(.note(problem)) }
        if children.isEmpty { lines.append(.note("No child saved yet. You need their date of birth and your home postcode.")) }
        let prompt = children.isEmpty
            ? "Type \(children.count + 1) or a to add a child, or b to go back:"
            : "Type a number to open a child, a to add one, x and a number to remove one, or b to go back:"
        return PlainView(title: "Schools for my child", lines: lines, prompt: prompt)
    }
}
