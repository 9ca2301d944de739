import ChoiceKit

/// The same journeys as the full-screen view, as numbered menus read line by line: no cursor
/// movement, nothing redrawn, so a screen reader can follow every step. Pure: a line in, text out.
public struct PlainSession: Sendable {
    public let catalog: Catalog
    public private(set) var shortlist: [String]
    public private(set) var homePostcode: Manifest.PostcodeEntry?
    public private(set) var isFinished = false
    private var mode: Mode = .home
    private var lists: [ListKey: ListState] = [:]
    private static let pageSize = 10

    private enum Mode: Hashable {
        case home
        case list(ListKey, page: Int)
        case detail(String, returnTo: ReturnTo)
        case shortlist
        case postcode
    }

    private indirect enum ReturnTo: Hashable { case list(ListKey, page: Int), shortlist }

    public init(catalog: Catalog, shortlist: [String] = [], homePostcode: String? = nil) {
        self.catalog = catalog
        self.shortlist = shortlist.filter { catalog.provider(id: $0) != nil }
        self.homePostcode = homePostcode.flatMap { catalog.postcode($0) }
    }

    public struct Response: Sendable {
        public var text: String
        public var effects: [Effect]
    }

    public mutating func start() -> String {
        let area = catalog.manifest.area
        return "Agora — \(area.name). \(area.notice)\nType a number or a letter and press Enter. Type ? for help at any point.\n\n" + homeMenu()
    }

    public mutating func respond(to input: String) -> Response {
        let line = input.trimmingCharacters()
        if line == "q" || line == "quit" {
            isFinished = true
            return Response(text: "Goodbye.\n", effects: [])
        }
        switch mode {
        case .home: return homeResponse(line)
        case .list(let key, let page): return listResponse(line, key: key, page: page)
        case .detail(let id, let back): return detailResponse(line, id: id, back: back)
        case .shortlist: return shortlistResponse(line)
        case .postcode: return postcodeResponse(line)
        }
    }

    // MARK: - Home

    private var homeItems: [HomeScreen.Item] { HomeScreen.selectable(catalog) }

    private func homeMenu() -> String {
        var out = "Main menu\n"
        for (index, item) in homeItems.enumerated() {
            out += "\(index + 1). \(plainLabel(item))\n"
        }
        return out + "Choose 1 to \(homeItems.count), or q to quit:\n"
    }

    private func plainLabel(_ item: HomeScreen.Item) -> String {
        switch item {
        case .service(let service):
            let count = service.kind == .other ? "" : " — \(catalog.count(of: service.kind)) here"
            return "\(service.name)\(count). \(service.citizensChoose ? "You choose." : "Who provides it.")"
        case .shortlist: return "Your shortlist (\(shortlist.count))"
        case .postcode: return "Home postcode: \(homePostcode?.postcode ?? "not set")"
        case .about: return "About Agora and the data"
        case .heading(let title): return title
        }
    }

