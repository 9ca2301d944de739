import ChoiceKit

/// Panels drawn over a page: help, filters, sort and the postcode prompt.
enum Overlays {
    static func render(_ overlay: Overlay, _ state: AppState, into screen: inout Screen) {
        let layout = Layout(size: state.size)
        switch overlay {
        case .help(let context): renderHelp(context, into: &screen, layout: layout)
        case .filters(let panel): renderFilters(panel, state, into: &screen, layout: layout)
        case .sort(let selected): renderSort(selected, state, into: &screen, layout: layout)
        case .postcode(let field): renderPostcode(field, state, into: &screen, layout: layout)
        }
    }

    static func panelRect(width: Int, height: Int, layout: Layout) -> Rect {
        let w = min(width, layout.size.width - 4), h = min(height, layout.content.height)
        return Rect(x: (layout.size.width - w) / 2, y: layout.content.y + max(0, (layout.content.height - h) / 2), width: w, height: h)
    }

    /// One column when it fits, otherwise two, each entry wrapped to its column.
    static func renderHelp(_ context: KeyContext, into screen: inout Screen, layout: Layout) {
        let bindings = Keymap.bindings(for: context)
        let maxHeight = layout.content.height
        let columns = bindings.count + 5 <= maxHeight ? 1 : 2
        let width = min(layout.size.width - 2, columns == 1 ? 64 : 104)
        let columnWidth = (width - 4) / columns
        let keyWidth = 9
        var entries: [[String]] = bindings.map { binding in
            DisplayWidth.wrap(binding.help, width: max(8, columnWidth - keyWidth - 2))
        }
        let perColumn = (bindings.count + columns - 1) / columns
        let columnHeights = (0..<columns).map { column in
            entries.dropFirst(column * perColumn).prefix(perColumn).reduce(0) { $0 + $1.count }
        }
        let rect = panelRect(width: width, height: (columnHeights.max() ?? 0) + 4, layout: layout)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Keys on this screen")
        for column in 0..<columns {
            var y = rect.y + 1
            let x = rect.x + 2 + column * columnWidth
            for index in (column * perColumn)..<min(bindings.count, (column + 1) * perColumn) where y < rect.maxY - 2 {
                screen.put(bindings[index].keyLabel, x: x, y: y, width: keyWidth - 1, role: .statusKey)
                for line in entries[index] where y < rect.maxY - 2 {
                    screen.put(line, x: x + keyWidth, y: y, width: columnWidth - keyWidth - 1)
                    y += 1
                }
            }
        }
        entries.removeAll()
        screen.put("Mouse: click selects, click again opens; the wheel scrolls.", x: rect.x + 2, y: rect.maxY - 2,
                   width: rect.width - 4, role: .dim)
    }

    static func renderFilters(_ panel: FilterPanel, _ state: AppState, into screen: inout Screen, layout: Layout) {
        guard let list = state.lists[panel.key] else { return }
        let controls = panel.controls
        let rect = filterRect(layout)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Filters — \(list.rows.count) match")
        let visible = rect.height - 2
        let top = filterTop(panel, visible: visible)
        for (row, control) in controls.enumerated().dropFirst(top).prefix(visible) {
            let y = rect.y + 1 + row - top
            let (label, value) = FilterPanel.describe(control, list.query.filters, homeSet: state.homePostcode != nil)
            if case .heading = control {
                screen.put(label, x: rect.x + 2, y: y, width: rect.width - 4, role: .heading)
                continue
            }
            let selected = row == panel.selected
            let role: Role = selected ? .selected : .normal
            screen.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: role)
            let valueWidth = min(rect.width - 8, max(3, DisplayWidth.of(value)))
            screen.put(label, x: rect.x + 3, y: y, width: rect.width - valueWidth - 6, role: role)
            screen.put(value, x: rect.maxX - valueWidth - 2, y: y, width: valueWidth, role: role)
        }
    }

    /// Where the filter panel is drawn, and its first visible row: shared with mouse handling.
    static func filterRect(_ layout: Layout) -> Rect {
        Rect(x: max(0, layout.size.width - min(56, layout.size.width)), y: layout.content.y,
             width: min(56, layout.size.width), height: layout.content.height)
    }

    static func filterTop(_ panel: FilterPanel, visible: Int) -> Int {
        max(0, min(panel.selected - visible / 2, panel.controls.count - visible))
    }

    static func sortRect(_ kind: ProviderKind, _ layout: Layout) -> Rect {
        panelRect(width: 52, height: SortField.available(for: kind).count + 4, layout: layout)
    }

    static func renderSort(_ selected: Int, _ state: AppState, into screen: inout Screen, layout: Layout) {
        guard case .list(let key) = state.page, let list = state.lists[key] else { return }
        let fields = SortField.available(for: key.kind)
        let rect = sortRect(key.kind, layout)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Sort by")
        for (row, field) in fields.enumerated() {
            let current = field == list.query.sort.field
            var label = field.label.prefix(1).uppercased() + field.label.dropFirst()
            if field == .distance, state.homePostcode == nil { label += " (set a postcode first)" }
            if current { label += list.query.sort.ascending == field.ascendingByDefault ? "  ✓" : "  ✓ reversed" }
            screen.putPadded("  " + label, x: rect.x + 1, y: rect.y + 1 + row, width: rect.width - 2,
                             role: row == selected ? .selected : .normal)
        }
        screen.put("Choose the current sort again to reverse it.", x: rect.x + 2, y: rect.maxY - 2, width: rect.width - 4, role: .dim)
    }

    static func renderPostcode(_ field: TextField, _ state: AppState, into screen: inout Screen, layout: Layout) {
        let rect = panelRect(width: 60, height: 8, layout: layout)
        screen.fill(rect, role: .overlay)
        screen.box(rect, title: "Your home postcode")
        screen.put("Distances are measured from here.", x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, role: .dim)
        screen.put("Leave it empty to clear it.", x: rect.x + 2, y: rect.y + 2, width: rect.width - 4, role: .dim)
        screen.put("Postcode:", x: rect.x + 2, y: rect.y + 3, role: .heading)
        screen.putPadded(field.text, x: rect.x + 12, y: rect.y + 3, width: 12, role: .input)
        screen.cursor = (rect.x + 12 + min(11, DisplayWidth.of(String(field.text.prefix(field.cursor)))), rect.y + 3)
        screen.put("Enter to save · Esc to cancel · e.g. \(state.catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA")",
                   x: rect.x + 2, y: rect.y + 5, width: rect.width - 4, role: .dim)
    }
}

