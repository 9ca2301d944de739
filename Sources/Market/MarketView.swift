import ChoiceKit

/// Who holds a local market: each service's providers grouped by sector or by organisation,
/// their shares of its capacity (school places, care-home beds, registered patients, or simply
/// the number of services where capacity is not published), the largest groups, and how
/// concentrated the market is.
public struct MarketView: Hashable, Sendable {
    public enum Grouping: String, CaseIterable, Hashable, Sendable {
        case sector, group

        public var label: String { self == .sector ? "by sector" : "by organisation" }

        /// The word on screen and on the command line: "organisation" or "sector".
        public var word: String { self == .sector ? "sector" : "organisation" }

        /// "organisation" (or "organization", or "group") and "sector", as people type them.
        public init?(userText: String) {
            switch userText.lowercased() {
            case "organisation", "organisations", "organization", "organizations", "group", "groups": self = .group
            case "sector", "sectors": self = .sector
            default: return nil
            }
        }
    }

    /// What a share is a share of.
    public struct Capacity: Hashable, Sendable {
        /// Plural noun: "school places", "care-home beds".
        public let noun: String
        /// One of them: "school place", "care-home bed".
        public let singular: String
        public let value: @Sendable (Provider) -> Int?

        /// "1 contract", "2,400 school places".
        public func count(_ value: Int) -> String { "\(ShortText.count(value)) \(value == 1 ? singular : noun)" }

        public static func == (lhs: Capacity, rhs: Capacity) -> Bool { lhs.noun == rhs.noun }
        public func hash(into hasher: inout Hasher) { hasher.combine(noun) }
    }

    public struct Share: Hashable, Sendable {
        public let label: String
        public let providers: Int
        public let capacity: Int
        /// Share of the total capacity in tenths of a percent.
        public let shareTenths: Int
        /// For groups: the sector the organisation is in.
        public let sector: Sector?
    }

    public let service: Manifest.Service
    public let grouping: Grouping
    public let capacity: Capacity
    /// Largest first.
    public let shares: [Share]
    public let totalCapacity: Int
    /// Providers counted without a capacity figure (not published).
    public let providersWithoutCapacity: Int
    /// Concentration is always measured across organisations, whichever grouping is shown.
    public let topThreeShareTenths: Int
    public let topThreeCount: Int
    public let hhi: Int
    public let notes: [String]

    public var level: MarketConcentration.Level { MarketConcentration.level(hhi: hhi) }

    /// "Three groups run 61.0% of care-home beds: a concentrated market (HHI 1,450)."
    public var reading: String {
        guard totalCapacity > 0 else { return "There is nothing to measure yet." }
        let who = topThreeCount == 1 ? "One organisation runs" : "\(Self.number(topThreeCount)) organisations run"
        return "\(who) \(Self.percent(topThreeShareTenths)) of \(capacity.noun): \(level.words) (HHI \(ShortText.count(hhi)))."
    }

    static func number(_ count: Int) -> String {
        ["zero", "One", "Two", "Three"].indices.contains(count) ? ["zero", "one", "two", "three"][count].capitalized : "\(count)"
    }

    public static func percent(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)%" }

    /// `part` of `total` in tenths of a percent, to the nearest: one rounding for the rows and the
    /// headline, so the headline agrees with the rows it sums.
    public static func tenths(_ part: Int, of total: Int) -> Int { total > 0 ? (part * 1_000 + total / 2) / total : 0 }

