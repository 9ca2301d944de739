import ChoiceKit

/// One column of a `Table`: its title, the width its content wants, and its alignment.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// The width the content wants (widest value, capped by its owner); narrower windows cut it.
    public var width: Int
    public var alignRight: Bool

    public init(title: String, width: Int, alignRight: Bool = false) {
        self.title = title
        self.width = max(1, width)
        self.alignRight = alignRight
    }
}

public struct TableCell: Hashable, Sendable {
    public var text: String
    public var role: Role
    public init(_ text: String, role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

/// Where a table is: the cursor row, the rows in view, and the first scrollable column shown.
/// Lives in the owning feature's state.
public struct TableState: Hashable, Sendable {
    public var cursor = ListCursor()
    /// Index (among the columns after the first) of the leftmost one shown.
    public var firstColumn = 0

    public init() {}

    /// ← → move the scrollable columns; `ignored` when there is nothing more that way, so the
    /// owner's own meaning of the key (back, open) applies.
    public mutating func scrollColumns(_ step: Int, columns: [TableColumn], width: Int, gutter: Int) -> Handling {
        let placement = Table.place(columns: columns, width: width, firstColumn: firstColumn, gutter: gutter)
        if step < 0, firstColumn > 0 {
            firstColumn -= 1
            return .handled
        }
        if step > 0, placement.hiddenRight > 0 {
            firstColumn += 1
            return .handled
        }
        return .ignored
    }
}

/// A grid with a header row and a first column that stay put while the body scrolls both ways.
/// Columns keep their given order, so the most important (put first by the owner) survive narrow
/// windows, and a wider window never shows fewer of them. Rows are drawn on demand, so a table of
/// 100,000 rows costs only the rows in view.
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var cell: (_ row: Int, _ column: Int) -> TableCell
    /// A mark in the gutter left of the first column ("✓"), or nil.
    public var marker: ((_ row: Int) -> String?)?
    /// Whether the cursor row is highlighted (a list) or the table only scrolls (a comparison).
    public var highlightsRow = true

    public init(columns: [TableColumn], rowCount: Int, cell: @escaping (Int, Int) -> TableCell,
                marker: ((Int) -> String?)? = nil, highlightsRow: Bool = true) {
        self.columns = columns
        self.rowCount = rowCount
        self.cell = cell
        self.marker = marker
        self.highlightsRow = highlightsRow
    }

    public struct Placement: Hashable, Sendable {
        public struct Column: Hashable, Sendable {
            public let index: Int
            public let x: Int
            public let width: Int
        }
        public let columns: [Column]
        public let hiddenLeft: Int
        public let hiddenRight: Int
    }

    static let gap = 1

    /// Which columns show at this width, and where (x relative to the table's left edge).
    public static func place(columns: [TableColumn], width: Int, firstColumn: Int, gutter: Int) -> Placement {
        guard let first = columns.first else { return Placement(columns: [], hiddenLeft: 0, hiddenRight: 0) }
        let rest = Array(columns.dropFirst())
        let start = max(0, min(firstColumn, rest.count - 1))
        // The frozen column takes at most six tenths of the width, so others always have room;
        // both shares grow with the window, so a wider window never shows fewer columns.
        let available = max(0, width - gutter)
        let frozenWidth = rest.isEmpty ? min(first.width, available) : min(first.width, max(min(12, available), available * 6 / 10))
        var placed = [Placement.Column(index: 0, x: gutter, width: frozenWidth)]
        var x = gutter + frozenWidth + gap
        var index = start
        while index < rest.count {
            let wanted = rest[index].width
            let room = width - x
            if wanted <= room {
                placed.append(Placement.Column(index: index + 1, x: x, width: wanted))
                x += wanted + gap
                index += 1
            } else {
                // A column that does not fit whole is shown cut only when it is the first one.
                if placed.count == 1, room >= 4 {
                    placed.append(Placement.Column(index: index + 1, x: x, width: room))
                    index += 1
                }
                break
            }
        }
        return Placement(columns: placed, hiddenLeft: rest.isEmpty ? 0 : start, hiddenRight: rest.count - index)
    }

    /// The width the whole table wants: every column at its width.
    public static func naturalWidth(_ columns: [TableColumn], gutter: Int) -> Int {
        gutter + columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1) * gap
    }

    public var gutter: Int { marker == nil ? 0 : 2 }

    /// The body (rows below the header) inside `area`: shared with mouse handling.
    public static func body(of area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    public func render(_ state: TableState, into screen: inout Screen, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let placement = Self.place(columns: columns, width: area.width, firstColumn: state.firstColumn, gutter: gutter)
        for column in placement.columns {
            let spec = columns[column.index]
            screen.putPadded(spec.title, x: area.x + column.x, y: area.y, width: column.width, role: .heading, alignRight: spec.alignRight)
        }
        if placement.hiddenLeft > 0, placement.columns.count > 1 {
            screen.put("◂", x: area.x + placement.columns[1].x - 1, y: area.y, role: .accent)
        }
        if placement.hiddenRight > 0 {
            screen.put("▸", x: area.maxX - 1, y: area.y, role: .accent)
        }
        let body = Self.body(of: area)
        for offset in 0..<body.height {
            let row = state.cursor.viewport.top + offset
            guard row < rowCount else { break }
            let y = body.y + offset
            let selected = highlightsRow && row == state.cursor.selected
            if selected { screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            if let mark = marker?(row) {
                screen.put(mark, x: area.x, y: y, role: selected ? .selected : .marked)
            }
            for column in placement.columns {
                let value = cell(row, column.index)
                let role: Role = selected ? .selected : value.role
                screen.putPadded(value.text, x: area.x + column.x, y: y, width: column.width, role: role,
                                 alignRight: columns[column.index].alignRight)
            }
        }
    }

    /// "rows 1–20 of 68", for a summary line.
    public static func rowsShown(_ state: TableState, count: Int, visible: Int) -> String? {
        guard count > visible else { return nil }
        let first = state.cursor.viewport.top + 1
        return "rows \(Count.text(first))–\(Count.text(min(count, first + visible - 1))) of \(Count.text(count))"
    }
}
