import ChoiceKit

/// Up to six schools side by side for one child, with weighted scores from the parent's priorities.
public struct SchoolComparison: Hashable, Sendable {
    public static let maximumSchools = 6

    public let grid: ComparisonGrid
    public let scores: [WeightedScore]
    public let chances: [String: AdmissionChance]

    /// `child` is optional: without one, distances are from `home` (the person's own postcode)
    /// if given, and the distance and chance rows say why they are empty.
    public init(schools: [Provider], catalog: Catalog, child: ChildProfile?, entry: EntryPoint?,
                priorities: ParentPriorities?, home homeWithoutChild: GeoPoint? = nil) {
        let shown = Array(schools.prefix(Self.maximumSchools))
        let home = child.map { catalog.postcode($0.homePostcode)?.location } ?? homeWithoutChild
        let distances = shown.map { home?.distance(to: $0.location) }
        var chances: [String: AdmissionChance] = [:]
        if let child {
            for (provider, distance) in zip(shown, distances) {
                chances[provider.id] = ChanceEstimator.estimate(child: child, school: provider, distanceMetres: distance, entry: entry)
            }
        }
        self.chances = chances
        let inputs = zip(shown, distances).map { ScoreCalculator.Inputs(provider: $0, distanceMetres: $1, chance: chances[$0.id]) }
        let scores = priorities.map { ScoreCalculator.scores(inputs, priorities: $0, child: child) } ?? []
        self.scores = scores
        let builder = RowBuilder(schools: shown, catalog: catalog, child: child, distances: distances, chances: chances)
        var rows = builder.rows()
        if priorities != nil { rows.insert(builder.scoreRow(scores), at: 0) }
        var notes = [SchoolFinder.distanceNote, "Chances are estimates from last year's figures, not promises."]
        if priorities != nil { notes.insert(ScoreCalculator.explanation, at: 0) }
        let title = child.map { "Schools compared for \($0.name)" } ?? "Schools compared"
        grid = ComparisonGrid(title: title, columns: shown.map { ComparisonColumn(id: $0.id, title: $0.name) }, rows: rows, notes: notes)
    }
}

/// Builds each row of a school comparison from the catalog's typed facts.
private struct RowBuilder {
    let schools: [Provider]
    let catalog: Catalog
    let child: ChildProfile?
    let distances: [Double?]
    let chances: [String: AdmissionChance]

    private func row(_ key: String, _ label: String, _ group: String, _ better: BetterDirection = .none,
                     _ cell: (Provider, SchoolDetails, Int) -> ComparisonCell) -> ComparisonRow {
        ComparisonRow(key: key, label: label, group: group, better: better, cells: schools.enumerated().map { index, provider in
            provider.school.map { cell(provider, $0, index) } ?? .missing(.notApplicable("not a school"))
        })
    }

    func rows() -> [ComparisonRow] {
        var rows: [ComparisonRow] = []
        rows.append(row("distance", "Distance (straight line)", "Getting there", .lower) { _, _, index in
            guard let distance = distances[index] else { return .missing(.notApplicable(child == nil ? "no home postcode given" : "home postcode not in the catalog")) }
            return ComparisonCell(text: MetresText.format(distance), sortValue: Int(distance.rounded()))
        })
        if child != nil {
            rows.append(row("chance", "Chance of a place", "Admissions", .higher) { provider, _, _ in
                guard let chance = chances[provider.id] else { return .missing() }
                let tone: Tone = chance.level >= .likely ? .good : chance.level == .possible ? .fair
                    : chance.level <= .unlikely && chance.level != .notEnoughData ? .poor : .neutral
                return ComparisonCell(text: chance.level.label, detail: chance.reason,
                                      sortValue: chance.level == .notEnoughData ? nil : chance.level.rawValue, tone: tone)
            })
        }
        rows.append(row("type", "Type and trust", "School") { provider, school, _ in
            var text = school.type.label
            if !provider.organisation.isEmpty { text += ", \(provider.organisation)" }
            if let trust = school.trustType { text += " (\(trust.label))" }
            return ComparisonCell(text: text)
        })
        rows.append(row("phase_ages", "Phase and ages", "School") { _, school, _ in
            ComparisonCell(text: "\(school.phase.label), \(school.statutoryAges.lowerBound)–\(school.statutoryAges.upperBound)"
                + (school.gender == .mixed ? "" : ", \(school.gender.label.lowercased()) only"))
        })
        rows += ofstedRows()
        rows += resultRows()
        rows.append(row("pupils", "Pupils and places", "School") { _, school, _ in
            switch (school.pupils, school.capacity) {
            case let (pupils?, capacity?): return ComparisonCell(text: "\(ShortText.count(pupils)) of \(ShortText.count(capacity))", sortValue: pupils)
            case let (pupils?, nil): return ComparisonCell(text: "\(ShortText.count(pupils)) pupils (places not published)", sortValue: pupils)
            case let (nil, capacity?): return ComparisonCell(text: "\(ShortText.count(capacity)) places (pupils not published)")
            default: return .missing()
            }
        })
        rows += admissionRows()
        rows += dayRows()
        return rows
    }

