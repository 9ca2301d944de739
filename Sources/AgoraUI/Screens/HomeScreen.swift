import ChoiceKit

/// The start: the area's services, who buys each, and how a citizen gets a say.
enum HomeScreen {
    enum Item: Hashable {
        case heading(String)
        case service(Manifest.Service)
        case shortlist
        case postcode
        case about

        var isHeading: Bool { if case .heading = self { return true }; return false }
    }

    static func items(_ catalog: Catalog) -> [Item] {
        let services = catalog.manifest.services
        let chosen = services.filter(\.citizensChoose)
        let others = services.filter { !$0.citizensChoose }
        return [.heading("Choose a provider")] + chosen.map(Item.service)
            + [.heading("Who provides other services here")] + others.map(Item.service)
            + [.heading("Yours"), .shortlist, .postcode, .about]
    }

    static func selectable(_ catalog: Catalog) -> [Item] { items(catalog).filter { !$0.isHeading } }

    static func label(_ item: Item, _ state: AppState) -> String {
        switch item {
        case .heading(let title): return title
        case .service(let service):
            let count = service.kind == .other
                ? state.catalog.providers(of: .other).filter { $0.contract?.serviceID == service.id }.count
                : state.catalog.count(of: service.kind)
            return "\(service.name) (\(count))"
        case .shortlist: return "Your shortlist (\(state.shortlist.count))"
        case .postcode: return "Home postcode: \(state.homePostcode?.postcode ?? "not set")"
        case .about: return "About Agora and the data"
        }
    }

    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let catalog = state.catalog
        let region = catalog.manifest.area
        screen.put(region.notice, x: 2, y: area.y, width: area.width - 4, role: .dim)
        let menuWidth = min(44, area.width / 2)
        var y = area.y + 2
        var selectableIndex = 0
        var selectedItem: Item?
        for item in items(catalog) where y < area.maxY {
            if item.isHeading {
                if y > area.y + 2 { y += 1 }
                screen.put(label(item, state), x: 2, y: y, width: menuWidth, role: .heading)
            } else {
                let isSelected = selectableIndex == state.homeSelection
                if isSelected { selectedItem = item }
                screen.putPadded((isSelected ? "▸ " : "  ") + label(item, state), x: 2, y: y, width: menuWidth - 2,
                                 role: isSelected ? .selected : .normal)
                selectableIndex += 1
            }
            y += 1
        }
        let info = Rect(x: menuWidth + 2, y: area.y + 2, width: area.width - menuWidth - 4, height: area.height - 2)
        if let selectedItem { renderInfo(selectedItem, state, into: &screen, area: info) }
    }

    /// The right-hand explanation of the selected item.
    private static func renderInfo(_ item: Item, _ state: AppState, into screen: inout Screen, area: Rect) {
        guard area.width >= 20 else { return }
        var writer = ParagraphWriter(area: area)
        switch item {
        case .service(let service):
            writer.heading(service.name, &screen)
            writer.paragraph("Who pays: " + service.whoBuys, &screen)
            writer.paragraph("Your say: " + service.citizenSay, &screen, role: service.citizensChoose ? .accent : .normal)
            let buyers = service.commissionerIDs.map { state.catalog.commissionerName($0) }.joined(separator: "; ")
            writer.paragraph("Commissioners: " + buyers, &screen, role: .dim)
            if service.kind != .other {
                let counts = state.catalog.sectorCounts(of: service.kind)
                let mix = Sector.allCases.compactMap { sector in counts[sector].map { "\($0) \(sector.label)" } }
                writer.paragraph("Who provides here: " + mix.joined(separator: ", ") + ".", &screen, role: .dim)
            }
            writer.paragraph("Press Enter to see them.", &screen, role: .dim)
        case .shortlist:
            writer.heading("Your shortlist", &screen)
            writer.paragraph("Mark providers with Space in any list to keep them here. Your shortlist is saved on this computer and is there next time.", &screen)
        case .postcode:
            writer.heading("Your home postcode", &screen)
            writer.paragraph("Set it with h to see how far each provider is, sort nearest first and filter by distance. It is saved on this computer only.", &screen)
            if state.homePostcode == nil {
                writer.paragraph("Try one of this area's postcodes, such as \(state.catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA").", &screen, role: .dim)
            }
        case .about:
            writer.heading("About", &screen)
            writer.paragraph("What Agora is, where its data comes from, and how current it is.", &screen)
        case .heading:
            break
        }
    }
}

extension AppState {
    mutating func performOnHome(_ action: Action) -> [Effect] {
        let items = HomeScreen.selectable(catalog)
        switch action {
        case .up: homeSelection = max(0, homeSelection - 1)
        case .down: homeSelection = min(items.count - 1, homeSelection + 1)
        case .top: homeSelection = 0
        case .bottom: homeSelection = items.count - 1
        case .open:
            guard items.indices.contains(homeSelection) else { return [] }
            switch items[homeSelection] {
            case .service(let service):
                openList(ListKey(kind: service.kind, serviceID: service.kind == .other ? service.id : nil))
            case .shortlist: return perform(.shortlist)
            case .postcode: return perform(.homePostcode)
            case .about: return perform(.about)
            case .heading: break
            }
        case .quit, .back:
            isRunning = false
        default:
            break
        }
        return []
    }
}

/// Writes wrapped paragraphs down a rectangle.
struct ParagraphWriter {
    let area: Rect
    var y: Int

    init(area: Rect) {
        self.area = area
        y = area.y
    }

    mutating func heading(_ text: String, _ screen: inout Screen) {
        guard y < area.maxY else { return }
        screen.put(text, x: area.x, y: y, width: area.width, role: .title)
        y += 2
    }

    mutating func paragraph(_ text: String, _ screen: inout Screen, role: Role = .normal) {
        for line in DisplayWidth.wrap(text, width: area.width) where y < area.maxY {
            screen.put(line, x: area.x, y: y, width: area.width, role: role)
            y += 1
        }
        y += 1
    }
}
