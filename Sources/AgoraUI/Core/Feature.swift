/// A page or a panel: it owns its state and provides its title, key bindings, action handling,
/// mouse handling, drawing and plain-mode text. The router forwards to whichever is on top, so a
/// new page is a new type — no switch elsewhere learns about it.
public protocol Feature: Sendable {
    /// Stable identity ("list:school"), for plain mode's "what changed" and for tests.
    var id: String { get }
    /// A short name for the title bar's breadcrumbs.
    func title(in context: AppContext) -> String
    /// The bindings help and the status line show.
    func help(in context: AppContext) -> [HelpEntry]
    /// While true (typing a search), every key but Ctrl-C goes to the feature: letters are text.
    var capturesText: Bool { get }
    mutating func handle(_ key: Key, in context: inout AppContext) -> Handling
    /// `area` is where the feature was drawn (the content area), so clicks land on what is seen.
    mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling
    /// The window changed size: keep cursors and offsets inside what fits.
    mutating func fit(area: Rect, in context: AppContext)
    func render(into screen: inout Screen, area: Rect, in context: AppContext)
    /// The same page as lines for plain mode.
    func plain(in context: AppContext) -> PlainView
    mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling
    /// An effect's outcome (a job finished…), offered to every open feature.
    mutating func receive(_ outcome: Outcome, in context: inout AppContext)
    /// A modal this feature presented was answered.
    mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext)
    /// The home postcode changed: distances and sorts that use it must follow.
    mutating func homeChanged(in context: AppContext)
    /// The feature was just opened, or is on top again after the page above it closed: the time
    /// to read saved data that another copy of Agora (or a command) may have changed.
    mutating func appeared(in context: inout AppContext)
}

extension Feature {
    public var capturesText: Bool { false }
    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling { .ignored }
    public mutating func fit(area: Rect, in context: AppContext) {}
    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling { .ignored }
    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {}
    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {}
    public mutating func homeChanged(in context: AppContext) {}
    public mutating func appeared(in context: inout AppContext) {}
}

/// A feature whose keys map to its own `Action` type through one `Keymap`: key handling, help and
/// plain-mode commands all come from that table.
public protocol KeyedFeature: Feature {
    associatedtype Action: Sendable
    func keymap(in context: AppContext) -> Keymap<Action>
    mutating func perform(_ action: Action, in context: inout AppContext) -> Handling
    /// Plain mode: puts the cursor on item `number` (1-based) before a command acts on it.
    mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool
    /// What a bare number does in plain mode (usually "open").
    var plainDefault: Action? { get }
}

extension KeyedFeature {
    public func help(in context: AppContext) -> [HelpEntry] { keymap(in: context).help }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        guard let action = keymap(in: context).action(for: key) else { return .ignored }
        return perform(action, in: &context)
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool { false }
    public var plainDefault: Action? { nil }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        keyedPlain(command, in: &context)
    }

    /// The generic plain command: "3" does the default to item 3, "m 3" does m's action to it,
    /// "s" alone does s's action.
    public mutating func keyedPlain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        let action: Action?
        if command.word.isEmpty {
            action = plainDefault
        } else {
            action = keymap(in: context).action(forPlain: command.word)
        }
        guard let action else { return .ignored }
        // "x abc", "m -1": a number was meant, and acting on whatever was last selected could
        // take off the wrong thing.
        if command.number == nil, !command.argument.isEmpty {
            let example = command.word.isEmpty ? "3" : "\(command.word) 3"
            context.warn("\"\(command.argument)\" is not the number of an item here: type \(example), for example. Nothing was changed.")
            return .handled
        }
        if let number = command.number {
            guard selectForPlain(number, in: context) else {
                context.warn("There is no number \(number) here.")
                return .handled
            }
        } else if command.word.isEmpty {
            return .ignored
        }
        return perform(action, in: &context)
    }
}
