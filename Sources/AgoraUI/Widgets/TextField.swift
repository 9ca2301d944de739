import ChoiceKit

/// A one-line text entry: typed characters are text until Enter or Esc. Long text scrolls
/// sideways to keep the cursor in view; the length is capped, so a huge paste costs no more than
/// the cap (each key is constant work) and says why it stopped.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, in characters.
    public private(set) var cursor: Int
    /// The first character shown: sideways scroll, moved only as the cursor moves.
    public private(set) var offset = 0
    /// Columns the field is drawn in.
    public private(set) var width: Int
    public let limit: Int
    /// Why the last key was refused, or what is wrong with the text; shown beside the field.
    public var message: String?

    public static let defaultLimit = 200

    public init(_ text: String = "", width: Int = 30, limit: Int = TextField.defaultLimit) {
        characters = Array(text.prefix(limit))
        cursor = characters.count
        self.width = max(2, width)
        self.limit = max(1, limit)
        keepCursorVisible()
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public enum Change: Hashable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// The key is not for a text field.
        case ignored
        /// The key was refused (too long, a control character); `message` says why.
        case refused
    }

    public mutating func setWidth(_ columns: Int) {
        width = max(2, columns)
        keepCursorVisible()
    }

    public mutating func setText(_ text: String) {
        characters = Array(text.prefix(limit))
        cursor = characters.count
        keepCursorVisible()
    }

    @discardableResult
    public mutating func handle(_ key: Key) -> Change {
        let change = apply(key)
        if change == .edited || change == .moved { keepCursorVisible() }
        if change == .edited { message = nil }
        return change
    }

    private mutating func apply(_ key: Key) -> Change {
        switch key {
        case .character(let character):
            guard !character.unicodeScalars.contains(where: TextSafety.isControl) else { return .refused }
            guard characters.count < limit else {
                message = "That is as long as this field takes (\(limit) characters)."
                return .refused
            }
            characters.insert(character, at: cursor)
            cursor += 1
            return .edited
        case .backspace:
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .control("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            return .edited
        case .left, .control("b"):
            guard cursor > 0 else { return .ignored }
            cursor -= 1
            return .moved
        case .right, .control("f"):
            guard cursor < characters.count else { return .ignored }
            cursor += 1
            return .moved
        case .home, .control("a"):
            cursor = 0
            return .moved
        case .end, .control("e"):
            cursor = characters.count
            return .moved
        case .control("u"):
            guard !characters.isEmpty else { return .ignored }
            characters.removeAll()
            cursor = 0
            return .edited
        case .control("w"):
            guard cursor > 0 else { return .ignored }
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        default:
            return .ignored
        }
    }

    /// Scrolls sideways the least needed to show the cursor, measured in display columns.
    private mutating func keepCursorVisible() {
        offset = min(offset, cursor)
        // The cursor needs its own column at the end.
        while offset < cursor, columns(from: offset, to: cursor) > width - 1 { offset += 1 }
        if offset > 0, columns(from: 0, to: characters.count) <= width - 1 { offset = 0 }
    }

    private func columns(from start: Int, to end: Int) -> Int {
        var total = 0
        for index in start..<end { total += DisplayWidth.of(characters[index]) }
        return total
    }

    /// What the field shows: the visible part of the text, the cursor's column inside the field,
    /// and whether text is hidden to the left or right.
    public var visible: (text: String, cursorColumn: Int, moreLeft: Bool, moreRight: Bool) {
        var shown = ""
        var used = 0
        var index = offset
        while index < characters.count {
            let w = DisplayWidth.of(characters[index])
            if used + w > width { break }
            shown.append(characters[index])
            used += w
            index += 1
        }
        return (shown, columns(from: offset, to: cursor), offset > 0, index < characters.count)
    }

    /// Draws the field at (x, y), with markers where text is scrolled out of view, and puts the
    /// terminal cursor in it when it has focus.
    public func render(into screen: inout Screen, x: Int, y: Int, focused: Bool, role: Role = .input) {
        let view = visible
        screen.putPadded(view.text, x: x, y: y, width: width, role: role)
        if view.moreLeft { screen.put("‹", x: x, y: y, role: .dim) }
        if view.moreRight { screen.put("›", x: x + width - 1, y: y, role: .dim) }
        if focused { screen.cursor = (min(x + width - 1, x + view.cursorColumn), y) }
    }
}