    private func ofstedRows() -> [ComparisonRow] {
        var rows = [row("ofsted", "Ofsted", "Ofsted") { _, school, _ in
            switch school.inspection {
            case .reportCard(let card): return ComparisonCell(text: "Report card, \(card.date.short)")
            case .historical(let grade, let date):
                return ComparisonCell(text: "\(grade.label) (historical grade, \(date.short))",
                                      detail: "single-word grades ended in September 2024; this may not describe the school today")
            case .ungraded(let date): return ComparisonCell(text: "Inspected \(date.short), no overall grade given")
            case .notYetInspected: return .missing(.notYet("not yet inspected"))
            }
        }]
        for area in ReportCardArea.allCases where schools.contains(where: { $0.school?.inspection.reportCard?.grade(for: area) != nil }) {
            rows.append(row("ofsted_\(area.rawValue)", area.label, "Ofsted", .higher) { _, school, _ in
                // A school without that stage has nothing there to grade, report card or not.
                if area == .earlyYears, school.statutoryAges.lowerBound > 5 { return .missing(.notApplicable("no early years")) }
                if area == .sixthForm, !school.hasSixthForm { return .missing(.notApplicable("no sixth form")) }
                guard let card = school.inspection.reportCard else { return .missing(.notYet("no report card yet")) }
                guard let grade = card.grade(for: area) else { return .missing(.notApplicable("not graded for this school")) }
                let tone: Tone = grade >= .strongStandard ? .good : grade == .expectedStandard ? .neutral : .poor
                return ComparisonCell(text: grade.label, sortValue: grade.rawValue, tone: tone)
            })
        }
        rows.append(row("safeguarding", "Safeguarding", "Ofsted", .higher) { _, school, _ in
            guard let card = school.inspection.reportCard else { return .missing(.notYet("no report card yet")) }
            return ComparisonCell(text: card.safeguardingMet ? "met" : "not met", sortValue: card.safeguardingMet ? 1 : 0,
                                  tone: card.safeguardingMet ? .good : .poor)
        })
        return rows
    }

    private func resultRows() -> [ComparisonRow] {
        var rows: [ComparisonRow] = []
        let manifest = catalog.manifest
        for measure in ResultsMeasure.allCases {
            let relevant = schools.contains { provider in
                guard let school = provider.school else { return false }
                return measure == .ks2ExpectedStandard ? school.phase.takesKS2 : school.phase.takesKS4
            }
            guard relevant else { continue }
            var references: [String] = []
            if let england = manifest.resultsAverage(measure, .england) { references.append("England \(measure.text(england.value))") }
            if let local = manifest.resultsAverage(measure, .local) { references.append("\(manifest.area.name) \(measure.text(local.value))") }
            let year = manifest.resultsAverage(measure, .england)?.year ?? "2024/25"
            let label = references.isEmpty ? "\(measure.label) (\(year))" : "\(measure.label) (\(year); \(references.joined(separator: ", ")))"
            let england = manifest.resultsAverage(measure, .england)?.value
            rows.append(row(measure.rawValue, label, "Results", .higher) { _, school, _ in
                guard let value = measure.value(of: school) else {
                    let takes = measure == .ks2ExpectedStandard ? school.phase.takesKS2 : school.phase.takesKS4
                    return takes ? .missing() : .missing(.notApplicable("not taken at this school"))
                }
                var detail: String?
                if let england {
                    let difference = value.tenths - england.tenths
                    let size = Tenths(tenths: abs(difference))
                    detail = difference == 0 ? "the same as England" : "\(measure == .attainment8 ? size.text : size.text + " points") \(difference > 0 ? "above" : "below") England"
                }
                return ComparisonCell(text: measure.text(value), detail: detail, sortValue: Int(value.tenths))
            })
        }
        if schools.contains(where: { $0.school?.phase.takesKS4 == true }) {
            rows.append(row("ks4_progress8", "Progress 8", "Results", .higher) { _, school, _ in
                guard let value = school.ks4Progress8 else {
                    return .missing(.notApplicable(school.phase.takesKS4 ? "not published for 2024/25 and 2025/26" : "not taken at this school"))
                }
                return ComparisonCell(text: value.text, sortValue: Int(value.hundredths))
            })
        }
        return rows
    }

