import ChoiceKit

/// Admission arrangements, school days and the council's admissions settings, consistent with each
/// school's popularity: an undersubscribed school offered everyone a place; an oversubscribed one
/// shared its places out criterion by criterion and the last group was cut short.
enum ArrangementsFactory {
    enum Plan { case primary, secondary, allThrough, other }

    static func make(plan: Plan, type: SchoolType, faith: String?, selective: Bool, pan: Int?, applications: Int?,
                     lastOffer: LastOffer, random: inout SeededRandom) -> (AdmissionArrangements, LastOffer) {
        guard plan != .other, type != .independent, type != .special, let pan, !random.percent(7) else {
            return (.notPublished, lastOffer)
        }
        var kinds: [OversubscriptionCriterion] = [OversubscriptionCriterion(.lookedAfter)]
        let faithCriterion = faith != nil && (type == .voluntaryAided || random.percent(60))
        if faithCriterion {
            let criterion = OversubscriptionCriterion(.faith, detail: faith)
            // A faith school may put looked-after children of its faith first, before other children of the faith.
            if random.percent(30) { kinds.insert(criterion, at: 0) } else { kinds.append(criterion) }
        }
        kinds.append(OversubscriptionCriterion(.siblings))
        if random.percent(20) { kinds.append(OversubscriptionCriterion(.catchment)) }
        if plan != .primary, random.percent(15) {
            kinds.append(OversubscriptionCriterion(.feederSchool, detail: "the trust's primary schools"))
        }
        if random.percent(20) { kinds.append(OversubscriptionCriterion(.childrenOfStaff)) }
        let randomAllocation = type.isAcademy && !faithCriterion && random.percent(8)
        kinds.append(OversubscriptionCriterion(randomAllocation ? .randomAllocation : .distance))

        var offers: [CriterionOffers] = []
        // Places given by lot have no last distance; everyone-offered stays so.
        var last = randomAllocation && lastOffer != .allApplicantsOffered ? LastOffer.notPublished : lastOffer
        if let applications {
            var remaining = min(applications, pan)
            let oversubscribed = applications > pan
            for (index, criterion) in kinds.enumerated() {
                let isLast = index == kinds.count - 1
                let share: Int
                switch criterion.kind {
                case .lookedAfter: share = max(remaining > 20 ? 1 : 0, remaining * random.int(1...3) / 100)
                case .siblings: share = remaining * random.int(22...40) / 100
                case .faith: share = remaining * random.int(45...75) / 100
                case .catchment: share = remaining * random.int(30...60) / 100
                case .feederSchool: share = remaining * random.int(20...40) / 100
                case .childrenOfStaff: share = min(remaining, random.int(0...2))
                case .distance, .randomAllocation: share = remaining
                }
                // When faith schools do not publish a last distance, faith took every place left.
                let taken = isLast ? remaining : (criterion.kind == .faith && oversubscribed && lastOffer == .notPublished ? remaining : share)
                offers.append(CriterionOffers(kind: criterion.kind, places: taken))
                remaining -= taken
            }
            if oversubscribed, !randomAllocation, case .distance = last, offers.last?.places == 0 { last = .notPublished }
        }
        let measure: DistanceMeasure = random.percent(80) ? .straightLine : .route
        let from = random.pick(["the main gate", "the main entrance", "the school office", "the front door of the main building"])
        return (AdmissionArrangements(criteria: kinds, distanceMeasure: measure, distanceFrom: from, offersLastRound: offers), last)
    }

