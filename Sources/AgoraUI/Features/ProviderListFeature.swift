import ChoiceKit

/// Which list: a kind, and for the seed's other services, one service of that kind.
public struct ListKey: Hashable, Sendable {
    public var kind: ProviderKind
    public var serviceID: String?
    public init(kind: ProviderKind, serviceID: String? = nil) {
        self.kind = kind
        self.serviceID = serviceID
    }
}

/// A list of providers of one kind: a table with columns that fit the kind, search as you type,
/// filters, sorts that compare like with like, distances from home, and — in a wide window — the
/// selected provider's details beside it.
public struct ProviderListFeature: KeyedFeature {
    public let key: ListKey
    public internal(set) var query: ProviderQuery
    /// Positions in `Catalog.providers`, in display order.
    public internal(set) var rows: [Int32] = []
    public var table = TableState()
    /// The search being typed, while in text entry.
    public internal(set) var search: TextField?
    var searchBefore = ""
    /// True once the person picks a sort, so setting a postcode does not override it.
    var sortChosen = false
    public internal(set) var panel: FilterPanel?
    /// When nothing matches: which filters (or the search) each alone shut everything out, with
    /// how many would match without it. Worked out when the query is settled, not while typing.
    var noResultsReason: String?
    /// The sort menu's cursor while it is open.
    public internal(set) var sortMenu: ListCursor?
    /// The map, while the list is shown as one (`M`).
    public internal(set) var map: MapState?
    var plainPage = 0
    /// Natural column widths by key, measured once from the kind's providers.
    let widths: [String: Int]

