/// A GP practice: who it serves, whether it is taking patients, and what patients say.
public struct GPDetails: Hashable, Sendable {
    public var odsCode: String
    public var practiceType: GPPracticeType
    public var primaryCareNetwork: String?
    public var listSize: Int?
    public var gpFullTimeEquivalent: Tenths?
    public var acceptingNewPatients: Bool?
    public var catchment: Catchment?
    /// GP Patient Survey: % describing their overall experience as very or fairly good.
    public var surveyGoodExperience: Tenths?
    public var assessment: CQCAssessment
    public var openingHours: String?
    public var onlineServices: [String]

    public init(odsCode: String, practiceType: GPPracticeType, primaryCareNetwork: String?, listSize: Int?,
                gpFullTimeEquivalent: Tenths?, acceptingNewPatients: Bool?, catchment: Catchment?,
                surveyGoodExperience: Tenths?, assessment: CQCAssessment, openingHours: String?,
                onlineServices: [String]) {
        self.odsCode = odsCode
        self.practiceType = practiceType
        self.primaryCareNetwork = primaryCareNetwork
        self.listSize = listSize
        self.gpFullTimeEquivalent = gpFullTimeEquivalent
        self.acceptingNewPatients = acceptingNewPatients
        self.catchment = catchment
        self.surveyGoodExperience = surveyGoodExperience
        self.assessment = assessment
        self.openingHours = openingHours
        self.onlineServices = onlineServices
    }

    /// Registered patients per full-time GP, a rough measure of how stretched a practice is.
    public var patientsPerGP: Int? {
        guard let list = listSize, let fte = gpFullTimeEquivalent, fte.tenths > 0 else { return nil }
        let tenths = Int(fte.tenths)
        return (list * 10 + tenths / 2) / tenths
    }
}

public enum GPPracticeType: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case practice, branchSurgery, walkInCentre

    public var label: String {
        switch self {
        case .practice: return "GP practice"
        case .branchSurgery: return "Branch surgery"
        case .walkInCentre: return "Walk-in centre"
        }
    }

    public var explanation: String {
        switch self {
        case .practice: return "a GP practice you can register with"
        case .branchSurgery: return "a second site of a GP practice: you register with the main practice and can be seen here"
        case .walkInCentre: return "sees anyone without an appointment or registration, for minor illness and injury; it is not a practice you join"
        }
    }
}

/// The area a practice registers patients from.
public enum Catchment: Hashable, Sendable {
    case radius(centre: GeoPoint, metres: Int)
    case polygon([GeoPoint])

    public func contains(_ point: GeoPoint) -> Bool {
        switch self {
        case .radius(let centre, let metres):
            return centre.distance(to: point) <= Double(metres)
        case .polygon(let vertices):
            // Ray casting in degree space: accurate enough at the scale of a practice area.
            var inside = false
            var previous = vertices.count - 1
            for current in vertices.indices {
                let a = vertices[current], b = vertices[previous]
                if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
                    let crossing = (b.longitude - a.longitude) * (point.latitude - a.latitude)
                        / (b.latitude - a.latitude) + a.longitude
                    if point.longitude < crossing { inside.toggle() }
                }
                previous = current
            }
            return inside
        }
    }
}
