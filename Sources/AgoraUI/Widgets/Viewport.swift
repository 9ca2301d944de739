/// Where a scrolled view starts: its first row and first column. It lives in state and only
/// `update` moves it; render draws from it as it is.
public struct Viewport: Hashable, Sendable {
    public var top: Int
    public var left: Int

    public init(top: Int = 0, left: Int = 0) {
        self.top = top
        self.left = left
    }

    /// The last useful first row: a full last page, never blank space below the content.
    public static func maxTop(rows: Int, visible: Int) -> Int { max(0, rows - max(1, visible)) }

    /// Keeps both offsets inside the content (after a resize or when the content shrinks).
    public mutating func clamp(rows: Int, visibleRows: Int, columns: Int = 0, visibleColumns: Int = 0) {
        top = max(0, min(top, Self.maxTop(rows: rows, visible: visibleRows)))
        left = max(0, min(left, max(0, columns - max(1, visibleColumns))))
    }

    /// Scrolls the least needed so `row` is inside a window of `visible` rows.
    public mutating func reveal(row: Int, visible: Int) {
        guard visible > 0 else { return }
        if row < top { top = row }
        if row >= top + visible { top = row - visible + 1 }
        top = max(0, top)
    }

    /// Scrolls by `rows` (negative is up), staying inside the content.
    public mutating func scroll(by rows: Int, contentRows: Int, visible: Int) {
        top = max(0, min(top + rows, Self.maxTop(rows: contentRows, visible: visible)))
    }
}