    static func schoolDay(primary: Bool, stateFunded: Bool, random: inout SeededRandom) -> SchoolDay {
        guard !random.percent(10) else { return .notPublished }
        let start = primary ? 520 + 5 * random.int(0...3) : 505 + 5 * random.int(0...5)
        let end = primary ? 905 + 5 * random.int(0...5) : 890 + 5 * random.int(0...8)
        var openDays: [CalendarDate] = []
        if stateFunded, random.percent(80) {
            let first = primary ? KnownDates.day(2026, 10, 5) : KnownDates.day(2026, 9, 14)
            for _ in 0..<random.int(1...3) {
                let day = random.date(from: first, to: first.adding(days: 55))
                if !day.weekday.isWeekend, !openDays.contains(day) { openDays.append(day) }
            }
        }
        return SchoolDay(starts: TimeOfDay(hour: start / 60, minute: start % 60), ends: TimeOfDay(hour: end / 60, minute: end % 60),
                         breakfastClub: random.percent(primary ? 80 : 40), afterSchoolClub: random.percent(primary ? 70 : 85),
                         openDays: openDays.sorted())
    }

    /// The council's admissions settings and the results averages: England's from the reference
    /// figures, the borough's worked out from its own schools.
    static func complete(_ manifest: Manifest, providers: [Provider]) -> Manifest {
        var complete = manifest
        let council = manifest.area.localAuthority
        complete.admissions = Manifest.AdmissionsSettings(
            primaryPreferences: 3, secondaryPreferences: 6,
            preferencesSource: "\(council), coordinated admissions scheme for September 2027 entry (fictional)",
            schoolHolidays: holidays)
        let schools = providers.compactMap(\.school).filter { $0.type != .independent }
        let england: [(ResultsMeasure, ReferenceFigure<Tenths>)] = [
            (.ks2ExpectedStandard, ResultsFacts.englandKS2ExpectedStandard), (.attainment8, ResultsFacts.englandAttainment8),
            (.grade5EnglishMaths, ResultsFacts.englandGrade5EnglishMaths),
        ]
        var averages: [Manifest.ResultsAverage] = []
        for (measure, figure) in england {
            averages.append(Manifest.ResultsAverage(measure: measure, scope: .england, value: figure.value, year: figure.source.year,
                                                    source: "\(figure.source.publisher), \(figure.source.title)"))
            let values = schools.compactMap { measure.value(of: $0)?.tenths }
            guard !values.isEmpty else { continue }
            let mean = (values.reduce(0) { $0 + Int($1) } * 2 + values.count) / (2 * values.count)
            averages.append(Manifest.ResultsAverage(measure: measure, scope: .local, value: Tenths(tenths: Int32(mean)),
                                                    year: figure.source.year,
                                                    source: "mean of \(manifest.area.name)'s state schools in this catalog"))
        }
        complete.resultsAverages = averages
        return complete
    }

    /// The borough's school holidays (term dates are set locally): 2025/26 to 2027/28.
    private static let holidays: [Manifest.SchoolHoliday] = [
        ("Easter holidays", (2026, 3, 30), (2026, 4, 10)), ("May half term", (2026, 5, 25), (2026, 5, 29)),
        ("Summer holidays", (2026, 7, 22), (2026, 8, 31)), ("October half term", (2026, 10, 26), (2026, 10, 30)),
        ("Christmas holidays", (2026, 12, 21), (2027, 1, 1)), ("February half term", (2027, 2, 15), (2027, 2, 19)),
        ("Easter holidays", (2027, 3, 29), (2027, 4, 9)), ("May half term", (2027, 5, 31), (2027, 6, 4)),
        ("Summer holidays", (2027, 7, 22), (2027, 8, 31)), ("October half term", (2027, 10, 25), (2027, 10, 29)),
        ("Christmas holidays", (2027, 12, 20), (2027, 12, 31)), ("February half term", (2028, 2, 14), (2028, 2, 18)),
        ("Easter holidays", (2028, 4, 10), (2028, 4, 21)), ("May half term", (2028, 5, 29), (2028, 6, 2)),
        ("Summer holidays", (2028, 7, 21), (2028, 8, 31)),
    ].map { name, from, to in
        Manifest.SchoolHoliday(name: name, from: KnownDates.day(from.0, from.1, from.2), to: KnownDates.day(to.0, to.1, to.2))
    }
}
