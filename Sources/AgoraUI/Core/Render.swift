import ChoiceKit

/// Draws the whole state into a grid of cells. Pure: the same state and size give the same screen.
public enum Render {
    public static func screen(_ state: AppState) -> Screen {
        var screen = Screen(size: state.size)
        let size = state.size
        if size.isTooSmall {
            let lines = ["Please make this window larger.",
                         "Agora needs at least \(Size.minimum.width)×\(Size.minimum.height); it is \(size.width)×\(size.height) now.",
                         "Press q to quit."]
            for (index, line) in lines.enumerated() {
                let wrapped = DisplayWidth.wrap(line, width: max(1, size.width - 2))
                for (offset, part) in wrapped.enumerated() {
                    screen.put(part, x: 1, y: max(0, size.height / 2 - 2) + index * 2 + offset, width: size.width - 2,
                               role: index == 0 ? .title : .normal)
                }
            }
            return screen
        }
        let layout = Layout(size: size)
        titleBar(state, into: &screen, layout: layout)
        let content = layout.content
        switch state.page {
        case .home:
            HomeScreen.render(state, into: &screen, area: content)
        case .list(let key):
            guard let list = state.lists[key] else { break }
            ProviderListScreen.render(list, state, into: &screen, area: layout.listArea)
            if let side = layout.sideDetailArea {
                for y in side.y..<side.maxY { screen.put("│", x: side.x - 1, y: y, role: .border) }
                if let position = list.selectedPosition {
                    DetailScreen.render(state.catalog.providers[Int(position)], state, scroll: 0, into: &screen,
                                        area: Rect(x: side.x + 1, y: side.y, width: side.width - 1, height: side.height))
                }
            }
        case .detail(let id):
            if let provider = state.catalog.provider(id: id) {
                let area = Rect(x: content.x + 2, y: content.y, width: content.width - 4, height: content.height)
                DetailScreen.render(provider, state, scroll: state.scroll, into: &screen, area: area)
            }
        case .shortlist:
            ShortlistScreen.render(state, into: &screen, area: content)
        case .about:
            AboutScreen.render(state, into: &screen, area: content)
        }
        if let overlay = state.overlay { Overlays.render(overlay, state, into: &screen) }
        messageLine(state, into: &screen, layout: layout)
        StatusLine.render(state, into: &screen, layout: layout)
        return screen
    }

    private static func titleBar(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let area = state.catalog.manifest.area
        screen.fill(Rect(x: 0, y: layout.titleRow, width: layout.size.width, height: 1), role: .status)
        var crumbs = ["Agora", area.name]
        switch state.page {
        case .home: break
        case .list(let key): crumbs.append(ProviderListScreen.title(key, state.catalog))
        case .detail(let id): crumbs.append(state.catalog.provider(id: id)?.name ?? id)
        case .shortlist: crumbs.append("Shortlist")
        case .about: crumbs.append("About")
        }
        let right = "fictional sample data · ? help"
        let rightWidth = DisplayWidth.of(right)
        screen.put(" " + crumbs.joined(separator: " › "), x: 0, y: layout.titleRow, width: layout.size.width - rightWidth - 2, role: .status)
        screen.put(right, x: layout.size.width - rightWidth - 1, y: layout.titleRow, role: .status)
    }

    private static func messageLine(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let y = layout.messageRow
        if case .list(let key) = state.page, let list = state.lists[key], let field = list.search, state.overlay == nil {
            screen.put("Search: ", x: 1, y: y, role: .heading)
            let fieldWidth = min(40, layout.size.width - 40)
            screen.putPadded(field.text, x: 9, y: y, width: fieldWidth, role: .input)
            screen.cursor = (9 + min(fieldWidth - 1, DisplayWidth.of(String(field.text.prefix(field.cursor)))), y)
            let count = "\(list.rows.count) match\(list.rows.count == 1 ? "" : "es") · Enter keep · Esc cancel"
            screen.put(count, x: 10 + fieldWidth, y: y, width: layout.size.width - fieldWidth - 11, role: .dim)
            return
        }
        if let message = state.message {
            screen.put(message.text, x: 1, y: y, width: layout.size.width - 2, role: message.tone == .error ? .error : .accent)
        }
    }
}

/// The bottom line: the keys that matter on this screen, from the keymap.
enum StatusLine {
    static func render(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let y = layout.statusRow
        screen.fill(Rect(x: 0, y: y, width: layout.size.width, height: 1), role: .status)
        var x = 1
        for hint in Keymap.hints(for: state.keyContext) {
            let needed = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 3
            guard x + needed < layout.size.width else { break }
            x += screen.put(hint.key, x: x, y: y, role: .statusKey)
            x += screen.put(" " + hint.label + "  ", x: x, y: y, role: .status)
        }
    }
}
