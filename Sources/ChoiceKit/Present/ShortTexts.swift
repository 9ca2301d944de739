/// Short, honest texts for narrow list columns. "—" always means "not published".
public enum ShortText {
    public static let notPublished = "—"

    public static func ofsted(_ inspection: OfstedInspection) -> String {
        switch inspection {
        case .reportCard(let card):
            if !card.safeguardingMet { return "Safeguarding not met" }
            guard let lowest = card.lowestGrade else { return notPublished }
            switch lowest {
            case .exceptional: return "All Exceptional"
            case .strongStandard: return "All ≥ Strong"
            case .expectedStandard: return "All ≥ Expected"
            case .needsAttention, .urgentImprovement:
                let weak = card.grades.filter { $0.grade < .expectedStandard }.count
                return lowest == .urgentImprovement ? "Urgent improvement" : "\(weak) need\(weak == 1 ? "s" : "") attention"
            }
        case .historical(let grade, let date): return "\(grade.label) (\(date.year))"
        case .ungraded(let date): return "No grade (\(date.year))"
        case .notYetInspected: return "Not inspected"
        }
    }

    public static func results(_ school: SchoolDetails) -> String {
        if school.phase.takesKS4, let a8 = school.ks4Attainment8 { return "A8 \(a8.text)" }
        if let ks2 = school.ks2ExpectedStandard { return "KS2 \(ks2.percentText)" }
        return notPublished
    }

    public static func price(_ care: CareDetails) -> String {
        guard let price = care.selfFunderPrice else { return notPublished }
        return price.formattedShort + care.priceUnit.abbreviation
    }

    public static func yesNo(_ value: Bool?) -> String {
        value.map { $0 ? "yes" : "no" } ?? notPublished
    }

    public static func vacancies(_ care: CareDetails) -> String {
        guard care.isCareHome else { return "" }
        guard let vacancies = care.vacancies else { return notPublished }
        return care.beds.map { "\(vacancies) of \($0)" } ?? "\(vacancies)"
    }

    public static func count(_ value: Int?) -> String {
        value.map { Money.groupThousands(UInt64(max(0, $0))) } ?? notPublished
    }
}
