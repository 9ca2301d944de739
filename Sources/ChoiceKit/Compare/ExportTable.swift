/// A table to export: a title, a header row, body rows and notes. One writer per format, shared by
/// comparisons and preference lists, and every cell made inert on the way out.
public struct ExportTable: Hashable, Sendable {
    public var title: String
    public var headers: [String]
    public var rows: [[String]]
    public var notes: [String]

    public init(title: String, headers: [String], rows: [[String]], notes: [String] = []) {
        self.title = title
        self.headers = headers
        self.rows = rows
        self.notes = notes
    }

    // MARK: - Markdown

    public func markdown() -> String {
        func cell(_ text: String) -> String {
            TextSafety.inert(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        }
        var out = "## \(cell(title))\n\n"
        out += "| " + headers.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + headers.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        if !notes.isEmpty { out += "\n" + notes.map { "- " + cell($0) }.joined(separator: "\n") + "\n" }
        return out
    }

    // MARK: - CSV

    /// Spreadsheet-safe CSV: a header row, then the rows; notes are left out (they are not data).
    public func csv() -> String {
        ([headers] + rows).map { row in
            CSVWriter.row(row.map(CSVWriter.spreadsheetSafe))
        }.joined()
    }

    // MARK: - Printable text

    /// Plain text for printing or reading aloud: columns side by side within `width`, long cells
    /// wrapped; when the columns do not fit, they are split into groups, each repeating the first.
    public func text(width: Int = 100) -> String {
        var out = DisplayWidth.wrap(TextSafety.inert(title), width: width).joined(separator: "\n") + "\n"
        let safeHeaders = headers.map(TextSafety.inert), safeRows = rows.map { $0.map(TextSafety.inert) }
        guard !headers.isEmpty else { return out }
        func natural(_ column: Int, cap: Int) -> Int {
            let cells = [safeHeaders[column]] + safeRows.map { column < $0.count ? $0[column] : "" }
            return min(cap, max(1, cells.map(DisplayWidth.of).max() ?? 1))
        }
        let gap = 2, firstWidth = min(30, natural(0, cap: 30))
        let others = Array(1..<headers.count)
        let minimum = 16
        let perGroup = max(1, (width - firstWidth) / (minimum + gap))
        var groups: [[Int]] = []
        var index = 0
        while index < others.count {
            groups.append(Array(others[index..<min(others.count, index + perGroup)]))
            index += perGroup
        }
        if groups.isEmpty { groups = [[]] }
        for group in groups {
            let widths = [firstWidth] + Self.share(width - firstWidth - gap * group.count, among: group.map { natural($0, cap: 40) })
            func lines(_ cells: [String]) -> String {
                let wrapped = cells.enumerated().map { DisplayWidth.wrap($0.element, width: widths[$0.offset]) }
                let height = wrapped.map(\.count).max() ?? 1
                var text = ""
                for line in 0..<max(1, height) {
                    let parts = wrapped.enumerated().map { column, cellLines in
                        DisplayWidth.pad(line < cellLines.count ? cellLines[line] : "", to: widths[column])
                    }
                    text += parts.joined(separator: String(repeating: " ", count: gap)).trimmingTrailingWhitespace() + "\n"
                }
                return text
            }
            out += "\n" + lines([safeHeaders[0]] + group.map { safeHeaders[$0] })
            out += widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
            for row in safeRows { out += lines([row.first ?? ""] + group.map { $0 < row.count ? row[$0] : "" }) }
        }
        if !notes.isEmpty {
            out += "\n" + notes.flatMap { DisplayWidth.wrap(TextSafety.inert($0), width: width) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Widths for columns that want `natural` widths within `available`: narrow columns keep
    /// theirs, the rest share what is left equally.
    static func share(_ available: Int, among natural: [Int]) -> [Int] {
        var widths = natural
        guard natural.reduce(0, +) > available, !natural.isEmpty else { return widths }
        var open = Array(natural.indices), left = available
        while !open.isEmpty {
            let fair = max(1, left / open.count)
            let fitting = open.filter { natural[$0] <= fair }
            if fitting.isEmpty {
                for column in open { widths[column] = fair }
                break
            }
            for column in fitting { widths[column] = natural[column]; left -= natural[column] }
            open.removeAll { fitting.contains($0) }
        }
        return widths
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension ComparisonGrid {
    /// The grid as a table: the first column names each measure; each cell is its plain text, with
    /// the best marker and why a value is missing.
    public func exportTable() -> ExportTable {
        let rows = self.rows.map { row in [row.label] + row.cells.map(\.plainText) }
        let hasBest = self.rows.contains { $0.cells.contains(where: \.isBest) }
        return ExportTable(title: title, headers: ["Measure"] + columns.map(\.title), rows: rows,
                           notes: notes + (hasBest ? [Self.bestLegend] : []))
    }

    public func markdown() -> String { exportTable().markdown() }
    public func text(width: Int = 100) -> String { exportTable().text(width: width) }

    /// CSV keeps values apart from marks: a last column names the best provider(s) of each row.
    public func csv() -> String {
        let headers = ["measure"] + columns.map(\.title) + ["best"]
        let rows = self.rows.map { row in
            [row.label] + row.cells.map { cell in cell.detail.map { "\(cell.text) — \($0)" } ?? cell.text }
                + [zip(columns, row.cells).filter { $0.1.isBest }.map(\.0.title).joined(separator: "; ")]
        }
        return ExportTable(title: title, headers: headers, rows: rows).csv()
    }

    public func json() -> JSONValue {
        .object([
            ("title", .string(title)),
            ("columns", .array(columns.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
            ("rows", .array(rows.map { row in
                .object([
                    ("key", .string(row.key)), ("label", .string(row.label)), ("group", .string(row.group)),
                    ("cells", .array(row.cells.map { cell in
                        .object([
                            ("text", cell.isMissing ? .null : .string(cell.text)),
                            ("detail", .optional(cell.detail)),
                            ("missing", .optional(cell.missingReason)),
                            ("best", .bool(cell.isBest)),
                        ])
                    })),
                ])
            })),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}
