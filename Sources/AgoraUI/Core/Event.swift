/// Keys as the UI understands them, whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    /// Ctrl with a letter, e.g. `.control("c")`.
    case control(Character)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public var x: Int
    public var y: Int
    public var kind: Kind
    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// Everything that can happen to the UI: input from the person, and what became of the effects
/// `update` asked for (reported by the runtime, so a write is confirmed before it is shown as done).
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    case outcome(Outcome)
}
