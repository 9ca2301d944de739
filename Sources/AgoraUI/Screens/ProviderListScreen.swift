import ChoiceKit

/// A list of providers of one kind, with columns that fit the kind, incremental search, filters,
/// sort and distances from home.
enum ProviderListScreen {
    struct Column {
        let title: String
        let width: Int
        let alignRight: Bool
        let value: (Provider, Int32) -> (String, Role)
    }

    /// The kind's columns that fit `width`: the name column takes what the others leave, and the
    /// rightmost columns drop out before the name gets narrower than 24.
    static func columns(for list: ListState, state: AppState, width: Int) -> [Column] {
        let catalog = state.catalog
        var columns: [Column] = []
        let kindColumns = ListColumns.forKind(list.key.kind)
        for column in kindColumns.dropFirst() {
            columns.append(Column(title: column.title, width: column.width, alignRight: column.alignRight) { provider, _ in
                let text = column.value(provider, catalog)
                return (text, RatingRole.role(forColumn: column.key, provider))
            })
        }
        if let origin = list.query.origin {
            columns.insert(Column(title: "Distance", width: 8, alignRight: true) { _, position in
                (DistanceText.format(metres: catalog.distance(from: origin, toProviderAt: Int(position))), .normal)
            }, at: 0)
        }
        let marker = 2
        while !columns.isEmpty, width - marker - columns.reduce(0, { $0 + $1.width + 1 }) < 24 { columns.removeLast() }
        let nameWidth = width - marker - columns.reduce(0) { $0 + $1.width + 1 }
        let name = Column(title: "Name", width: nameWidth, alignRight: false) { provider, _ in (provider.name, .normal) }
        return [name] + columns
    }

    static func summary(_ list: ListState, _ state: AppState) -> String {
        var parts = ["\(list.rows.count) of \(list.key.serviceID == nil ? state.catalog.count(of: list.key.kind) : list.rows.count)"]
        if !list.query.text.isEmpty { parts.append("search \"\(list.query.text)\"") }
        let filterCount = list.query.filters.activeCount
        if filterCount > 0 { parts.append("\(filterCount) filter\(filterCount == 1 ? "" : "s") on (f)") }
        let sort = list.query.sort
        let direction = sort.ascending == sort.field.ascendingByDefault ? "" : " reversed"
        parts.append("by \(sort.field.label)\(direction)")
        if let home = state.homePostcode { parts.append("from \(home.postcode)") }
        return parts.joined(separator: " · ")
    }

    static func title(_ key: ListKey, _ catalog: Catalog) -> String {
        if let service = key.serviceID.flatMap(catalog.manifest.service(id:)) { return service.name }
        return key.kind.label
    }

    static func render(_ list: ListState, _ state: AppState, into screen: inout Screen, area: Rect) {
        let catalog = state.catalog
        screen.put(title(list.key, catalog), x: area.x, y: area.y, width: area.width, role: .title)
        let titleWidth = DisplayWidth.of(title(list.key, catalog))
        screen.put("  " + summary(list, state), x: area.x + titleWidth, y: area.y, width: area.width - titleWidth, role: .dim)
        let columns = self.columns(for: list, state: state, width: area.width)
        var x = area.x + 2
        for column in columns {
            screen.putPadded(column.title, x: x, y: area.y + 1, width: column.width, role: .heading, alignRight: column.alignRight)
            x += column.width + 1
        }
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        if list.rows.isEmpty {
            let hint = list.query.filters.isEmpty && list.query.text.isEmpty
                ? "Nothing to show." : "Nothing matches. Press c to clear the search and filters, or f to change filters."
            screen.put(hint, x: area.x + 2, y: body.y + 1, width: area.width - 4, role: .dim)
            return
        }
        for row in 0..<body.height {
            let index = list.top + row
            guard index < list.rows.count else { break }
            let position = list.rows[index]
            let provider = catalog.providers[Int(position)]
            let selected = index == list.selected
            let marked = state.isShortlisted(provider.id)
            let y = body.y + row
            screen.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: selected ? .selected : .normal)
            screen.put(marked ? "✓" : " ", x: area.x, y: y, role: selected ? .selected : .marked)
            var x = area.x + 2
            for column in columns {
                let (text, role) = column.value(provider, position)
                screen.putPadded(text, x: x, y: y, width: column.width, role: selected ? .selected : (marked && role == .normal ? .marked : role),
                                 alignRight: column.alignRight)
                x += column.width + 1
            }
        }
        if list.rows.count > body.height {
            let shown = " rows \(list.top + 1)–\(min(list.rows.count, list.top + body.height)) "
            screen.put(shown, x: area.maxX - DisplayWidth.of(shown), y: area.y, role: .dim)
        }
    }
}

