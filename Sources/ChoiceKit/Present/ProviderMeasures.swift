/// Each provider field as a `Measure`: the single place that decides how a value is written short
/// and in words, how good it is, and what its absence means.
public enum ProviderMeasures {
    // MARK: Schools

    public static func ofsted(_ inspection: OfstedInspection) -> Measure {
        switch inspection {
        case .reportCard(let card):
            let tone = Quality.tone(card)
            guard card.safeguardingMet else {
                return Measure(.text("safeguarding not met"), short: "Safeguarding not met",
                               long: "report card of \(card.date.long): safeguarding not met", tone: .poor, sortKey: 0)
            }
            guard let lowest = card.lowestGrade else { return .missing(.notPublished) }
            let short: String
            switch lowest {
            case .exceptional: short = "All Exceptional"
            case .strongStandard: short = "All ≥ Strong"
            case .expectedStandard: short = "All ≥ Expected"
            case .needsAttention, .urgentImprovement:
                let weak = card.grades.filter { $0.grade < .expectedStandard }.count
                short = lowest == .urgentImprovement ? "Urgent improvement" : "\(weak) need\(weak == 1 ? "s" : "") attention"
            }
            // Weak areas are counted in words, not softened into "every area at least …".
            let weak = card.grades.filter { $0.grade == lowest }.count
            let long = lowest >= .expectedStandard
                ? "every area at least \(lowest.label)"
                : "lowest grade \(lowest.label) in \(Count.text(weak)) of \(Count.text(card.grades.count)) areas"
            return Measure(.grade(lowest.label, rank: lowest.rawValue), short: short,
                           long: "report card of \(card.date.long): \(long); safeguarding met",
                           tone: tone, sortKey: Int64(lowest.rawValue))
        case .historical(let grade, let date):
            return Measure(.grade(grade.label, rank: grade.rawValue), short: "\(grade.label) (\(date.year))",
                           long: "\(grade.label), an older single-word grade from \(date.long)", tone: Quality.tone(grade),
                           sortKey: Int64(grade.rawValue))
        case .ungraded(let date):
            return Measure(.date(date), short: "No grade (\(date.year))",
                           long: "inspected \(date.long), when Ofsted gave no overall grade")
        case .notYetInspected:
            return .missing(.notYet("not yet inspected"))
        }
    }

    public static func ks2(_ school: SchoolDetails) -> Measure {
        guard let value = school.ks2ExpectedStandard else {
            return .missing(school.phase.takesKS2 ? .notPublished : .notApplicable("no KS2 tests at this school"))
        }
        return Measure(.percentTenths(value.tenths), short: "KS2 \(value.percentText)",
                       long: "\(value.percentText) met the expected standard in reading, writing and maths (KS2)",
                       sortKey: Int64(value.tenths))
    }

    public static func attainment8(_ school: SchoolDetails) -> Measure {
        guard let value = school.ks4Attainment8 else {
            return .missing(school.phase.takesKS4 ? .notPublished : .notApplicable("no GCSEs at this school"))
        }
        return Measure(.tenths(value.tenths), short: "A8 \(value.text)", long: "Attainment 8: \(value.text) (out of 90)",
                       sortKey: Int64(value.tenths))
    }

    /// The results measure that fits the school's phase: Attainment 8 where it takes GCSEs,
    /// otherwise KS2.
    public static func results(_ school: SchoolDetails) -> Measure {
        if school.phase.takesKS4, school.ks4Attainment8 != nil { return attainment8(school) }
        if school.ks2ExpectedStandard != nil || school.phase.takesKS2 { return ks2(school) }
        return attainment8(school)
    }

    // MARK: Care

    /// The CQC rating, with its year when it is old enough to warn about.
    public static func cqc(_ assessment: CQCAssessment, asOf: CalendarDate?) -> Measure {
        switch assessment {
        case .rated(let ratings):
            let rating = ratings.overall
            var short = rating.label
            var long = rating.label
            if let date = ratings.reportDate {
                long += ", rated \(date.long)"
                if isStale(date, asOf: asOf) {
                    short += " (\(date.year))"
                    long += " — over \(Quality.staleRatingYears.value) years ago; it may not describe the service today"
                }
            }
            return Measure(.grade(rating.label, rank: rating.rawValue), short: short, long: long,
                           tone: Quality.tone(rating), sortKey: Int64(rating.rawValue))
        case .notYetRated:
            return .missing(.notYet(CQCRating.notYetRatedLabel.lowercased()))
        case .notPublished:
            return .missing(.notPublished)
        case .notImported:
            return .missing(.notImported)
        }
    }

    public static func isStale(_ date: CalendarDate, asOf: CalendarDate?) -> Bool {
        guard let asOf else { return false }
        return date.days(until: asOf) > Quality.staleRatingYears.value * 365
    }

    public static func price(_ care: CareDetails) -> Measure {
        .money(care.selfFunderPrice, per: care.priceUnit)
    }

    public static func vacancies(_ care: CareDetails) -> Measure {
        guard care.isCareHome else { return .missing(.notApplicable("not a care home")) }
        guard let vacancies = care.vacancies else { return .missing(.notPublished) }
        let short = care.beds.map { "\(vacancies) of \($0)" } ?? "\(vacancies)"
        let long = care.beds.map { "\(vacancies) free of \($0) beds" } ?? "\(vacancies) beds free"
        return Measure(.count(vacancies), short: short, long: long, tone: vacancies > 0 ? .good : .neutral, sortKey: Int64(vacancies))
    }

    // MARK: GP practices

    public static func accepting(_ gp: GPDetails) -> Measure {
        if gp.practiceType == .walkInCentre {
            return .missing(.notApplicable("a walk-in centre: anyone can be seen without registering"))
        }
        return .yesNo(gp.acceptingNewPatients) { $0 ? .neutral : .fair }
    }

    public static func survey(_ gp: GPDetails) -> Measure {
        guard let value = gp.surveyGoodExperience else { return .missing(.notPublished) }
        return Measure(.percentTenths(value.tenths), short: value.percentText,
                       long: "\(value.percentText) of patients said their overall experience was good",
                       tone: Quality.tone(surveyTenths: value.tenths), sortKey: Int64(value.tenths))
    }
}
