import ChoiceKit

/// The one place state changes: an event in, the new state and any effects out.
public enum Update {
    public static func apply(_ event: Event, to state: inout AppState) -> [Effect] {
        switch event {
        case .resize(let size):
            state.size = size
            state.keepSelectionVisible()
            return []
        case .mouse(let mouse):
            return state.handleMouse(mouse)
        case .key(let key):
            if key == .control("c") {
                state.isRunning = false
                return []
            }
            state.message = nil
            if let overlay = state.overlay { return state.handleOverlay(overlay, key) }
            if case .list(let listKey) = state.page, state.lists[listKey]?.search != nil {
                return state.handleSearchEntry(listKey, key)
            }
            guard let action = Keymap.action(for: key, in: state.keyContext) else {
                if case .character(let character) = key, character != " " {
                    state.message = StatusMessage(text: "\"\(character)\" does nothing here — press ? for the keys of this screen", tone: .info)
                }
                return []
            }
            return state.perform(action)
        }
    }
}

extension AppState {
    /// Actions every page shares, then the page's own.
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .help:
            overlay = .help(keyContext)
            return []
        case .theme:
            theme = theme.next
            message = StatusMessage(text: "Colours: \(theme.label)", tone: .info)
            return [.saveTheme(theme.rawValue)]
        case .forceQuit:
            isRunning = false
            return []
        case .homePostcode:
            overlay = .postcode(TextField(homePostcode?.postcode ?? ""))
            return []
        case .shortlist:
            if page != .shortlist { pages.append(.shortlist) }
            shortlistSelection = min(shortlistSelection, max(0, shortlist.count - 1))
            return []
        case .about:
            pages.append(.about)
            scroll = 0
            return []
        default:
            break
        }
        switch page {
        case .home: return performOnHome(action)
        case .list(let key): return performOnList(key, action)
        case .detail(let id): return performOnDetail(id, action)
        case .shortlist: return performOnShortlist(action)
        case .about: return performOnAbout(action)
        }
    }

    mutating func goBack() {
        if pages.count > 1 { pages.removeLast() } else { isRunning = false }
        scroll = 0
    }

    mutating func openList(_ key: ListKey) {
        if lists[key] == nil {
            var list = ListState(key: key)
            applyHome(to: &list)
            list.refresh(in: catalog)
            lists[key] = list
        }
        pages.append(.list(key))
    }

    /// Distances from the home postcode, and nearest-first unless the person chose another sort.
    mutating func applyHome(to list: inout ListState) {
        list.query.origin = homePostcode?.location
        if homePostcode == nil {
            list.query.filters.maximumDistanceMetres = nil
            if list.query.sort.field == .distance { list.query.sort = SortOrder(field: .name) }
        } else if !list.sortChosen {
            list.query.sort = SortOrder(field: .distance)
        }
    }

    mutating func toggleShortlist(_ id: String) -> [Effect] {
        guard let provider = catalog.provider(id: id) else { return [] }
        if let index = shortlist.firstIndex(of: id) {
            shortlist.remove(at: index)
            message = StatusMessage(text: "Removed \(provider.name) from your shortlist", tone: .info)
            return [.removeFromShortlist(id: id)]
        }
        shortlist.append(id)
        message = StatusMessage(text: "Added \(provider.name) to your shortlist (\(shortlist.count) now; v to see it)", tone: .info)
        return [.addToShortlist(id: id, kind: provider.kind.rawValue)]
    }

    /// After a resize or a jump, keep the cursor of the visible list on screen.
    mutating func keepSelectionVisible() {
        guard case .list(let key) = page, var list = lists[key] else { return }
        list.scrollToSelection(visible: Layout(size: size).listRows)
        lists[key] = list
    }
}
