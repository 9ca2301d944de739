/// How Agora reads ratings and results as good, fair or poor, in one place. The scales are the
/// publishers'; the reading (which colour a grade gets) is Agora's, kept deliberately simple:
/// meeting the publisher's expected standard is good, one step below is fair, worse is poor.
public enum Quality {
    public static func tone(_ rating: CQCRating) -> Tone {
        switch rating {
        case .outstanding, .good: return .good
        case .requiresImprovement: return .fair
        case .inadequate: return .poor
        }
    }

    public static func tone(_ grade: ReportCardGrade) -> Tone {
        switch grade {
        case .exceptional, .strongStandard, .expectedStandard: return .good
        case .needsAttention: return .fair
        case .urgentImprovement: return .poor
        }
    }

    public static func tone(_ grade: HistoricalOfstedGrade) -> Tone {
        switch grade {
        case .outstanding, .good: return .good
        case .requiresImprovement: return .fair
        case .inadequate: return .poor
        }
    }

    public static func tone(safeguardingMet: Bool) -> Tone { safeguardingMet ? .good : .poor }

    /// A report card reads as its weakest area; safeguarding not met outweighs every grade.
    public static func tone(_ card: ReportCard) -> Tone {
        guard card.safeguardingMet else { return .poor }
        return card.lowestGrade.map(tone) ?? .neutral
    }

    /// The GP Patient Survey against the national figure: at or above is good, up to five points
    /// below is fair, further below is poor.
    public static func tone(surveyTenths: Int32) -> Tone {
        let national = Int32(GPFacts.nationalGoodExperienceTenths.value)
        if surveyTenths >= national { return .good }
        return surveyTenths >= national - surveyFairBandTenths ? .fair : .poor
    }

    public static let surveyFairBandTenths: Int32 = 50

    /// A CQC rating older than this many years carries a warning, as older Ofsted grades do:
    /// CQC aims to reassess services regularly, and a rating this old may not describe the
    /// service today.
    public static let staleRatingYears = ReferenceFigure(
        4, source: Source(publisher: "Care Quality Commission", title: "How we rate services: ratings",
                          url: "https://www.cqc.org.uk/about-us/how-we-do-our-job/ratings", year: "2025"))
}
