import ChoiceKit

/// What the imported providers lack because the national files do not carry it, so the report
/// can say so and nobody reads "not published" as the provider's fault.
enum Lacking {
    static func find(providers: [ProviderKind: [Provider]], gias: GIASRead?, directory: CQCDirectoryRead?, ratingsGiven: Bool,
                     practices: EpraccurRead?) -> [ImportReport.Lacking] {
        var out: [ImportReport.Lacking] = []
        func add(_ kind: ProviderKind, _ what: String, _ why: String, _ count: Int) {
            if count > 0 { out.append(ImportReport.Lacking(kind: kind, what: what, why: why, count: count)) }
        }
        if let gias {
            let schools = providers[.school] ?? []
            let urns = Set(schools.compactMap { $0.school?.urn })
            func imported(leftOut: InspectionLeftOut) -> Int {
                gias.schools.count { $0.inspectionLeftOut == leftOut && urns.contains($0.urn) }
            }
            add(.school, "KS2 and KS4 results", "not in GIAS; the school performance tables are a separate download", schools.count)
            add(.school, "Places, applications and last distance offered; oversubscription criteria",
                "not in GIAS; each admission authority publishes its own", schools.count)
            add(.school, "School day, clubs and open days", "not in GIAS", schools.count)
            add(.school, "Ofsted report-card grades",
                "not in GIAS: schools inspected since \(OfstedFacts.reportCardsBegan.value.long) show as not yet inspected — see their Ofsted reports",
                imported(leftOut: .reportCard))
            add(.school, "Ofsted grade",
                "this GIAS file has no OfstedRating column (GIAS dropped its Ofsted columns in 2025): these schools show as not yet inspected",
                imported(leftOut: .gradeNotInFile))
            add(.school, "Sector", "worked out from the type of school and its proprietor; GIAS does not say it", schools.count)
        }
        if directory != nil {
            let care = providers[.care] ?? []
            let unrated = care.filter { $0.care?.assessment == .notImported }.count
            add(.care, "CQC rating: rating not imported",
                ratingsGiven ? "no CQC API location data was given for them" : "the care directory has no ratings; give CQC API location JSON as well to import them",
                unrated)
            add(.care, "Beds (care homes)", "only in CQC API location data", care.filter { $0.care?.isCareHome == true && $0.care?.beds == nil }.count)
            add(.care, "Prices, vacancies, the council's approved list and direct payments",
                "not in CQC's data; councils and providers publish them", care.count)
            add(.care, "Sector", "worked out from the provider's name and how many locations it runs (\(SectorRules.largeGroupLocations) or more: a large group); CQC does not say it",
                care.count)
        }
        if practices != nil {
            let count = providers[.gp]?.count ?? 0
            add(.gp, "List size, GPs, accepting new patients, the GP Patient Survey, CQC rating, catchment, opening hours, online services and primary care network",
                "not in epraccur", count)
            add(.gp, "Sector", "taken as a GP partnership (private small or medium) unless the name says NHS; epraccur does not say who runs a practice", count)
        }
        return out
    }
}
