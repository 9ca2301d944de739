import ChoiceKit

/// One of the area's public services as a page: who buys it on the citizen's behalf, whether and
/// how the citizen chooses, what they may add privately, the contracts here with term and value
/// where public, who provides it, and the providers themselves.
public struct ServiceFeature: KeyedFeature {
    public let serviceID: String
    var text = ScrollingText()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case providers, market
    }

    public init(serviceID: String) { self.serviceID = serviceID }

    public var id: String { "service:\(serviceID)" }

    func service(_ context: AppContext) -> Manifest.Service? { context.catalog.manifest.service(id: serviceID) }

    public func title(in context: AppContext) -> String { service(context)?.name ?? serviceID }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "line") + [
            KeyBinding([.enter, .character("l")], "Enter", .providers, "the providers, with search, filters and sorts", hint: "providers", plain: "p"),
            // The same key as in the service's list, where m marks a provider.
            KeyBinding([.character("w")], "w", .market, "who holds the market: shares and concentration", hint: "market", plain: "ma"),
        ])
    }

    static func listKey(_ service: Manifest.Service) -> ListKey {
        ListKey(kind: service.kind, serviceID: service.kind == .other ? service.id : nil)
    }

    func providers(_ service: Manifest.Service, _ catalog: Catalog) -> [Provider] {
        catalog.providers(of: service.kind).filter { service.kind != .other || $0.contract?.serviceID == service.id }
    }

    func paragraphs(_ context: AppContext) -> [(text: String, role: Role, gapBefore: Bool)] {
        guard let service = service(context) else { return [("This service is not in the catalog.", .dim, false)] }
        let catalog = context.catalog
        var out: [(String, Role, Bool)] = [(service.name, .title, false)]
        out.append(("Who buys it for you", .heading, true))
        out.append((service.whoBuys, .normal, false))
        for id in service.commissionerIDs {
            guard let commissioner = catalog.manifest.commissioner(id: id) else { continue }
            out.append(("• \(commissioner.name) (\(commissioner.type)): \(commissioner.role)", .dim, false))
        }
        out.append(("Your say", .heading, true))
        out.append((service.citizenSay, service.citizensChoose ? .accent : .normal, false))
        let providers = self.providers(service, catalog)
        let contracts = providers.compactMap { provider in provider.contract.map { (provider, $0) } }
        // Services citizens choose have no contract per provider here: how they are bought, and
        // what a person may add, are national arrangements.
        let bought = ServiceFacts.howItIsBought(service.kind)
        if !bought.isEmpty {
            out.append(("How it is bought", .heading, true))
            out += bought.map { ("\($0.value) (\($0.source.publisher), \($0.source.year))", .normal, false) }
        }
        let extras = ServiceFacts.privateExtras(service.kind)
        if !extras.isEmpty {
            out.append(("What you can add yourself", .heading, true))
            out += extras.map { ("• \($0.value)", .normal, false) }
        }
        if !contracts.isEmpty {
            out.append(("Contracts here\(catalog.asOf("contracts").map { " (as of \($0.long))" } ?? "")", .heading, true))
            for (provider, contract) in contracts {
                out.append((Self.describe(contract, provider: provider), .normal, false))
            }
            let extras = contracts.flatMap(\.1.privateExtras)
            if bought.isEmpty {
                out.append(("What you can add yourself", .heading, true))
                out += extras.isEmpty ? [("Nothing to buy: the service comes as the public body arranges it.", .dim, false)]
                    : extras.map { ("• \($0)", .normal, false) }
            }
        }
        out.append(("Who provides it here", .heading, true))
        let counts = Dictionary(grouping: providers, by: \.sector).mapValues(\.count)
        let mix = Sector.allCases.compactMap { sector in counts[sector].map { "\($0) \(sector.label)" } }
        out.append(("\(providers.count) provider\(providers.count == 1 ? "" : "s"): \(mix.joined(separator: ", ")). Press w for who holds the market.", .normal, false))
        for provider in providers.prefix(8) {
            out.append(("• \(provider.name) — \(provider.organisation.isEmpty ? provider.subType : provider.organisation)", .dim, false))
        }
        if providers.count > 8 { out.append(("… and \(providers.count - 8) more: press Enter to see them all.", .dim, false)) }
        return out
    }

    /// "Integrated Waste Collection Contract, delivered by Veridian…, 1 April 2019 to 31 March 2027, £96,400,000 (8 years…)".
    static func describe(_ contract: ContractDetails, provider: Provider) -> String {
        guard let name = contract.contractName else {
            return "\(provider.name): no contract — \(contract.valueNote ?? "the public body runs it itself")."
        }
        var parts = ["\(name): \(provider.organisation.isEmpty ? provider.name : provider.organisation)"]
        switch (contract.start, contract.end) {
        case (let start?, let end?): parts.append("\(start.long) to \(end.long)")
        case (let start?, nil): parts.append("from \(start.long)")
        default: break
        }
        parts.append(contract.value.map { $0.formatted + (contract.valueNote.map { " (\($0))" } ?? "") }
                     ?? (contract.valueNote.map(midSentence) ?? "value not published"))
        return parts.joined(separator: ", ") + "."
    }

    /// A note written as a sentence, read after a comma: "value not published", but "NHS …" kept.
    static func midSentence(_ text: String) -> String {
        let start = text.prefix(2)
        guard let first = start.first, first.isUppercase, !(start.count == 2 && start.last?.isUppercase == true) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    static func textArea(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height) }

    func lines(_ context: AppContext, area: Rect) -> [ScrollingText.Line] {
        ScrollingText.wrap(paragraphs(context), width: Self.textArea(area).width)
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .move(let move):
            text.scroll(move, lines: lines(context, area: context.contentArea).count, area: Self.textArea(context.contentArea))
        case .providers:
            guard let service = service(context) else { return .handled }
            context.push(ProviderListFeature(key: Self.listKey(service), context: context))
        case .market:
            context.push(MarketFeature(serviceID: serviceID))
        }
        return .handled
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        text.fit(lines: lines(context, area: area).count, area: Self.textArea(area))
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch mouse.kind {
        case .wheelUp: return perform(.move(.up), in: &context)
        case .wheelDown: return perform(.move(.down), in: &context)
        case .press: return .ignored
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        text.render(lines(context, area: area), into: &screen, area: Self.textArea(area))
    }

    public func plain(in context: AppContext) -> PlainView {
        let lines = paragraphs(context).dropFirst().map { $0.role == .heading ? PlainLine.heading($0.text) : .note($0.text) }
        return PlainView(title: title(in: context), lines: Array(lines),
                         prompt: "Type p to see the providers, m for who holds the market, or b to go back:")
    }
}
