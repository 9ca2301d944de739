import ChoiceKit

/// Aligned columns for people reading a terminal: a header, a rule, then the rows. Columns grow
/// to fit up to a limit that keeps a row readable; longer text ends in "…".
enum TextTable {
    static let widest = 40

    static func render(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = min(widest, max(widths[index], DisplayWidth.of(cell)))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                DisplayWidth.pad(cell, to: widths[min(index, widths.count - 1)], alignRight: rightAligned.contains(index))
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(headers) + line(widths.map { String(repeating: "─", count: $0) }) + rows.map(line).joined()
    }
}