extension AppState {
    mutating func handleOverlay(_ overlay: Overlay, _ key: Key) -> [Effect] {
        switch overlay {
        case .help:
            if Keymap.action(for: key, in: .help) == .back { self.overlay = nil }
            return []
        case .postcode(var field):
            switch key {
            case .escape: self.overlay = nil
            case .enter: return savePostcode(field.text)
            default:
                field.handle(key)
                self.overlay = .postcode(field)
            }
            return []
        case .sort(var selected):
            guard case .list(let listKey) = page, var list = lists[listKey] else {
                self.overlay = nil
                return []
            }
            let fields = SortField.available(for: listKey.kind)
            switch Keymap.action(for: key, in: .sortMenu) {
            case .up?: selected = max(0, selected - 1)
            case .down?: selected = min(fields.count - 1, selected + 1)
            case .open?:
                let field = fields[selected]
                if field == .distance, homePostcode == nil {
                    message = StatusMessage(text: "Set your home postcode (h) to sort by distance", tone: .error)
                    self.overlay = nil
                    return []
                }
                list.query.sort = list.query.sort.field == field ? list.query.sort.reversed : SortOrder(field: field)
                list.sortChosen = true
                list.refresh(in: catalog)
                list.scrollToSelection(visible: Layout(size: size).listRows)
                lists[listKey] = list
                self.overlay = nil
                return []
            case .back?: self.overlay = nil; return []
            case .forceQuit?: isRunning = false; return []
            default: break
            }
            self.overlay = .sort(selected: selected)
            return []
        case .filters(var panel):
            guard var list = lists[panel.key] else {
                self.overlay = nil
                return []
            }
            let controls = panel.controls
            switch Keymap.action(for: key, in: .filters) {
            case .up?: panel.move(-1)
            case .down?: panel.move(1)
            case .toggle?, .left?, .right?:
                let step = Keymap.action(for: key, in: .filters) == .left ? -1 : Keymap.action(for: key, in: .filters) == .right ? 1 : 0
                let control = controls[panel.selected]
                if control == .distance, homePostcode == nil {
                    message = StatusMessage(text: "Set your home postcode first: close this panel and press h", tone: .error)
                } else {
                    FilterPanel.change(control, &list.query.filters, step: step)
                    list.refresh(in: catalog)
                }
            case .clearFilters?:
                list.query.filters = ProviderFilters()
                list.refresh(in: catalog)
            case .back?:
                self.overlay = nil
                list.scrollToSelection(visible: Layout(size: size).listRows)
                lists[panel.key] = list
                return []
            case .forceQuit?: isRunning = false
            default: break
            }
            lists[panel.key] = list
            self.overlay = .filters(panel)
            return []
        }
    }

    /// Checks a typed postcode against the catalog; a good one applies to every list and is saved.
    mutating func savePostcode(_ text: String) -> [Effect] {
        let trimmed = text.trimmingTrailing()
        if trimmed.isEmpty {
            homePostcode = nil
            overlay = nil
            reapplyHome()
            message = StatusMessage(text: "Home postcode cleared", tone: .info)
            return [.saveHomePostcode(nil)]
        }
        guard let entry = catalog.postcode(trimmed) else {
            message = StatusMessage(text: "\"\(trimmed)\" is not a postcode in \(catalog.manifest.area.name). Try one like \(catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA").", tone: .error)
            return []
        }
        homePostcode = entry
        overlay = nil
        reapplyHome()
        message = StatusMessage(text: "Home postcode \(entry.postcode) (\(entry.town)): lists now show distances, nearest first", tone: .info)
        return [.saveHomePostcode(entry.postcode)]
    }

    private mutating func reapplyHome() {
        for key in Array(lists.keys) {
            guard var list = lists[key] else { continue }
            applyHome(to: &list)
            list.refresh(in: catalog)
            lists[key] = list
        }
    }
}