/// Colours ratings by meaning: good, fair, bad.
enum RatingRole {
    static func role(forColumn key: String, _ provider: Provider) -> Role {
        switch key {
        case "cqc": return role(provider.care?.assessment.overall ?? provider.gp?.assessment.overall)
        case "ofsted":
            guard let school = provider.school else { return .normal }
            switch school.inspection {
            case .reportCard(let card):
                guard card.safeguardingMet, let lowest = card.lowestGrade else { return .bad }
                return lowest >= .expectedStandard ? .good : lowest == .needsAttention ? .fair : .bad
            case .historical(let grade, _): return grade >= .good ? .good : grade == .requiresImprovement ? .fair : .bad
            case .ungraded, .notYetInspected: return .dim
            }
        case "accepting": return provider.gp?.acceptingNewPatients == false ? .fair : .normal
        default: return .normal
        }
    }

    static func role(_ rating: CQCRating?) -> Role {
        switch rating {
        case .outstanding?, .good?: return .good
        case .requiresImprovement?: return .fair
        case .inadequate?: return .bad
        case nil: return .dim
        }
    }
}

extension AppState {
    mutating func performOnList(_ key: ListKey, _ action: Action) -> [Effect] {
        guard var list = lists[key] else { return [] }
        let visible = Layout(size: size).listRows
        var effects: [Effect] = []
        switch action {
        case .up: list.selected = max(0, list.selected - 1)
        case .down: list.selected = min(max(0, list.rows.count - 1), list.selected + 1)
        case .pageUp: list.selected = max(0, list.selected - visible)
        case .pageDown: list.selected = min(max(0, list.rows.count - 1), list.selected + visible)
        case .top: list.selected = 0
        case .bottom: list.selected = max(0, list.rows.count - 1)
        case .open:
            if let position = list.selectedPosition {
                pages.append(.detail(providerID: catalog.providers[Int(position)].id))
                scroll = 0
            }
        case .search:
            list.searchBefore = list.query.text
            list.search = TextField(list.query.text)
        case .nextMatch, .previousMatch:
            guard !list.rows.isEmpty else { break }
            if list.query.text.isEmpty {
                message = StatusMessage(text: "No search yet: press / and type", tone: .info)
                break
            }
            let step = action == .nextMatch ? 1 : -1
            list.selected = (list.selected + step + list.rows.count) % list.rows.count
        case .filters:
            var panel = FilterPanel(key: key)
            panel.selectFirst()
            overlay = .filters(panel)
        case .sort:
            let fields = SortField.available(for: key.kind)
            overlay = .sort(selected: fields.firstIndex(of: list.query.sort.field) ?? 0)
        case .reverseSort:
            list.query.sort = list.query.sort.reversed
            list.sortChosen = true
            list.refresh(in: catalog)
        case .clearFilters:
            list.query.text = ""
            list.query.filters = ProviderFilters()
            list.refresh(in: catalog)
            message = StatusMessage(text: "Search and filters cleared", tone: .info)
        case .mark:
            if let position = list.selectedPosition {
                effects = toggleShortlist(catalog.providers[Int(position)].id)
                list.selected = min(max(0, list.rows.count - 1), list.selected + 1)
            }
        case .back, .quit:
            lists[key] = list
            goBack()
            return []
        default:
            break
        }
        list.scrollToSelection(visible: visible)
        lists[key] = list
        return effects
    }

    /// Typing a search: the list narrows with every key; Enter keeps it, Esc puts back the old one.
    mutating func handleSearchEntry(_ key: ListKey, _ input: Key) -> [Effect] {
        guard var list = lists[key], var field = list.search else { return [] }
        let visible = Layout(size: size).listRows
        switch input {
        case .enter:
            list.search = nil
            message = StatusMessage(text: list.rows.isEmpty ? "No matches for \"\(field.text)\"" : "\(list.rows.count) match\(list.rows.count == 1 ? "" : "es") — n and N move between them", tone: .info)
        case .escape:
            list.search = nil
            list.query.text = list.searchBefore
            list.refresh(in: catalog)
        case .up:
            list.selected = max(0, list.selected - 1)
        case .down:
            list.selected = min(max(0, list.rows.count - 1), list.selected + 1)
        default:
            if field.handle(input) {
                list.query.text = field.text
                list.selected = 0
                list.refresh(in: catalog)
            }
            list.search = field
        }
        list.scrollToSelection(visible: visible)
        lists[key] = list
        return []
    }
}