    public static let searchLimit = 100
    static let plainPageSize = 10
    static let sideMinimumWidth = 44

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, back
        case columnsLeft, columnsRight
        case search, nextMatch, previousMatch
        case filters, sort, reverseSort, mark, clear, compare, service, market
        // The map
        case toggleMap, zoomIn, zoomOut, pan(Int, Int), recentre
        // While typing a search
        case keepSearch, cancelSearch
        // In the filter panel and the sort menu
        case panelTick, panelLess, panelMore, panelClear, closePanel, choose
    }

    public init(key: ListKey, context: AppContext) {
        self.key = key
        query = ProviderQuery(kind: key.kind)
        widths = Self.measureWidths(key, context.catalog)
        applyHome(context)
        refresh(in: context)
    }

    public var id: String { "list:\(key.kind.rawValue)\(key.serviceID.map { ":" + $0 } ?? "")" }

    public func title(in context: AppContext) -> String {
        if let service = key.serviceID.flatMap(context.catalog.manifest.service(id:)) { return service.name }
        return key.kind.label
    }

    public var capturesText: Bool { search != nil || panel != nil || sortMenu != nil || map != nil }

    public var selectedPosition: Int32? { rows.indices.contains(table.cursor.selected) ? rows[table.cursor.selected] : nil }

    // MARK: Query

    mutating func applyHome(_ context: AppContext) {
        query.origin = context.home?.location
        if context.home == nil {
            query.filters.maximumDistanceMetres = nil
            query.filters.coversHomeOnly = false
            if query.sort.field == .distance { query.sort = SortOrder(field: .name) }
        } else if !sortChosen {
            query.sort = SortOrder(field: .distance)
        }
    }

    /// Runs the query again, keeping the same provider selected while it is still there.
    mutating func refresh(in context: AppContext) {
        let previous = selectedPosition
        var result = context.catalog.run(query).positions
        if let service = key.serviceID {
            let providers = context.catalog.providers
            result.removeAll { providers[Int($0)].contract?.serviceID != service }
        }
        rows = result
        noResultsReason = rows.isEmpty && search == nil && key.serviceID == nil && !(query.filters.isEmpty && query.text.isEmpty)
            ? Self.noResultsReason(NoResultsExplanation(query: query, in: context.catalog), query: query) : nil
        if let previous, let index = rows.firstIndex(of: previous) { table.cursor.selected = index }
        table.cursor.fit(count: rows.count, visible: frame(context.contentArea, context).body.height)
    }

    /// "Without “Takes direct payments”, 10 would match; without “Care homes with vacancies”, 6 would."
    static func noResultsReason(_ explanation: NoResultsExplanation, query: ProviderQuery) -> String {
        func name(_ constraint: NoResultsExplanation.Constraint) -> String {
            switch constraint {
            case .search: return "the search “\(query.text)”"
            case .filter(let filter): return "“\(filter.label)”"
            }
        }
        guard let first = explanation.culprits.first else {
            return "Taking away any one of the search and filters still leaves none."
        }
        let rest = explanation.culprits.dropFirst().map { "without \(name($0.constraint)), \(Count.text($0.countWithout)) would" }
        return (["Without \(name(first.constraint)), \(Count.text(first.countWithout)) would match"] + rest).joined(separator: "; ") + "."
    }

    public mutating func homeChanged(in context: AppContext) {
        applyHome(context)
        refresh(in: context)
    }

    // MARK: Layout

    struct Frame {
        let header: Rect
        let table: Rect
        let side: Rect?
        var body: Rect { Table.body(of: table) }
    }

    func frame(_ area: Rect, _ context: AppContext) -> Frame {
        let natural = Table.naturalWidth(columns(context).map(\.spec), gutter: 2)
        let titleAndSummary = DisplayWidth.of(title(in: context)) + 2 + DisplayWidth.of(summary(context, visible: area.height - 2))
        let headerRows = titleAndSummary <= area.width ? 1 : 2
        var listWidth = area.width
        var side: Rect?
        if area.width - natural - 1 >= Self.sideMinimumWidth {
            listWidth = natural
            side = Rect(x: area.x + natural + 2, y: area.y, width: area.width - natural - 2, height: area.height)
        }
        return Frame(header: Rect(x: area.x, y: area.y, width: listWidth, height: headerRows),
                     table: Rect(x: area.x, y: area.y + headerRows, width: listWidth, height: area.height - headerRows),
                     side: side)
    }

    /// "68 of 68 · search "st" · 2 filters on (f) · by name · from KM1 1AA · rows 1–20 of 68";
    /// `visible` is the number of body rows on screen.
    func summary(_ context: AppContext, visible: Int) -> String {
        let total = key.serviceID == nil ? context.catalog.count(of: key.kind) : rows.count
        var parts = ["\(Count.text(rows.count)) of \(Count.text(total))"]
        if !query.text.isEmpty { parts.append("search \"\(query.text)\"") }
        let filterCount = query.filters.activeCount
        if filterCount > 0 { parts.append("\(filterCount) filter\(filterCount == 1 ? "" : "s") on (f)") }
        let sort = query.sort
        parts.append("by \(sort.field.label)\(sort.ascending == sort.field.ascendingByDefault ? "" : " reversed")")
        if let home = context.home { parts.append("from \(home.postcode)") }
        if let shown = Table.rowsShown(table, count: rows.count, visible: max(1, visible)) { parts.append(shown) }
        return parts.joined(separator: " · ")
    }

    // MARK: Keys

    public func keymap(in context: AppContext) -> Keymap<Action> {
        if search != nil {
            return Keymap([
                KeyBinding([.enter], "Enter", .keepSearch, "keep this search", hint: "keep"),
                KeyBinding([.escape], "Esc", .cancelSearch, "cancel: back to the list as it was", hint: "cancel"),
                KeyBinding([.up], "↑", .move(.up), "move up the list"),
                KeyBinding([.down], "↓", .move(.down), "move down the list"),
            ])
        }
        if panel != nil {
            return Keymap([
                KeyBinding([.up, .character("k")], "↑ k", .move(.up), "previous filter"),
                KeyBinding([.down, .character("j")], "↓ j", .move(.down), "next filter"),
                KeyBinding([.pageUp], "PgUp", .move(.pageUp), "up a page"),
                KeyBinding([.pageDown], "PgDn", .move(.pageDown), "down a page"),
                KeyBinding([.home, .character("g")], "Home g", .move(.top), "first filter"),
                KeyBinding([.end, .character("G")], "End G", .move(.bottom), "last filter"),
                KeyBinding([.character(" "), .enter], "Space", .panelTick, "tick or untick; next choice", hint: "tick"),
                KeyBinding([.left, .character("h")], "← h", .panelLess, "previous choice", hint: "change"),
                KeyBinding([.right, .character("l")], "→ l", .panelMore, "next choice", hint: "change"),
                KeyBinding([.character("c")], "c", .panelClear, "clear all filters", hint: "clear"),
                KeyBinding([.escape, .character("f"), .character("q")], "Esc f", .closePanel, "close the filter panel", hint: "close"),
            ])
        }
        if map != nil { return Keymap(Self.mapKeymap()) }
        if sortMenu != nil {
            return Keymap([
                KeyBinding([.up, .character("k")], "↑ k", .move(.up), "previous"),
                KeyBinding([.down, .character("j")], "↓ j", .move(.down), "next"),
                KeyBinding([.enter, .character(" ")], "Enter", .choose, "sort by this (again to reverse)", hint: "choose"),
                KeyBinding([.escape, .character("s"), .character("q")], "Esc", .closePanel, "close", hint: "close"),
            ])
        }
        return Keymap(ListCursor.bindings(Action.move, noun: "provider") + [
            KeyBinding([.enter, .character("l")], "Enter", .open, "open the provider's details", hint: "details"),
            KeyBinding([.right], "→", .columnsRight, "more columns, or open"),
            KeyBinding([.left], "←", .columnsLeft, "earlier columns, or back"),
            KeyBinding([.character("/")], "/", .search, "search names, organisations, towns and postcodes", hint: "search", plain: "s"),
            KeyBinding([.character("n")], "n", .nextMatch, "next match"),
            KeyBinding([.character("N")], "N", .previousMatch, "previous match"),
            KeyBinding([.character("f")], "f", .filters, "filters", hint: "filter", plain: "f"),
            KeyBinding([.character("s")], "s", .sort, "sort", hint: "sort", plain: "o"),
            KeyBinding([.character("S")], "S", .reverseSort, "reverse the sort"),
            KeyBinding([.character(" "), .character("m")], "Space m", .mark, "mark for your shortlist (again: unmark)", hint: "mark", plain: "m"),
            KeyBinding([.character("c")], "c", .compare, "compare the providers you marked, side by side", hint: "compare", plain: "c"),
            KeyBinding([.character("x")], "x", .clear, "clear the search and filters", plain: "x"),
            KeyBinding([.character("i")], "i", .service, "about this service: who buys it, contracts, who provides it", plain: "i"),
            // Not m, which marks here as on a provider's page.
            KeyBinding([.character("w")], "w", .market, "who holds the market: shares and concentration", plain: "ma"),
            KeyBinding([.character("M")], "M", .toggleMap, "show the list on a map", hint: "map", plain: "map"),
        ])
    }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        if let action = keymap(in: context).action(for: key) { return perform(action, in: &context) }
        if var field = search {
            if field.handle(key) == .edited {
                query.text = field.text
                search = field
                table.cursor.selected = 0
                refresh(in: context)
            } else {
                search = field
                if let problem = field.message { context.warn(problem) }
            }
            return .handled
        }
        return .ignored
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = context.contentArea
        let frame = self.frame(area, context)
        let visible = frame.body.height
        if map != nil, performOnMap(action, in: &context) == .handled { return .handled }
        switch action {
        case .move(let move):
            if var panel {
                let controls = panel.controls
                panel.cursor.move(move, count: controls.count, visible: Self.panelVisibleRows(area)) { !controls[$0].isHeading }
                self.panel = panel
            } else if var menu = sortMenu {
                menu.move(move, count: SortField.available(for: key.kind).count, visible: 20)
                sortMenu = menu
            } else {
                table.cursor.move(move, count: rows.count, visible: visible)
            }
        case .open:
            guard let position = selectedPosition else { return .handled }
            context.push(DetailFeature(providerID: context.catalog.providers[Int(position)].id))
        case .back:
            return .ignored
        case .columnsRight:
            if table.scrollColumns(1, columns: columns(context).map(\.spec), width: frame.table.width, gutter: 2) == .ignored {
                return perform(.open, in: &context)
            }
        case .columnsLeft:
            return table.scrollColumns(-1, columns: columns(context).map(\.spec), width: frame.table.width, gutter: 2)
        case .search:
            searchBefore = query.text
            search = TextField(query.text, width: 30, limit: Self.searchLimit)
        case .keepSearch:
            let text = search?.text ?? ""
            search = nil
            if rows.isEmpty { refresh(in: context) } // says now which of the search and filters shut everything out
            context.inform(rows.isEmpty ? "No matches for \"\(text)\"" : "\(Count.text(rows.count)) match\(rows.count == 1 ? "" : "es") — n and N move between them")
        case .cancelSearch:
            search = nil
            query.text = searchBefore
            refresh(in: context)
        case .nextMatch, .previousMatch:
            guard !rows.isEmpty else { return .handled }
            guard !query.text.isEmpty else {
                context.inform("No search yet: press / and type")
                return .handled
            }
            let step = action == .nextMatch ? 1 : -1
            table.cursor.select((table.cursor.selected + step + rows.count) % rows.count, count: rows.count, visible: visible)
        case .filters:
            panel = FilterPanel(kind: key.kind, vocabulary: FilterVocabulary(catalog: context.catalog))
        case .sort:
            sortMenu = ListCursor(selected: SortField.available(for: key.kind).firstIndex(of: query.sort.field) ?? 0)
        case .reverseSort:
            query.sort = query.sort.reversed
            sortChosen = true
            refresh(in: context)
        case .mark:
            guard let position = selectedPosition else { return .handled }
            context.toggleShortlist(context.catalog.providers[Int(position)])
        case .compare:
            Comparisons.open(context.shortlist.compactMap(context.catalog.provider(id:)).filter { $0.kind == key.kind },
                             kind: key.kind, in: &context)
        case .toggleMap:
            map = initialMap(context, cells: frame.table)
        case .zoomIn, .zoomOut, .pan, .recentre:
            return .ignored
        case .service, .market:
            let service = key.serviceID.flatMap(context.catalog.manifest.service(id:))
                ?? context.catalog.manifest.services.first { $0.kind == key.kind }
            guard let service else { return .handled }
            context.push(action == .service ? ServiceFeature(serviceID: service.id) as any Feature : MarketFeature(serviceID: service.id))
        case .clear:
            query.text = ""
            query.filters = ProviderFilters()
            refresh(in: context)
            context.inform("Search and filters cleared")
        case .panelTick, .panelLess, .panelMore:
            guard let panel, panel.controls.indices.contains(panel.cursor.selected) else { return .handled }
            let control = panel.controls[panel.cursor.selected]
            if control == .distance || control == .coversHome, context.home == nil {
                context.warn("Set your home postcode first: close this panel and press h")
                return .handled
            }
            FilterPanel.change(control, &query.filters, step: action == .panelLess ? -1 : action == .panelMore ? 1 : 0)
            refresh(in: context)
        case .panelClear:
            query.filters = ProviderFilters()
            refresh(in: context)
        case .closePanel:
            panel = nil
            sortMenu = nil
        case .choose:
            guard let menu = sortMenu else { return .handled }
            let fields = SortField.available(for: key.kind)
            choose(fields[max(0, min(menu.selected, fields.count - 1))], in: &context)
            sortMenu = nil
        }
        return .handled
    }

    mutating func choose(_ field: SortField, in context: inout AppContext) {
        if field == .distance, context.home == nil {
            context.warn("Set your home postcode (h) to sort by distance")
            return
        }
        query.sort = query.sort.field == field ? query.sort.reversed : SortOrder(field: field)
        sortChosen = true
        refresh(in: context)
        if let explanation = field.explanation {
            // Whole on the message line at 80 columns, or pointing to where it is said whole.
            let said = "Sorted by \(field.label): \(explanation)"
            context.inform(DisplayWidth.of(said) <= StatusMessage.widthAt80Columns ? said : "Sorted by \(field.label) — press s to see how it compares")
        }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: rows.count, visible: frame(area, context).body.height)
        if var panel {
            panel.cursor.fit(count: panel.controls.count, visible: Self.panelVisibleRows(area))
            self.panel = panel
        }
    }

    // MARK: Mouse

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        if map != nil { return clickOnMap(mouse, area: area, context: context) }
        if var panel {
            let rect = Self.panelRect(area)
            let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: Self.panelVisibleRows(area))
            guard rect.contains(x: mouse.x, y: mouse.y) || mouse.kind != .press else { return perform(.closePanel, in: &context) }
            let controls = panel.controls
            let outcome = panel.cursor.handle(mouse, body: body, count: controls.count) { !controls[$0].isHeading }
            self.panel = panel
            if case .activated = outcome { return perform(.panelTick, in: &context) }
            return .handled
        }
        if var menu = sortMenu {
            let fields = SortField.available(for: key.kind)
            let rect = Self.sortRect(area, count: fields.count)
            guard rect.contains(x: mouse.x, y: mouse.y) else { return perform(.closePanel, in: &context) }
            let body = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: fields.count)
            let outcome = menu.handle(mouse, body: body, count: fields.count)
            sortMenu = menu
            if outcome != .ignored, mouse.kind == .press { return perform(.choose, in: &context) }
            return .handled
        }
        let frame = self.frame(area, context)
        switch table.cursor.handle(mouse, body: frame.body, count: rows.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }
}
