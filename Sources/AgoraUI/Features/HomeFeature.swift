import ChoiceKit

/// The start: the area's services, who buys each, how a citizen gets a say, and the person's own
/// shortlist, postcode and the about page.
public struct HomeFeature: KeyedFeature {
    enum Item {
        case heading(String)
        case gap
        case service(Manifest.Service)
        case shortlist
        /// A journey of its own (schools for a child, a care budget…), registered with one line below.
        case entry(any HomeEntry)
        case postcode
        case about

        /// Lists, the shortlist and journeys show providers; the postcode and about pages do not.
        var needsProviders: Bool {
            switch self {
            case .service: return true
            case .shortlist, .entry: return true
            case .heading, .gap, .postcode, .about: return false
            }
        }

        var isSelectable: Bool {
            switch self {
            case .heading, .gap: return false
            default: return true
            }
        }
    }

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open
        case about
        case quit
    }

    let items: [Item]
    var cursor: ListCursor
    /// What was opened while the providers were still loading: it opens when they arrive.
    var waiting: Waiting?

    enum Waiting {
        case open(Item)
        case service(Manifest.Service)
    }

    public init(catalog: Catalog) {
        let services = catalog.manifest.services
        let others = services.filter { !$0.citizensChoose }
        // An imported catalog has no other services: no heading over nothing.
        items = [.heading("Choose a provider")] + services.filter(\.citizensChoose).map(Item.service)
            + (others.isEmpty ? [] : [.gap, .heading("Other local services")] + others.map(Item.service))
            + [.gap, .heading("Yours"), .shortlist, .entry(SchoolsHomeEntry()), .entry(BudgetHomeEntry()), .postcode, .about]
        cursor = ListCursor(selected: items.firstIndex(where: \.isSelectable) ?? 0)
    }

    public var id: String { "home" }
    public func title(in context: AppContext) -> String { "Home" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap([
            KeyBinding([.up, .character("k")], "↑ k", .move(.up), "move up"),
            KeyBinding([.down, .character("j")], "↓ j", .move(.down), "move down"),
            KeyBinding([.pageUp], "PgUp", .move(.pageUp), "up a page"),
            KeyBinding([.pageDown], "PgDn", .move(.pageDown), "down a page"),
            KeyBinding([.home, .character("g")], "Home g", .move(.top), "first item"),
            KeyBinding([.end, .character("G")], "End G", .move(.bottom), "last item"),
            KeyBinding([.enter, .right, .character("l")], "Enter", .open, "open it", hint: "open"),
            KeyBinding([.character("i")], "i", .about, "about this service: who buys it, contracts, who provides it", hint: "service", plain: "i"),
            KeyBinding([.character("q")], "q", .quit, "quit Agora", hint: "quit", plain: "q"),
        ])
    }

    public var plainDefault: Action? { .open }

    /// The menu's rows, the notice above it and the explanation beside it.
    struct Frame {
        let notice: Rect
        let menu: Rect
        let info: Rect?
    }

    /// The notice wraps (it must be read whole), then the menu, with a row kept for "↓ more".
    func frame(_ area: Rect, notice: String) -> Frame {
        let noticeRows = min(3, max(1, DisplayWidth.wrap(notice, width: max(1, area.width - 4)).count))
        let top = area.y + noticeRows + 1
        let menuWidth = min(44, area.width / 2)
        let menu = Rect(x: area.x + 2, y: top, width: menuWidth - 2, height: area.maxY - top - 1)
        let infoWidth = area.width - menuWidth - 4
        let info = infoWidth >= 20 ? Rect(x: area.x + menuWidth + 2, y: top, width: infoWidth, height: area.maxY - top) : nil
        return Frame(notice: Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: noticeRows), menu: menu, info: info)
    }

    func frame(_ area: Rect, _ context: AppContext) -> Frame { frame(area, notice: context.catalog.manifest.area.notice) }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let visible = frame(context.contentArea, context).menu.height
        switch action {
        case .move(let move):
            let items = self.items
            cursor.move(move, count: items.count, visible: visible) { items[$0].isSelectable }
        case .open:
            open(items[cursor.selected], in: &context)
        case .about:
            guard case .service(let service) = items[cursor.selected] else {
                context.inform("i tells you about a service: move to one first.")
                return .handled
            }
            if context.isCatalogLoading {
                waiting = .service(service)
                context.inform("About \(service.name) will open as soon as the providers have loaded.")
            } else {
                context.push(ServiceFeature(serviceID: service.id))
            }
        case .quit:
            context.quit()
        }
        return .handled
    }

    private mutating func open(_ item: Item, in context: inout AppContext) {
        if context.isCatalogLoading, item.needsProviders {
            waiting = .open(item)
            context.inform("\(label(item, context, counted: false)) will open as soon as the providers have loaded.")
            return
        }
        waiting = nil
        switch item {
        case .service(let service):
            // Services citizens choose open on their providers; the others on who buys and delivers them.
            if service.citizensChoose {
                context.push(ProviderListFeature(key: ServiceFeature.listKey(service), context: context))
            } else {
                context.push(ServiceFeature(serviceID: service.id))
            }
        case .shortlist: context.push(ShortlistFeature())
        case .entry(let entry): entry.open(in: &context)
        case .postcode: context.present(PostcodeFeature(current: context.home?.postcode))
        case .about: context.push(AboutFeature())
        case .heading, .gap: break
        }
    }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        if let action = keymap(in: context).action(for: key) { return perform(action, in: &context) }
        // A key meant for a page still waiting for the providers ("f" for its filters): say what is
        // coming, rather than that the key does nothing.
        if let waiting, case .character = key, GlobalKeys.keymap.action(for: key) == nil {
            let what: String
            switch waiting {
            case .open(let item): what = label(item, context, counted: false)
            case .service(let service): what = "About \(service.name)"
            }
            context.inform("\(what) will open once the providers load; press that key again then")
            return .handled
        }
        return .ignored
    }

    /// Back on the home page: the shortlist as saved now (another copy may have changed it).
    public mutating func appeared(in context: inout AppContext) { context.reloadShortlist() }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        guard case .catalogLoaded = outcome, let waiting else { return }
        self.waiting = nil
        // Opened something else meanwhile (About, the shortlist): that stays in view.
        guard context.receiverIsInView else { return }
        switch waiting {
        case .open(let item): open(item, in: &context)
        case .service(let service): context.push(ServiceFeature(serviceID: service.id))
        }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        cursor.fit(count: items.count, visible: frame(area, context).menu.height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        let items = self.items
        switch cursor.handle(mouse, body: frame(area, context).menu, count: items.count, selectable: { items[$0].isSelectable }) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated(let index):
            open(items[index], in: &context)
            return .handled
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        let selectable = items.indices.filter { items[$0].isSelectable }
        guard selectable.indices.contains(number - 1) else { return false }
        cursor.selected = selectable[number - 1]
        return true
    }

    // MARK: Drawing

    func label(_ item: Item, _ context: AppContext, counted: Bool = true) -> String {
        switch item {
        case .heading(let title): return title
        case .gap: return ""
        case .service(let service):
            guard counted else { return service.name }
            return "\(service.name) (\(context.isCatalogLoading ? "…" : Count.text(Self.count(service, context.catalog))))"
        case .shortlist: return counted ? "Your shortlist (\(context.shortlist.count))" : "Your shortlist"
        case .entry(let entry): return entry.label(in: context)
        case .postcode: return "Home postcode: " + context.homeDescription
        case .about: return "About Agora and the data"
        }
    }

    static func count(_ service: Manifest.Service, _ catalog: Catalog) -> Int {
        service.kind == .other
            ? catalog.providers(of: .other).filter { $0.contract?.serviceID == service.id }.count
            : catalog.count(of: service.kind)
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let frame = self.frame(area, context)
        for (row, line) in DisplayWidth.wrap(context.catalog.manifest.area.notice, width: max(1, frame.notice.width))
            .prefix(frame.notice.height).enumerated() {
            screen.put(line, x: frame.notice.x, y: frame.notice.y + row, width: frame.notice.width, role: .dim)
        }
        for row in 0..<frame.menu.height {
            let index = cursor.viewport.top + row
            guard index < items.count else { break }
            let item = items[index]
            let y = frame.menu.y + row
            if case .heading = item {
                screen.put(label(item, context), x: frame.menu.x - 2, y: y, width: frame.menu.width + 2, role: .heading)
            } else if item.isSelectable {
                let selected = index == cursor.selected
                screen.putPadded((selected ? "▸ " : "  ") + label(item, context), x: frame.menu.x - 2, y: y, width: frame.menu.width,
                                 role: selected ? .selected : .normal)
            }
        }
        if cursor.viewport.top > 0 { screen.put("↑ more", x: frame.menu.maxX - 6, y: frame.menu.y - 1, role: .dim) }
        if cursor.viewport.top + frame.menu.height < items.count {
            screen.put("↓ more", x: frame.menu.maxX - 6, y: frame.menu.maxY, role: .dim)
        }
        if let info = frame.info, items.indices.contains(cursor.selected) {
            renderInfo(items[cursor.selected], context, into: &screen, area: info)
        }
    }

    /// The paragraphs, a blank row apart; when they do not all fit, the last row says where the
    /// rest is rather than stopping mid-thought.
    private func renderInfo(_ item: Item, _ context: AppContext, into screen: inout Screen, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        var lines: [(text: String, role: Role)] = []
        for (index, paragraph) in info(item, context).enumerated() {
            if index > 0 { lines.append(("", .normal)) }
            lines += DisplayWidth.wrap(paragraph.0, width: area.width).map { ($0, paragraph.1) }
        }
        if lines.count > area.height {
            let rest: String
            if case .service = item { rest = "… press i for all of it" } else { rest = "…" }
            lines = Array(lines.prefix(area.height - 1)) + [(rest, .dim)]
        }
        for (row, line) in lines.enumerated() {
            screen.put(line.text, x: area.x, y: area.y + row, width: area.width, role: line.role)
        }
    }

    /// The explanation of an item: drawn beside the menu, and said in plain mode.
    func info(_ item: Item, _ context: AppContext) -> [(String, Role)] {
        switch item {
        case .service(let service):
            var out: [(String, Role)] = [(service.name, .title), ("Who pays: " + service.whoBuys, .normal),
                                         ("Your say: " + service.citizenSay, service.citizensChoose ? .accent : .normal)]
            let buyers = service.commissionerIDs.map { context.catalog.commissionerName($0) }.joined(separator: "; ")
            out.append(("Commissioners: " + buyers, .dim))
            if context.isCatalogLoading {
                out.append(("Who provides here: loading…", .dim))
            } else if service.kind != .other {
                let counts = context.catalog.sectorCounts(of: service.kind)
                let mix = Sector.allCases.compactMap { sector in counts[sector].map { "\(Count.text($0)) \(sector.label)" } }
                out.append(("Who provides here: " + mix.joined(separator: ", ") + ".", .dim))
            }
            out.append((service.citizensChoose ? "Press Enter to see them, i for who buys and who holds the market."
                        : "Press Enter for who buys it, the contracts and who delivers it.", .dim))
            return out
        case .shortlist:
            return [("Your shortlist", .title),
                    ("Mark providers with Space in any list to keep them here. Your shortlist is saved on this computer and is there next time.", .normal)]
        case .postcode:
            var out: [(String, Role)] = [("Your home postcode", .title),
                                         ("Set it to see how far each provider is, sort nearest first and filter by distance. It is saved on this computer only.", .normal)]
            if context.home == nil {
                out.append(("Try one of this area's postcodes, such as \(context.catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA").", .dim))
            }
            return out
        case .about:
            return [("About", .title), ("What Agora is, where its data comes from, and how current it is.", .normal)]
        case .entry(let entry):
            return entry.info(in: context)
        case .heading, .gap:
            return []
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = []
        var number = 0
        for item in items {
            switch item {
            case .heading(let title): lines.append(.heading(title))
            case .gap: break
            case .service(let service):
                number += 1
                lines.append(.item(number, "\(label(item, context)). \(service.citizensChoose ? "You choose." : "Who provides it.")"))
            default:
                number += 1
                lines.append(.item(number, label(item, context)))
            }
        }
        return PlainView(title: "Main menu", lines: lines, prompt: "Type a number from 1 to \(number), ? for help, or q to quit:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word.isEmpty, let number = command.number, selectForPlain(number, in: context),
           case .service(let service) = items[cursor.selected] {
            // Plain mode says who pays and the citizen's say before the list, as the screen shows beside it.
            context.inform("\(service.name). Who pays: \(service.whoBuys) Your say: \(service.citizenSay)")
        }
        return keyedPlain(command, in: &context)
    }
}

/// A journey the home page opens, listed under "Yours": its label, the explanation beside it,
/// and what opening it does. Adding one is one line in `HomeFeature.init`.
public protocol HomeEntry: Sendable {
    func label(in context: AppContext) -> String
    func info(in context: AppContext) -> [(String, Role)]
    func open(in context: inout AppContext)
}

/// Writes wrapped paragraphs down a rectangle.
struct ParagraphWriter {
    let area: Rect
    var y: Int

    init(area: Rect) {
        self.area = area
        y = area.y
    }

    /// Wrapped to the area; text that does not fit ends its last row with "…", so a sentence is
    /// never seen to stop in the middle as if that were all.
    mutating func write(_ text: String, role: Role, into screen: inout Screen) {
        let lines = DisplayWidth.wrap(text, width: area.width)
        let room = area.maxY - y
        for (index, line) in lines.enumerated() where y < area.maxY {
            let cut = index == room - 1 && lines.count > room
            screen.put(cut ? DisplayWidth.truncate(line + " …", to: area.width) : line, x: area.x, y: y, width: area.width, role: role)
            y += 1
        }
        y += 1
    }
}
