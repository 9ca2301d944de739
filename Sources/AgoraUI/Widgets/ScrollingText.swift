import ChoiceKit

/// Wrapped lines of text in a scrolled window, with a marker row saying where you are. Shared by
/// the about page and help, so scrolling works and reads the same on both.
public struct ScrollingText: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var text: String
        public var role: Role
        public var indent: Int
        public init(_ text: String, role: Role = .normal, indent: Int = 0) {
            self.text = text
            self.role = role
            self.indent = indent
        }
    }

    public var viewport = Viewport()

    public init() {}

    /// Rows for text, leaving the last one for the marker when the text needs scrolling.
    public static func textRows(_ area: Rect, lines: Int) -> Int { lines > area.height ? max(1, area.height - 1) : area.height }

    public mutating func scroll(_ move: ListMove, lines: Int, area: Rect) {
        let rows = Self.textRows(area, lines: lines)
        switch move {
        case .up: viewport.scroll(by: -1, contentRows: lines, visible: rows)
        case .down: viewport.scroll(by: 1, contentRows: lines, visible: rows)
        case .pageUp: viewport.scroll(by: -max(1, rows - 1), contentRows: lines, visible: rows)
        case .pageDown: viewport.scroll(by: max(1, rows - 1), contentRows: lines, visible: rows)
        case .top: viewport.top = 0
        case .bottom: viewport.top = Viewport.maxTop(rows: lines, visible: rows)
        }
    }

    public mutating func fit(lines: Int, area: Rect) {
        viewport.clamp(rows: lines, visibleRows: Self.textRows(area, lines: lines))
    }

    public func render(_ lines: [Line], into screen: inout Screen, area: Rect) {
        let rows = Self.textRows(area, lines: lines.count)
        for (row, line) in lines.dropFirst(viewport.top).prefix(rows).enumerated() {
            screen.put(line.text, x: area.x + line.indent, y: area.y + row, width: area.width - line.indent, role: line.role)
        }
        guard lines.count > area.height else { return }
        let atEnd = viewport.top >= Viewport.maxTop(rows: lines.count, visible: rows)
        let marker = atEnd ? "— end —" : "↓ more (PgDn)"
        screen.put(marker, x: area.maxX - DisplayWidth.of(marker), y: area.maxY - 1, role: .dim)
    }

    /// Wraps paragraphs to a width; `gapAfter` leaves a blank line after a paragraph.
    public static func wrap(_ paragraphs: [(text: String, role: Role, gapBefore: Bool)], width: Int) -> [Line] {
        var lines: [Line] = []
        for paragraph in paragraphs {
            if paragraph.gapBefore, !lines.isEmpty { lines.append(Line("")) }
            for part in DisplayWidth.wrap(paragraph.text, width: max(1, width)) { lines.append(Line(part, role: paragraph.role)) }
        }
        return lines
    }
}
