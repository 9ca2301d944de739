import Foundation

/// Any providers of one kind side by side, one row per fact the details page shows, with the best
/// value marked where "better" has a direction. Schools get a richer comparison for a child in
/// `SchoolChoice`; this one serves care services, GP practices and a quick look at schools.
public enum ProviderComparison {
    public static let maximumProviders = 6

    /// Which way is better for a fact; facts not listed have no best.
    static func better(_ key: String) -> BetterDirection {
        switch key {
        // Not the council's rate: a lower one is what the council pays, not better for the
        // person, and can mean a larger top-up.
        case "distance", "price": return .lower
        case "survey_good_pct", "ks2_rwm_expected_pct", "ks4_attainment8", "ks4_grade5_eng_maths_pct", "vacancies":
            return .higher
        default:
            if key.hasPrefix("cqc_"), key != "cqc_report_date", key != "cqc_location_id" { return .higher }
            if key.hasPrefix("ofsted_"), key != "ofsted_date" { return .higher }
            return .none
        }
    }

    /// Facts that tell providers apart rather than identify them.
    static let skipped: Set<String> = ["id", "kind", "ods_code", "cqc_location_id", "urn", "phone", "website", "address"]

    public static func grid(_ providers: [Provider], catalog: Catalog, origin: GeoPoint?) -> ComparisonGrid {
        let shown = Array(providers.prefix(maximumProviders))
        let factsByProvider = shown.map { provider in
            ProviderFacts.sections(for: provider, in: catalog, origin: origin).flatMap { section in
                section.facts.map { (section: section.title, fact: $0) }
            }
        }
        // Rows in the order they first appear; a provider without a fact says it does not apply.
        var order: [(key: String, label: String, group: String)] = []
        var seen: Set<String> = []
        for facts in factsByProvider {
            for (section, fact) in facts where !skipped.contains(fact.key) && seen.insert(fact.key).inserted {
                order.append((fact.key, fact.label, Self.group(section)))
            }
        }
        let rows = order.map { row -> ComparisonRow in
            let cells = factsByProvider.map { facts -> ComparisonCell in
                guard let fact = facts.first(where: { $0.fact.key == row.key })?.fact else {
                    return .missing(.notApplicable("does not apply"))
                }
                return cell(fact)
            }
            // Prices per hour, per day and per week are not compared with each other.
            let units = Set(factsByProvider.compactMap { facts -> String? in
                guard case .money(_, let unit)? = facts.first(where: { $0.fact.key == row.key })?.fact.measure.value else { return nil }
                return unit?.rawValue ?? "total"
            })
            let direction = units.count > 1 ? .none : better(row.key)
            return ComparisonRow(key: row.key, label: row.label, group: row.group, better: direction, cells: cells)
        }
        var notes = [ComparisonGrid.bestLegend]
        if origin != nil { notes.append("Distances are in a straight line from your home postcode.") }
        let kind = shown.first?.kind.label ?? "Providers"
        return ComparisonGrid(title: "\(kind) compared", columns: shown.map { ComparisonColumn(id: $0.id, title: $0.name) },
                              rows: rows, notes: notes)
    }

    static func cell(_ fact: Fact) -> ComparisonCell {
        let measure = fact.measure
        if let absence = measure.absence { return .missing(absence) }
        let sortValue = measure.sortKey.map { Int(clamping: $0) }
        return ComparisonCell(text: measure.short, detail: fact.note, sortValue: sortValue, tone: measure.tone)
    }

    /// "CQC rating (as of 1 October 2026)" → "CQC rating": the group heading without its date.
    static func group(_ section: String) -> String {
        guard let open = section.firstIndex(of: "(") else { return section }
        return String(section[..<open]).trimmingCharacters(in: .whitespaces)
    }
}
