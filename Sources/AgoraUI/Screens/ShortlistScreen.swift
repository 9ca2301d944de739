import ChoiceKit

/// The providers a person has marked, kept between runs.
enum ShortlistScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        screen.put("Your shortlist", x: area.x, y: area.y, role: .title)
        screen.put("  \(state.shortlist.count) marked · saved on this computer", x: area.x + 14, y: area.y, width: area.width - 14, role: .dim)
        guard !state.shortlist.isEmpty else {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 2))
            writer.paragraph("Nothing here yet. In any list of providers, press Space on one to add it here; press it again to remove it.", &screen)
            return
        }
        let kindWidth = 14, typeWidth = min(26, area.width / 4)
        let nameWidth = area.width - kindWidth - typeWidth - 4
        screen.putPadded("Kind", x: area.x + 2, y: area.y + 1, width: kindWidth, role: .heading)
        screen.putPadded("Name", x: area.x + 3 + kindWidth, y: area.y + 1, width: nameWidth, role: .heading)
        screen.putPadded("Type", x: area.x + 4 + kindWidth + nameWidth, y: area.y + 1, width: typeWidth, role: .heading)
        let visible = area.height - 2
        let top = max(0, min(state.shortlistSelection - visible + 1, state.shortlist.count - visible))
        for (row, id) in state.shortlist.enumerated().dropFirst(max(0, top)).prefix(visible) {
            guard let provider = state.catalog.provider(id: id) else { continue }
            let y = area.y + 2 + row - max(0, top)
            let role: Role = row == state.shortlistSelection ? .selected : .normal
            screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: role)
            screen.put("✓", x: area.x, y: y, role: role == .selected ? .selected : .marked)
            screen.putPadded(provider.kind.singular, x: area.x + 2, y: y, width: kindWidth, role: role)
            screen.putPadded(provider.name, x: area.x + 3 + kindWidth, y: y, width: nameWidth, role: role)
            screen.putPadded(provider.subType, x: area.x + 4 + kindWidth + nameWidth, y: y, width: typeWidth, role: role)
        }
    }
}

extension AppState {
    mutating func performOnShortlist(_ action: Action) -> [Effect] {
        switch action {
        case .up: shortlistSelection = max(0, shortlistSelection - 1)
        case .down: shortlistSelection = min(max(0, shortlist.count - 1), shortlistSelection + 1)
        case .open:
            if shortlist.indices.contains(shortlistSelection) {
                pages.append(.detail(providerID: shortlist[shortlistSelection]))
                scroll = 0
            }
        case .mark:
            guard shortlist.indices.contains(shortlistSelection) else { return [] }
            let effects = toggleShortlist(shortlist[shortlistSelection])
            shortlistSelection = min(shortlistSelection, max(0, shortlist.count - 1))
            return effects
        case .back, .quit: goBack()
        default: break
        }
        return []
    }
}
