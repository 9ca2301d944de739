import ChoiceKit

public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below this the UI asks politely for a bigger window instead of drawing garbage.
    public static let minimum = Size(width: 60, height: 18)
    public var isTooSmall: Bool { width < Self.minimum.width || height < Self.minimum.height }
}

public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    public var maxY: Int { y + height }
    public var maxX: Int { x + width }
}

/// What a cell means; the theme decides how that looks (colour, bold, reverse).
public enum Role: UInt8, CaseIterable, Hashable, Sendable {
    case normal, title, heading, dim, selected, marked, accent, good, fair, bad, status, statusKey, input, border,
         overlay, error
}

/// One terminal cell: a grapheme (or "" for the right half of a wide one) and its role.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: Role
    public static let blank = Cell(text: " ", role: .normal)
}

/// The whole frame as data. `render` produces it; the terminal backend draws it; tests read it.
public struct Screen: Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the text cursor should show (text entry), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// The rows as plain text, for tests and the plain transcript.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { line += cells[y * size.width + x].text }
            return line
        }
    }

    public var text: String { lines.map { $0.trimmingTrailing() }.joined(separator: "\n") }

    public mutating func fill(_ rect: Rect, role: Role) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { cells[y * size.width + x] = Cell(text: " ", role: role) }
        }
    }

    public mutating func setRole(_ rect: Rect, role: Role) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { cells[y * size.width + x].role = role }
        }
    }

    /// Writes text at (x, y), at most `width` columns, cut with "…" when too long. Control
    /// characters are replaced with visible symbols first: catalog text can never drive the terminal.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width: Int? = nil, role: Role = .normal) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(width ?? (size.width - x), size.width - x)
        guard limit > 0 else { return 0 }
        let safe = DisplayWidth.truncate(TextSafety.inert(text), to: limit)
        var column = x
        for character in safe {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > x + limit { break }
            if column >= 0 {
                cells[y * size.width + column] = Cell(text: String(character), role: role)
                if w == 2, column + 1 < size.width { cells[y * size.width + column + 1] = Cell(text: "", role: role) }
            }
            column += w
        }
        return column - x
    }

    /// Writes text padded with spaces to exactly `width` columns.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, role: Role = .normal, alignRight: Bool = false) {
        guard width > 0 else { return }
        fill(Rect(x: x, y: y, width: width, height: 1), role: role)
        let textWidth = min(width, DisplayWidth.of(TextSafety.inert(text)))
        put(text, x: alignRight ? x + width - textWidth : x, y: y, width: width, role: role)
    }

    public mutating func box(_ rect: Rect, role: Role = .border, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x...right {
            put(x == rect.x ? "┌" : x == right ? "┐" : "─", x: x, y: rect.y, role: role)
            put(x == rect.x ? "└" : x == right ? "┘" : "─", x: x, y: bottom, role: role)
        }
        for y in (rect.y + 1)..<bottom {
            put("│", x: rect.x, y: y, role: role)
            put("│", x: right, y: y, role: role)
        }
        if let title { put(" \(title) ", x: rect.x + 2, y: rect.y, width: rect.width - 4, role: .title) }
    }
}

extension String {
    func trimmingTrailing() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
