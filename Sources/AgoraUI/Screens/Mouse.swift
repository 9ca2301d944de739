import ChoiceKit

/// Clicks select (and a click on what is already selected opens it); the wheel scrolls.
extension AppState {
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        let layout = Layout(size: size)
        if let overlay { return handleOverlayMouse(overlay, mouse, layout: layout) }
        switch mouse.kind {
        case .wheelUp: return scrollBy(-3)
        case .wheelDown: return scrollBy(3)
        case .press: break
        }
        switch page {
        case .home:
            // Rows of the menu as drawn: headings take a line (and a gap before all but the first).
            var y = layout.content.y + 2
            var selectable = 0
            for (index, item) in HomeScreen.items(catalog).enumerated() {
                if item.isHeading {
                    if index > 0 { y += 1 }
                } else {
                    if y == mouse.y, mouse.x < 46 {
                        if selectable == homeSelection { return perform(.open) }
                        homeSelection = selectable
                        return []
                    }
                    selectable += 1
                }
                y += 1
            }
        case .list(let key):
            guard var list = lists[key], layout.listArea.contains(x: mouse.x, y: mouse.y) else { return [] }
            let row = mouse.y - layout.listBodyY
            guard row >= 0 else { return [] }
            let index = list.top + row
            guard index < list.rows.count else { return [] }
            if index == list.selected { return perform(.open) }
            list.selected = index
            lists[key] = list
        case .shortlist:
            let index = mouse.y - (layout.content.y + 2)
            guard shortlist.indices.contains(index) else { return [] }
            if index == shortlistSelection { return perform(.open) }
            shortlistSelection = index
        case .detail, .about:
            break
        }
        return []
    }

    /// In the filter panel a click selects a row and a click on the selected row ticks it; in the
    /// sort menu a click chooses. A click outside a panel closes it.
    private mutating func handleOverlayMouse(_ overlay: Overlay, _ mouse: MouseEvent, layout: Layout) -> [Effect] {
        switch overlay {
        case .help:
            if mouse.kind == .press { self.overlay = nil }
        case .postcode:
            break
        case .filters(let panel):
            let rect = Overlays.filterRect(layout)
            switch mouse.kind {
            case .wheelUp: return handleOverlay(overlay, .up)
            case .wheelDown: return handleOverlay(overlay, .down)
            case .press:
                guard rect.contains(x: mouse.x, y: mouse.y) else { return handleOverlay(overlay, .escape) }
                let index = Overlays.filterTop(panel, visible: rect.height - 2) + mouse.y - (rect.y + 1)
                guard panel.controls.indices.contains(index), !panel.controls[index].isHeading else { return [] }
                if index == panel.selected { return handleOverlay(overlay, .character(" ")) }
                var moved = panel
                moved.selected = index
                self.overlay = .filters(moved)
            }
        case .sort:
            guard case .list(let key) = page, mouse.kind == .press else { return [] }
            let rect = Overlays.sortRect(key.kind, layout)
            guard rect.contains(x: mouse.x, y: mouse.y) else { return handleOverlay(overlay, .escape) }
            let index = mouse.y - (rect.y + 1)
            guard SortField.available(for: key.kind).indices.contains(index) else { return [] }
            self.overlay = .sort(selected: index)
            return handleOverlay(.sort(selected: index), .enter)
        }
        return []
    }

    private mutating func scrollBy(_ amount: Int) -> [Effect] {
        switch page {
        case .list(let key):
            guard var list = lists[key] else { return [] }
            list.selected = max(0, min(list.rows.count - 1, list.selected + amount))
            list.scrollToSelection(visible: Layout(size: size).listRows)
            lists[key] = list
            return []
        case .detail, .about:
            for _ in 0..<abs(amount) { _ = perform(amount < 0 ? .up : .down) }
            return []
        case .home:
            return perform(amount < 0 ? .up : .down)
        case .shortlist:
            return perform(amount < 0 ? .up : .down)
        }
    }
}