    private mutating func homeResponse(_ line: String) -> Response {
        if line == "?" { return Response(text: "Type the number of a menu item and press Enter. q quits.\n" + homeMenu(), effects: []) }
        guard let number = Int(line), homeItems.indices.contains(number - 1) else {
            return Response(text: "Please type a number from 1 to \(homeItems.count).\n" + homeMenu(), effects: [])
        }
        switch homeItems[number - 1] {
        case .service(let service):
            var intro = "\(service.name)\nWho pays: \(service.whoBuys)\nYour say: \(service.citizenSay)\n\n"
            let key = ListKey(kind: service.kind, serviceID: service.kind == .other ? service.id : nil)
            openList(key)
            mode = .list(key, page: 0)
            intro += listPage(key, page: 0)
            return Response(text: intro, effects: [])
        case .shortlist:
            mode = .shortlist
            return Response(text: shortlistText(), effects: [])
        case .postcode:
            mode = .postcode
            return Response(text: "Type your home postcode (for example \(catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA")), or press Enter alone to clear it:\n", effects: [])
        case .about:
            let about = AboutScreen.paragraphs(catalog).map(\.0).joined(separator: "\n")
            return Response(text: about + "\n\n" + homeMenu(), effects: [])
        case .heading:
            return Response(text: homeMenu(), effects: [])
        }
    }

    // MARK: - Lists

    private mutating func openList(_ key: ListKey) {
        var list = lists[key] ?? ListState(key: key)
        list.query.origin = homePostcode?.location
        if homePostcode != nil, !list.sortChosen { list.query.sort = SortOrder(field: .distance) }
        list.refresh(in: catalog)
        lists[key] = list
    }

    private func listPage(_ key: ListKey, page: Int) -> String {
        guard let list = lists[key] else { return "" }
        let first = page * Self.pageSize
        let rows = list.rows.dropFirst(first).prefix(Self.pageSize)
        var out = "\(ProviderListScreen.title(key, catalog)): \(ProviderListScreen.summary(list, PlainState(self).appState)).\n"
        if rows.isEmpty { out += "Nothing matches. Type c to clear the search and filters.\n" }
        let columns = ListColumns.forKind(key.kind).dropFirst()
        for (offset, position) in rows.enumerated() {
            let provider = catalog.providers[Int(position)]
            var parts = columns.map { "\($0.title): \(spoken($0.value(provider, catalog)))" }
            if let origin = list.query.origin {
                parts.insert(DistanceText.format(metres: catalog.distance(from: origin, toProviderAt: Int(position))) + " away", at: 0)
            }
            let mark = shortlist.contains(provider.id) ? " (on your shortlist)" : ""
            out += "\(first + offset + 1). \(provider.name)\(mark). " + parts.joined(separator: "; ") + ".\n"
        }
        let shownTo = first + rows.count
        if list.rows.count > shownTo { out += "Showing \(first + 1) to \(shownTo) of \(list.rows.count). Type n for the next \(Self.pageSize).\n" }
        out += "Type a number to open one, m and a number to mark it, s and words to search, o to sort, f for filters, b to go back, ? for help:\n"
        return out
    }

    private func spoken(_ text: String) -> String { text == ShortText.notPublished ? "not published" : text }

    private mutating func listResponse(_ line: String, key: ListKey, page: Int) -> Response {
        guard var list = lists[key] else { return Response(text: homeMenu(), effects: []) }
        let lastPage = max(0, (list.rows.count - 1) / Self.pageSize)
        let (command, argument) = line.splitCommand()
        var effects: [Effect] = []
        switch command {
        case "?":
            return Response(text: "In a list: a number opens that provider; m 3 marks number 3 for your shortlist; n and p page forwards and back; s words searches names, organisations, towns and postcodes (s alone clears it); o lists the sorts and o rating sorts by rating; f lists the filters and f 2 changes filter 2; c clears search and filters; b goes back; q quits.\n", effects: [])
        case "n":
            mode = .list(key, page: min(lastPage, page + 1))
            return Response(text: page == lastPage ? "That is the last page.\n" : listPage(key, page: min(lastPage, page + 1)), effects: [])
        case "p":
            mode = .list(key, page: max(0, page - 1))
            return Response(text: listPage(key, page: max(0, page - 1)), effects: [])
        case "b":
            mode = .home
            return Response(text: homeMenu(), effects: [])
        case "s":
            list.query.text = argument
            list.refresh(in: catalog)
            lists[key] = list
            mode = .list(key, page: 0)
            return Response(text: listPage(key, page: 0), effects: [])
        case "c":
            list.query.text = ""
            list.query.filters = ProviderFilters()
            list.refresh(in: catalog)
            lists[key] = list
            mode = .list(key, page: 0)
            return Response(text: "Search and filters cleared.\n" + listPage(key, page: 0), effects: [])
        case "o":
            let fields = SortField.available(for: key.kind)
            guard !argument.isEmpty else {
                return Response(text: "Sorts: \(fields.map(\.label).joined(separator: ", ")). Type o and one of them, for example o \(fields.last?.label ?? "name"). Choosing the current sort again reverses it.\n", effects: [])
            }
            guard let field = fields.first(where: { $0.label == argument.lowercased() }) else {
                return Response(text: "There is no sort called \"\(argument)\". Sorts: \(fields.map(\.label).joined(separator: ", ")).\n", effects: [])
            }
            if field == .distance, homePostcode == nil {
                return Response(text: "Set your home postcode from the main menu first to sort by distance.\n", effects: [])
            }
            list.query.sort = list.query.sort.field == field ? list.query.sort.reversed : SortOrder(field: field)
            list.sortChosen = true
            list.refresh(in: catalog)
            lists[key] = list
            mode = .list(key, page: 0)
            return Response(text: listPage(key, page: 0), effects: [])
        case "f":
            let controls = FilterPanel.controls(for: key.kind).filter { if case .heading = $0 { return false }; return true }
            guard let number = Int(argument), controls.indices.contains(number - 1) else {
                var out = "Filters (type f and a number to change one):\n"
                for (index, control) in controls.enumerated() {
                    let (label, value) = FilterPanel.describe(control, list.query.filters, homeSet: homePostcode != nil)
                    out += "\(index + 1). \(label): \(value.replacingBoxes())\n"
                }
                return Response(text: out, effects: [])
            }
            let control = controls[number - 1]
            if control == .distance, homePostcode == nil {
                return Response(text: "Set your home postcode from the main menu first to filter by distance.\n", effects: [])
            }
            FilterPanel.change(control, &list.query.filters, step: 0)
            list.refresh(in: catalog)
            lists[key] = list
            let (label, value) = FilterPanel.describe(control, list.query.filters, homeSet: homePostcode != nil)
            mode = .list(key, page: 0)
            return Response(text: "\(label): \(value.replacingBoxes()).\n" + listPage(key, page: 0), effects: [])
        case "m":
            guard let number = Int(argument), list.rows.indices.contains(number - 1) else {
                return Response(text: "Type m and the number of a provider in the list, for example m 1.\n", effects: [])
            }
            let provider = catalog.providers[Int(list.rows[number - 1])]
            effects = toggle(provider)
            let now = shortlist.contains(provider.id) ? "added to" : "removed from"
            return Response(text: "\(provider.name) \(now) your shortlist.\n", effects: effects)
        default:
            guard let number = Int(command), list.rows.indices.contains(number - 1) else {
                return Response(text: "I did not understand \"\(line)\". Type ? for help.\n", effects: [])
            }
            let id = catalog.providers[Int(list.rows[number - 1])].id
            mode = .detail(id, returnTo: .list(key, page: page))
            return Response(text: detailText(id), effects: [])
        }
    }

    // MARK: - Details and the shortlist

    private func detailText(_ id: String) -> String {
        guard let provider = catalog.provider(id: id) else { return "That provider is not in this catalog.\n" }
        var out = "\(provider.name)\n"
        for section in ProviderFacts.sections(for: provider, in: catalog, origin: homePostcode?.location) {
            out += "\n\(section.title)\n"
            for fact in section.facts {
                out += "\(fact.label): \(fact.text)."
                if let note = fact.note { out += " (\(note))" }
                out += "\n"
            }
        }
        let marked = shortlist.contains(id)
        return out + "\n\(marked ? "On your shortlist. Type m to remove it" : "Type m to add it to your shortlist"), b to go back:\n"
    }

    private mutating func detailResponse(_ line: String, id: String, back: ReturnTo) -> Response {
        switch line {
        case "m":
            guard let provider = catalog.provider(id: id) else { return Response(text: homeMenu(), effects: []) }
            let effects = toggle(provider)
            return Response(text: "\(provider.name) \(shortlist.contains(id) ? "added to" : "removed from") your shortlist. Type b to go back:\n", effects: effects)
        case "b", "":
            switch back {
            case .list(let key, let page):
                mode = .list(key, page: page)
                return Response(text: listPage(key, page: page), effects: [])
            case .shortlist:
                mode = .shortlist
                return Response(text: shortlistText(), effects: [])
            }
        case "?":
            return Response(text: "m adds or removes this provider from your shortlist; b goes back; q quits.\n", effects: [])
        default:
            return Response(text: "Type m to mark, b to go back, or q to quit.\n", effects: [])
        }
    }

    private func shortlistText() -> String {
        guard !shortlist.isEmpty else {
            return "Your shortlist is empty. In a list, type m and a number to add a provider.\nType b to go back:\n"
        }
        var out = "Your shortlist:\n"
        for (index, id) in shortlist.enumerated() {
            guard let provider = catalog.provider(id: id) else { continue }
            out += "\(index + 1). \(provider.name) — \(provider.kind.singular), \(provider.subType).\n"
        }
        return out + "Type a number to open one, r and a number to remove one, or b to go back:\n"
    }

    private mutating func shortlistResponse(_ line: String) -> Response {
        let (command, argument) = line.splitCommand()
        if command == "b" {
            mode = .home
            return Response(text: homeMenu(), effects: [])
        }
        if command == "r", let number = Int(argument), shortlist.indices.contains(number - 1),
           let provider = catalog.provider(id: shortlist[number - 1]) {
            let effects = toggle(provider)
            return Response(text: "Removed \(provider.name).\n" + shortlistText(), effects: effects)
        }
        if let number = Int(command), shortlist.indices.contains(number - 1) {
            mode = .detail(shortlist[number - 1], returnTo: .shortlist)
            return Response(text: detailText(shortlist[number - 1]), effects: [])
        }
        return Response(text: "Type a number, r and a number, or b.\n", effects: [])
    }

    private mutating func postcodeResponse(_ line: String) -> Response {
        mode = .home
        if line.isEmpty {
            homePostcode = nil
            return Response(text: "Home postcode cleared.\n" + homeMenu(), effects: [.saveHomePostcode(nil)])
        }
        guard let entry = catalog.postcode(line) else {
            mode = .postcode
            return Response(text: "\"\(line)\" is not a postcode in \(catalog.manifest.area.name). Try again, or press Enter alone to cancel:\n", effects: [])
        }
        homePostcode = entry
        lists = [:]
        return Response(text: "Home postcode set to \(entry.postcode) (\(entry.town)). Lists now show distances, nearest first.\n" + homeMenu(),
                        effects: [.saveHomePostcode(entry.postcode)])
    }

    private mutating func toggle(_ provider: Provider) -> [Effect] {
        if let index = shortlist.firstIndex(of: provider.id) {
            shortlist.remove(at: index)
            return [.removeFromShortlist(id: provider.id)]
        }
        shortlist.append(provider.id)
        return [.addToShortlist(id: provider.id, kind: provider.kind.rawValue)]
    }
}

/// Lets the plain session reuse the full-screen list summary.
private struct PlainState {
    let appState: AppState
    init(_ session: PlainSession) {
        appState = AppState(catalog: session.catalog, size: Size(width: 80, height: 24), shortlist: session.shortlist,
                            homePostcode: session.homePostcode?.postcode)
    }
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }

    /// "s st mary" -> ("s", "st mary"); "12" -> ("12", "").
    func splitCommand() -> (String, String) {
        guard let space = firstIndex(of: " ") else { return (self, "") }
        return (String(self[..<space]), String(self[index(after: space)...]).trimmingCharacters())
    }

    func replacingBoxes() -> String {
        switch self {
        case "[x]": return "on"
        case "[ ]": return "off"
        default: return replacingOccurrences("◂ ", "").replacingOccurrences(" ▸", "")
        }
    }

    private func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
