import ChoiceKit

/// Aligned columns for people reading a terminal: a header, a rule, then the rows. Columns grow
/// to fit up to a limit that keeps a row readable; longer text ends in "…", or with `wrapping`
/// carries on in its column on the lines below, so nothing is cut. A web address is never cut
/// or broken: its column grows to fit it, so it can be copied or followed whole.
enum TextTable {
    static let widest = 40

    static func isWebAddress(_ cell: String) -> Bool { cell.hasPrefix("https://") || cell.hasPrefix("http://") }

    static func render(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], wrapping: Bool = false) -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], min(isWebAddress(cell) ? Int.max : widest, DisplayWidth.of(cell)))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                DisplayWidth.pad(cell, to: widths[min(index, widths.count - 1)], alignRight: rightAligned.contains(index))
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        func lines(_ cells: [String]) -> String {
            guard wrapping else { return line(cells) }
            let wrapped = cells.enumerated().map { index, cell in
                DisplayWidth.of(cell) <= widths[min(index, widths.count - 1)] || isWebAddress(cell) ? [cell]
                    : DisplayWidth.wrap(cell, width: widths[min(index, widths.count - 1)])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<max(1, height)).map { row in line(wrapped.map { row < $0.count ? $0[row] : "" }) }.joined()
        }
        return line(headers) + line(widths.map { String(repeating: "─", count: $0) }) + rows.map(lines).joined()
    }
}