    private func admissionRows() -> [ComparisonRow] {
        [
            row("places", "Places and applications per place", "Admissions", .lower) { _, school, _ in
                guard let places = school.publishedAdmissionNumber else { return .missing() }
                guard let ratio = school.applicationsPerPlaceTenths, let text = school.applicationsPerPlaceText else {
                    return ComparisonCell(text: "\(places) places (applications not published)")
                }
                return ComparisonCell(text: "\(places) places, \(text)", sortValue: ratio)
            },
            row("last_distance", "Last distance offered", "Admissions", .higher) { _, school, _ in
                switch school.lastOffer {
                case .distance(let metres): return ComparisonCell(text: MetresText.format(Double(metres)), sortValue: metres)
                case .allApplicantsOffered: return ComparisonCell(text: "everyone who applied", sortValue: Int.max, tone: .good)
                case .notPublished: return .missing()
                }
            },
            row("faith", "Religious character", "Admissions") { _, school, _ in
                ComparisonCell(text: school.religiousCharacter ?? "none")
            },
            row("criteria", "Oversubscription criteria", "Admissions") { _, school, _ in
                let arrangements = school.arrangements
                guard arrangements.isPublished else {
                    return school.type == .independent ? ComparisonCell(text: "the school's own (fee-paying)") : .missing()
                }
                let list = arrangements.criteria.enumerated().map { "\($0.offset + 1) \($0.element.text)" }.joined(separator: ", ")
                var detail: String?
                if let measure = arrangements.distanceMeasure {
                    detail = "distance measured \(measure.explanation)" + (arrangements.distanceFrom.map { " to \($0)" } ?? "")
                }
                return ComparisonCell(text: list, detail: detail)
            },
        ]
    }

    private func dayRows() -> [ComparisonRow] {
        [
            row("school_day", "School day", "Day and clubs") { _, school, _ in
                guard let starts = school.day.starts, let ends = school.day.ends else { return .missing() }
                return ComparisonCell(text: "\(starts.text)–\(ends.text)")
            },
            row("clubs", "Breakfast and after-school clubs", "Day and clubs", .higher) { _, school, _ in
                let day = school.day
                guard day.breakfastClub != nil || day.afterSchoolClub != nil else { return .missing() }
                func say(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "not published" }
                let count = (day.breakfastClub == true ? 1 : 0) + (day.afterSchoolClub == true ? 1 : 0)
                return ComparisonCell(text: "breakfast \(say(day.breakfastClub)), after school \(say(day.afterSchoolClub))", sortValue: count)
            },
            row("open_days", "Open days", "Day and clubs") { _, school, _ in
                guard !school.day.openDays.isEmpty else { return .missing() }
                return ComparisonCell(text: school.day.openDays.map(\.short).joined(separator: ", "))
            },
        ]
    }

    func scoreRow(_ scores: [WeightedScore]) -> ComparisonRow {
        ComparisonRow(key: "score", label: "Weighted score (your priorities)", group: "Score", better: .higher,
                      cells: scores.map { score in
                          guard let value = score.score else { return .missing(.notApplicable("no priority could be scored")) }
                          let left = score.unscored.map { $0.label.lowercased() }
                          // A score without some of the priorities is not weighed like the others: it
                          // says so, and is never marked best (leaving a weak measure out raises it).
                          guard left.isEmpty else {
                              return ComparisonCell(text: "\(value) / 100, partial",
                                                    detail: "not scored on \(left.joined(separator: ", ")) (not published), so not marked best")
                          }
                          return ComparisonCell(text: "\(value) / 100", sortValue: value)
                      })
    }
}
