import ChoiceKit

/// Providers side by side: providers as columns, measures as rows (grouped), the header row and
/// the measure column frozen while the rest scrolls both ways, the best value in each row marked
/// with ★ (never by colour alone), missing values said in words. Enter explains a row; e saves
/// the comparison as Markdown, CSV or text.
public struct ComparisonFeature: KeyedFeature {
    public private(set) var grid: ComparisonGrid
    public var table = TableState()
    /// The marked providers the grid was made from, so it is made again when the home postcode
    /// (which its distances are from) changes; nil for a comparison made another way.
    var marked: Marked?

    struct Marked: Hashable, Sendable {
        let ids: [String]
        let kind: ProviderKind
    }
    /// The file name last typed to save the comparison, and why that save failed if it did.
    var exportRetry = ExportRetry()
    /// Whether providers lie beyond the screen's width, as last fitted.
    var scrollsSideways = false

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case columnsLeft, columnsRight
        case explain, export
    }

    /// A display row: a group heading or one of the grid's rows.
    enum Line: Hashable {
        case group(String)
        case row(Int)
    }

    private(set) var lines: [Line]
    static let exportTag = "comparison.export"

    public init(grid: ComparisonGrid) {
        self.grid = grid
        lines = Self.lines(of: grid)
        table.cursor.selected = lines.firstIndex { if case .row = $0 { return true }; return false } ?? 0
    }

    public mutating func homeChanged(in context: AppContext) {
        guard let marked else { return }
        let providers = marked.ids.compactMap { context.catalog.provider(id: $0) }
        grid = Comparisons.grid(providers, kind: marked.kind, in: context)
        lines = Self.lines(of: grid)
    }

    private static func lines(of grid: ComparisonGrid) -> [Line] {
        var lines: [Line] = []
        var group: String?
        for (index, row) in grid.rows.enumerated() {
            if row.group != group {
                lines.append(.group(row.group))
                group = row.group
            }
            lines.append(.row(index))
        }
        return lines
    }

    public var id: String { "compare:" + grid.columns.map(\.id).joined(separator: ",") }
    public func title(in context: AppContext) -> String { grid.title }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "measure") + [
            // Offered in the footer only when some providers are out of sight.
            KeyBinding([.right, .character("l")], "→ l", .columnsRight, "more providers to the right", hint: scrollsSideways ? "more" : nil),
            KeyBinding([.left], "←", .columnsLeft, "back to the left, or back"),
            KeyBinding([.enter], "Enter", .explain, "explain this row: every value in full", hint: "explain"),
            KeyBinding([.character("e")], "e", .export, "save as Markdown, CSV or text", hint: "save", plain: "e"),
        ])
    }

    func isRow(_ index: Int) -> Bool { if case .row = lines[index] { return true }; return false }

    static func cellText(_ cell: ComparisonCell) -> String { cell.isBest ? "\(cell.text) \(ComparisonGrid.bestMarker)" : cell.text }

    /// The measure column, then one column per provider: as wide as their values want (up to an even share),
    /// narrowed evenly (to no less than 14) so that as many providers as possible show at once.
    func columns(width: Int) -> [TableColumn] {
        let labelWidth = min(48, max(12, grid.rows.map { DisplayWidth.of($0.label) }.max() ?? 12), max(12, width * 4 / 10))
        let share = grid.columns.isEmpty ? 26 : (width - labelWidth) / grid.columns.count - 1
        var columns = [TableColumn(title: ComparisonGrid.bestLegend, width: labelWidth)]
        for (index, column) in grid.columns.enumerated() {
            let widest = max(grid.rows.map { DisplayWidth.of(Self.cellText($0.cells[index])) }.max() ?? 0, DisplayWidth.of(column.title))
            // Wider windows give each provider more room, up to what its longest value needs.
            columns.append(TableColumn(title: column.title, width: max(14, min(widest, share))))
        }
        return columns
    }

    func tableView(width: Int) -> Table {
        let lines = self.lines, grid = self.grid
        return Table(columns: columns(width: width), rowCount: lines.count, cell: { line, column in
            switch lines[line] {
            case .group(let name): return TableCell(column == 0 ? name : "", role: .heading)
            case .row(let index):
                let row = grid.rows[index]
                if column == 0 { return TableCell(row.label) }
                let cell = row.cells[column - 1]
                let role: Role = cell.isMissing ? .dim : DetailLines.role(cell.tone)
                return TableCell(Self.cellText(cell), role: cell.isBest ? .accent : role)
            }
        })
    }

    static func tableArea(_ area: Rect, notes: Int) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - notes)
    }

    /// The grid's notes less the ★ legend, which the measure column's heading already says.
    var screenNotes: [String] { grid.notes.filter { $0 != ComparisonGrid.bestLegend } }

    /// Below the grid: two rows for the selected measure in full, then the notes that fit.
    func noteRows(_ area: Rect) -> Int { min(area.height >= 20 ? 4 : 3, 2 + screenNotes.count) }

    /// The selected measure with every value whole (the columns cut them), in at most two lines,
    /// then one line per note: what the footer under the grid shows.
    func footer(width: Int, rows: Int) -> [(text: String, role: Role)] {
        var out: [(String, Role)] = []
        if table.cursor.selected < lines.count, case .row(let index) = lines[table.cursor.selected] {
            let row = grid.rows[index]
            let values = zip(grid.columns, row.cells).map { column, cell in "\(column.title): \(Self.cellText(cell))" }
            var wrapped = DisplayWidth.wrap("\(row.label) — " + values.joined(separator: "; "), width: max(1, width))
            if wrapped.count > 2 {
                let tail = " Enter: in full"
                var second = DisplayWidth.truncate(wrapped[1], to: max(1, width - DisplayWidth.of(tail) - 1))
                if !second.hasSuffix("…") { second += "…" }
                wrapped = [wrapped[0], second + tail]
            }
            out += wrapped.map { ($0, Role.normal) }
        }
        out += screenNotes.map { ($0, Role.dim) }
        return Array(out.prefix(rows))
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = Self.tableArea(context.contentArea, notes: noteRows(context.contentArea))
        let lines = self.lines
        switch action {
        case .move(let move):
            table.cursor.move(move, count: lines.count, visible: Table.body(of: area).height) { index in
                if case .row = lines[index] { return true }
                return false
            }
        case .columnsRight:
            return table.scrollColumns(1, columns: columns(width: area.width), width: area.width, gutter: 0)
        case .columnsLeft:
            return table.scrollColumns(-1, columns: columns(width: area.width), width: area.width, gutter: 0)
        case .explain:
            guard lines.indices.contains(table.cursor.selected), case .row(let index) = lines[table.cursor.selected] else { return .handled }
            let row = grid.rows[index]
            let text = zip(grid.columns, row.cells).map { column, cell in "\(column.title): \(cell.plainText)" }.joined(separator: "\n")
            context.present(ModalFeature(tag: "comparison.explain", modal: .info(row.label, text)))
        case .export:
            context.present(ModalFeature(tag: Self.exportTag, modal: exportRetry.prompt(
                "Save this comparison",
                message: "File name: .md for a document, .csv for a spreadsheet, .txt for printing. It is saved in the folder Agora was started from unless you give a full path.",
                defaultName: "agora-comparison.md")))
        }
        return .handled
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.exportTag, case .submitted(let name) = outcome else { return }
        save(to: name.trimmingCharacters(in: " "), in: &context)
    }

    mutating func save(to path: String, in context: inout AppContext) {
        guard !path.isEmpty else {
            context.warn("No file name given: nothing was saved.")
            return
        }
        let lower = path.lowercased()
        let text = lower.hasSuffix(".csv") ? grid.csv() : lower.hasSuffix(".txt") ? grid.text() : grid.markdown()
        let job = context.start(.export(ExportDocument(title: "Comparison", text: text), path: path), title: "Saving the comparison to \(path)")
        exportRetry.started(path, job: job)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        _ = exportRetry.receive(outcome)
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: lines.count, visible: Table.body(of: Self.tableArea(area, notes: noteRows(area))).height)
        let placed = Table.place(columns: columns(width: area.width), width: area.width, firstColumn: table.firstColumn, gutter: 0)
        scrollsSideways = table.firstColumn > 0 || placed.hiddenRight > 0
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        let lines = self.lines
        let body = Table.body(of: Self.tableArea(area, notes: noteRows(area)))
        switch table.cursor.handle(mouse, body: body, count: lines.count, selectable: { index in
            if case .row = lines[index] { return true }
            return false
        }) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.explain, in: &context)
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put(grid.title, x: area.x, y: area.y, width: area.width, role: .title)
        let hidden = Table.place(columns: columns(width: area.width), width: area.width, firstColumn: table.firstColumn, gutter: 0)
        let more = hidden.hiddenRight > 0 ? "  → \(hidden.hiddenRight) more" : ""
        let titleWidth = DisplayWidth.of(grid.title)
        screen.put("  \(grid.columns.count) side by side\(more)", x: area.x + titleWidth, y: area.y, width: area.width - titleWidth, role: .dim)
        let notes = noteRows(area)
        tableView(width: area.width).render(table, into: &screen, area: Self.tableArea(area, notes: notes))
        for (index, line) in footer(width: area.width, rows: notes).enumerated() {
            screen.put(line.text, x: area.x, y: area.maxY - notes + index, width: area.width, role: line.role)
        }
    }

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = [.note("Compared: " + grid.columns.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "; ") + ".")]
        var group: String?
        for row in grid.rows {
            if row.group != group {
                lines.append(.heading(row.group))
                group = row.group
            }
            let values = zip(grid.columns, row.cells).map { column, cell in
                // The detail (a chance's reason, a grade's date) is said too: plain mode has no Enter to explain.
                // A sentence's own full stop is dropped: values are joined with "; " and the row ends with one.
                let detail = cell.detail.map { " — " + ($0.hasSuffix(".") ? String($0.dropLast()) : $0) } ?? ""
                return "\(column.title): \(cell.text)\(cell.isBest ? " (best)" : "")" + detail
            }
            lines.append(.note("\(row.label) — " + values.joined(separator: "; ") + "."))
        }
        lines += grid.notes.map { PlainLine.note($0) }
        return PlainView(title: grid.title, lines: lines, prompt: "Type e and a file name to save it (.md, .csv or .txt), or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        guard command.word == "e" else { return .ignored }
        let name = String(command.raw.dropFirst()).trimmingCharacters(in: " ")
        save(to: name.isEmpty ? "agora-comparison.md" : name, in: &context)
        return .handled
    }
}
