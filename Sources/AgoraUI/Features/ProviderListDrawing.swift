import ChoiceKit

/// Drawing a provider list: the header and summary, the table, the side pane, the filter panel
/// and the sort menu over it.
extension ProviderListFeature {
    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let frame = self.frame(area, context)
        let title = self.title(in: context)
        screen.put(title, x: frame.header.x, y: frame.header.y, width: frame.header.width, role: .title)
        let summaryX = frame.header.height == 1 ? frame.header.x + DisplayWidth.of(title) + 2 : frame.header.x
        let summaryY = frame.header.maxY - 1
        if let search {
            screen.put("Search:", x: summaryX, y: summaryY, role: .heading)
            var field = search
            field.setWidth(max(8, min(30, frame.header.maxX - summaryX - 24)))
            field.render(into: &screen, x: summaryX + 8, y: summaryY, focused: true)
            let count = " \(Count.text(rows.count)) match\(rows.count == 1 ? "" : "es")"
            screen.put(count, x: summaryX + 8 + field.width, y: summaryY, width: frame.header.maxX - summaryX - 8 - field.width, role: .dim)
        } else {
            screen.put(summary(context, visible: frame.body.height), x: summaryX, y: summaryY, width: frame.header.maxX - summaryX, role: .dim)
        }
        if let map {
            renderMap(map, into: &screen, cells: frame.table, context: context)
        } else if rows.isEmpty {
            let view = tableView(context)
            view.render(table, into: &screen, area: Rect(x: frame.table.x, y: frame.table.y, width: frame.table.width, height: 1))
            let hint = query.filters.isEmpty && query.text.isEmpty
                ? "Nothing to show." : "Nothing matches. " + (noResultsReason.map { $0 + " " } ?? "")
                    + "Press f to change the filters, or x to clear the search and filters."
            var writer = ParagraphWriter(area: Rect(x: frame.table.x + 2, y: frame.table.y + 2, width: frame.table.width - 4, height: 5))
            writer.write(hint, role: .dim, into: &screen)
        } else {
            tableView(context).render(table, into: &screen, area: frame.table)
        }
        if let side = frame.side {
            for y in side.y..<side.maxY { screen.put("│", x: side.x - 1, y: y, role: .border) }
            if let position = selectedPosition {
                let provider = context.catalog.providers[Int(position)]
                let lines = DetailLines.lines(for: provider, context, width: side.width - 1, place: .beside)
                let inner = Rect(x: side.x + 1, y: side.y, width: side.width - 1, height: side.height)
                DetailLines.draw(lines, from: 0, rows: inner.height, into: &screen, area: inner)
                if lines.count > inner.height {
                    screen.putPadded("… Enter shows every detail", x: inner.x, y: inner.maxY - 1, width: inner.width, role: .dim)
                }
            }
        }
        if let panel { renderPanel(panel, into: &screen, area: area, context) }
        if let sortMenu { renderSortMenu(sortMenu, into: &screen, area: area) }
    }

    static func panelRect(_ area: Rect) -> Rect {
        let width = min(64, area.width)
        return Rect(x: area.maxX - width, y: area.y, width: width, height: area.height)
    }

    /// Rows at the panel's foot for what the selected filter means: three (it is said whole, not
    /// cut) unless the window is too short to spare them.
    static func panelNoteRows(_ area: Rect) -> Int { panelRect(area).height >= 16 ? 3 : 1 }

    /// Rows of filters the panel shows at once, between its borders and its note.
    static func panelVisibleRows(_ area: Rect) -> Int { max(1, panelRect(area).height - 2 - panelNoteRows(area)) }

    private func renderPanel(_ panel: FilterPanel, into screen: inout Screen, area: Rect, _ context: AppContext) {
        let rect = Self.panelRect(area)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Filters — \(Count.text(rows.count)) match\(rows.count == 1 ? "" : "es")")
        let visible = Self.panelVisibleRows(area)
        for row in 0..<visible {
            let index = panel.cursor.viewport.top + row
            guard index < panel.controls.count else { break }
            let control = panel.controls[index]
            let y = rect.y + 1 + row
            let (label, value) = FilterPanel.describe(control, query.filters, homeSet: context.home != nil)
            if control.isHeading {
                screen.put(label, x: rect.x + 2, y: y, width: rect.width - 4, role: .heading)
                continue
            }
            let role: Role = index == panel.cursor.selected ? .selected : .overlay
            screen.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: role)
            let (labelWidth, valueWidth) = Self.split(label: label, value: value, width: rect.width - 7)
            screen.put(label, x: rect.x + 3, y: y, width: labelWidth, role: role)
            screen.put(Self.fitted(value, valueWidth), x: rect.maxX - valueWidth - 2, y: y, width: valueWidth, role: role)
        }
        if panel.cursor.viewport.top > 0 { screen.put("↑", x: rect.maxX - 2, y: rect.y + 1, role: .accent) }
        if panel.cursor.viewport.top + visible < panel.controls.count { screen.put("↓", x: rect.maxX - 2, y: rect.y + visible, role: .accent) }
        let note = panel.controls.indices.contains(panel.cursor.selected)
            ? FilterPanel.explanation(panel.controls[panel.cursor.selected]) ?? "Space ticks · ← → change · c clears · Esc closes"
            : ""
        let noteRows = Self.panelNoteRows(area)
        var writer = ParagraphWriter(area: Rect(x: rect.x + 2, y: rect.maxY - 1 - noteRows, width: rect.width - 4, height: noteRows))
        writer.write(note, role: .dim, into: &screen)
    }

    /// Widths for a control's label and value in a row: both whole when they fit; else the
    /// label keeps up to half the row, so neither is cut to a stub.
    static func split(label: String, value: String, width: Int) -> (label: Int, value: Int) {
        let labelWidth = DisplayWidth.of(label), valueWidth = DisplayWidth.of(value)
        guard labelWidth + valueWidth > width else { return (width - valueWidth, valueWidth) }
        let keptLabel = min(labelWidth, width / 2)
        return (keptLabel, max(0, width - keptLabel - 1))
    }

    /// A choice ("◂ … ▸") cut inside its arrows, so it still shows that ← → change it.
    static func fitted(_ value: String, _ width: Int) -> String {
        guard DisplayWidth.of(value) > width, value.hasPrefix("◂ "), value.hasSuffix(" ▸"), width > 5 else { return value }
        return "◂ " + DisplayWidth.truncate(String(value.dropFirst(2).dropLast(2)), to: width - 4) + " ▸"
    }

    static func sortRect(_ area: Rect, count: Int) -> Rect {
        let width = min(64, area.width - 2), height = min(area.height, count + 5)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
    }

    private func renderSortMenu(_ menu: ListCursor, into screen: inout Screen, area: Rect) {
        let fields = SortField.available(for: key.kind)
        let rect = Self.sortRect(area, count: fields.count)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Sort by")
        for (row, field) in fields.enumerated() {
            var label = field.label.prefix(1).uppercased() + field.label.dropFirst()
            if field == query.sort.field { label += query.sort.ascending == field.ascendingByDefault ? "  ✓" : "  ✓ reversed" }
            screen.putPadded("  " + label, x: rect.x + 1, y: rect.y + 1 + row, width: rect.width - 2,
                             role: row == menu.selected ? .selected : .overlay)
        }
        let selected = fields[max(0, min(menu.selected, fields.count - 1))]
        let note = selected.explanation ?? "Choose the current sort again to reverse it."
        var writer = ParagraphWriter(area: Rect(x: rect.x + 2, y: rect.y + 2 + fields.count, width: rect.width - 4, height: 2))
        writer.write(note, role: .dim, into: &screen)
    }
}