    public static func make(service: Manifest.Service, catalog: Catalog, grouping: Grouping) -> MarketView {
        let all = catalog.providers(of: service.kind).filter { service.kind != .other || $0.contract?.serviceID == service.id }
        // Care's capacity is beds, which only care homes have; other care services are noted, not
        // counted. A service the public body runs itself has no contract to share out.
        let providers = service.kind == .care ? all.filter { $0.care?.isCareHome == true }
            : service.kind == .other ? all.filter { $0.contract?.contractName != nil } : all
        let capacity = Self.capacity(for: service.kind)
        let counted = providers.filter { capacity.value($0) != nil }
        let total = counted.reduce(0) { $0 + (capacity.value($1) ?? 0) }
        var notes: [String] = []
        if service.kind == .care {
            notes.append("Care homes only: home care hours are not published, so the \(all.count - providers.count) home care, day and other services are not shared out here.")
        }
        let runDirectly = all.filter { service.kind == .other && $0.contract?.contractName == nil }
        if !runDirectly.isEmpty {
            notes.append("Run by the public body itself, with no contract, so not counted: \(runDirectly.map(\.name).joined(separator: ", ")).")
        }
        if counted.count < providers.count {
            let missing = providers.count - counted.count
            notes.append(missing == 1 ? "1 of \(providers.count) does not publish its \(capacity.noun) and is not counted."
                                      : "\(missing) of \(providers.count) do not publish their \(capacity.noun) and are not counted.")
        }
        notes.append("Concentration is measured across organisations: \(MarketConcentration.thresholds).")
        let byGroup = Self.shares(counted, capacity: capacity, total: total) { Self.group(of: $0) }
        let shown = grouping == .group ? byGroup
            : Self.shares(counted, capacity: capacity, total: total) { ($0.sector.label.prefix(1).uppercased() + $0.sector.label.dropFirst(), nil) }
        let top = byGroup.prefix(3)
        let topThree = tenths(top.reduce(0) { $0 + $1.capacity }, of: total)
        return MarketView(service: service, grouping: grouping, capacity: capacity, shares: shown, totalCapacity: total,
                          providersWithoutCapacity: providers.count - counted.count, topThreeShareTenths: topThree,
                          topThreeCount: top.count, hhi: hhi(byGroup.map(\.capacity), total: total), notes: notes)
    }

    /// The Herfindahl–Hirschman index from capacities: the sum of squared percentage shares,
    /// computed in whole numbers from the exact fractions (no rounding of each share first).
    public static func hhi(_ capacities: [Int], total: Int) -> Int {
        guard total > 0 else { return 0 }
        let squares = capacities.reduce(Int64(0)) { $0 + Int64($1) * Int64($1) }
        let totalSquared = Int64(total) * Int64(total)
        return Int((squares * 10_000 + totalSquared / 2) / totalSquared)
    }

    static func capacity(for kind: ProviderKind) -> Capacity {
        switch kind {
        case .school: return Capacity(noun: "school places", singular: "school place") { $0.school?.capacity }
        case .care:
            return Capacity(noun: "care-home beds", singular: "care-home bed") { provider in provider.care?.isCareHome == true ? provider.care?.beds : nil }
        case .gp: return Capacity(noun: "registered patients", singular: "registered patient") { $0.gp?.listSize }
        case .other: return Capacity(noun: "contracts", singular: "contract") { $0.contract?.contractName == nil ? nil : 1 }
        }
    }

    /// The organisation a provider belongs to; one that stands alone (or is its own GP
    /// partnership) is a group of its own.
    static func group(of provider: Provider) -> (String, Sector?) {
        let organisation = provider.organisation
        if organisation.isEmpty || organisation.lowercased() == "gp partnership" {
            return (provider.name + " (on its own)", provider.sector)
        }
        return (organisation, provider.sector)
    }

    static func shares(_ providers: [Provider], capacity: Capacity, total: Int,
                       key: (Provider) -> (String, Sector?)) -> [Share] {
        var order: [String] = []
        var counts: [String: (providers: Int, capacity: Int, sector: Sector?)] = [:]
        for provider in providers {
            let (label, sector) = key(provider)
            if counts[label] == nil { order.append(label) }
            let value = capacity.value(provider) ?? 0
            let current = counts[label] ?? (0, 0, sector)
            counts[label] = (current.providers + 1, current.capacity + value, current.sector)
        }
        let shares = order.compactMap { label -> Share? in
            guard let entry = counts[label] else { return nil }
            return Share(label: label, providers: entry.providers, capacity: entry.capacity,
                         shareTenths: tenths(entry.capacity, of: total), sector: entry.sector)
        }
        return shares.sorted { $0.capacity != $1.capacity ? $0.capacity > $1.capacity : $0.label < $1.label }
    }
}
