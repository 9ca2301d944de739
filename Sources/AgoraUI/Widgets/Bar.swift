import ChoiceKit

/// How bars are drawn: Unicode eighth blocks, or plain ASCII where blocks would not show (the mono
/// theme, plain mode, text exports).
public enum BarStyle: Hashable, Sendable {
    case blocks
    case ascii

    public init(theme: ThemeName) { self = theme == .mono ? .ascii : .blocks }
}

/// A horizontal bar: `value` of `maximum` drawn in `width` columns, to an eighth of a column with
/// blocks. Whole-number arithmetic only, so equal values always draw equal bars.
public enum Bar {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar as text, at most `width` columns (no padding).
    public static func text(_ value: Int64, of maximum: Int64, width: Int, style: BarStyle) -> String {
        guard width > 0, maximum > 0, value > 0 else { return "" }
        let clamped = min(value, maximum)
        // value × width × 8 can overflow for huge values; scale both down first.
        var v = clamped, m = maximum
        while v > Int64.max / Int64(max(1, width * 8)) { v /= 2; m = max(1, m / 2) }
        let units = Int(v * Int64(width * 8) / m)
        switch style {
        case .blocks:
            var out = String(repeating: "█", count: units / 8)
            if units % 8 > 0 { out.append(eighths[units % 8 - 1]) }
            // A value above zero always shows, however small.
            return out.isEmpty ? String(eighths[0]) : out
        case .ascii:
            let full = max(1, (units + 4) / 8)
            return String(repeating: "#", count: min(width, full))
        }
    }

    /// A bar split in two parts that share one scale, e.g. planned and over: `first` then `second`.
    public static func split(_ first: Int64, _ second: Int64, of maximum: Int64, width: Int, style: BarStyle) -> (String, String) {
        let total = text(first + second, of: maximum, width: width, style: style)
        let head = text(first, of: maximum, width: width, style: style)
        let headColumns = DisplayWidth.of(head)
        let tail = String(total.dropFirst(max(0, min(total.count, headColumns))))
        return (head, tail)
    }
}

/// Labelled bars on one scale with their values written beside them.
public struct BarChart: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public let label: String
        public let value: Int64
        /// How the value is written ("£1,250", "61%").
        public let valueText: String
        public let role: Role

        public init(label: String, value: Int64, valueText: String, role: Role = .accent) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.role = role
        }
    }

    public var rows: [Row]
    /// The scale's top; the largest value when nil.
    public var maximum: Int64?

    public init(rows: [Row], maximum: Int64? = nil) {
        self.rows = rows
        self.maximum = maximum
    }

    /// One line per row: label, bar, value. Used by the screen and, in ASCII, by plain output.
    public func lines(width: Int, style: BarStyle) -> [(label: String, bar: String, value: String, role: Role)] {
        let labelWidth = min(max(4, width / 3), rows.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let valueWidth = rows.map { DisplayWidth.of($0.valueText) }.max() ?? 0
        let barWidth = max(1, width - labelWidth - valueWidth - 2)
        let top = maximum ?? rows.map(\.value).max() ?? 0
        return rows.map { row in
            (DisplayWidth.pad(row.label, to: labelWidth), Bar.text(row.value, of: top, width: barWidth, style: style),
             row.valueText, row.role)
        }
    }

    public func render(into screen: inout Screen, area: Rect, style: BarStyle) {
        let lines = self.lines(width: area.width, style: style)
        let labelWidth = lines.first.map { DisplayWidth.of($0.label) } ?? 0
        for (index, line) in lines.enumerated() where index < area.height {
            let y = area.y + index
            screen.put(line.label, x: area.x, y: y)
            let barWidth = screen.put(line.bar, x: area.x + labelWidth + 1, y: y, role: line.role)
            screen.put(line.value, x: area.x + labelWidth + 2 + barWidth, y: y, role: .normal)
        }
    }
}
