/// How a school decides who gets its places when more apply than it has (catalog format 2), and
/// how last year's places were shared out. Empty when the catalog does not publish them.
public struct AdmissionArrangements: Hashable, Sendable {
    /// Oversubscription criteria in the school's order of priority.
    public var criteria: [OversubscriptionCriterion]
    public var distanceMeasure: DistanceMeasure?
    /// Where distance is measured to, e.g. "the main gate on Church Lane".
    public var distanceFrom: String?
    /// Places offered under each criterion in the last round, in criterion order.
    public var offersLastRound: [CriterionOffers]

    public init(criteria: [OversubscriptionCriterion] = [], distanceMeasure: DistanceMeasure? = nil,
                distanceFrom: String? = nil, offersLastRound: [CriterionOffers] = []) {
        self.criteria = criteria
        self.distanceMeasure = distanceMeasure
        self.distanceFrom = distanceFrom
        self.offersLastRound = offersLastRound
    }

    public static let notPublished = AdmissionArrangements()

    public var isPublished: Bool { !criteria.isEmpty }

    public func offers(for kind: OversubscriptionCriterion.Kind) -> Int? {
        offersLastRound.first { $0.kind == kind }?.places
    }
}

/// One oversubscription criterion. Faith and feeder criteria carry which faith or school.
public struct OversubscriptionCriterion: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case lookedAfter, siblings, faith, catchment, feederSchool, childrenOfStaff, distance, randomAllocation

        /// The words written in catalog files.
        public var label: String {
            switch self {
            case .lookedAfter: return "looked after"
            case .siblings: return "siblings"
            case .faith: return "faith"
            case .catchment: return "catchment"
            case .feederSchool: return "feeder school"
            case .childrenOfStaff: return "children of staff"
            case .distance: return "distance"
            case .randomAllocation: return "random allocation"
            }
        }

        /// For parents: what the criterion gives priority to.
        public var explanation: String {
            switch self {
            case .lookedAfter: return "looked-after and previously looked-after children"
            case .siblings: return "children with a brother or sister at the school"
            case .faith: return "children of the faith"
            case .catchment: return "children living in the catchment area"
            case .feederSchool: return "children at a named feeder school"
            case .childrenOfStaff: return "children of staff"
            case .distance: return "children living nearest"
            case .randomAllocation: return "children picked by random allocation"
            }
        }

        public static var labelList: String { allCases.map { "\"\($0.label)\"" }.joined(separator: ", ") }

        public init?(label: String) {
            let lowered = label.lowercased()
            guard let match = Self.allCases.first(where: { $0.label == lowered }) else { return nil }
            self = match
        }
    }

    public var kind: Kind
    /// Which faith, or which feeder school; nil otherwise.
    public var detail: String?

    public init(_ kind: Kind, detail: String? = nil) {
        self.kind = kind
        self.detail = detail
    }

    /// As written in catalog files: `faith (Roman Catholic)`.
    public var text: String { detail.map { "\(kind.label) (\($0))" } ?? kind.label }

    public var explanation: String {
        switch kind {
        case .faith: return detail.map { "children of the \($0) faith" } ?? kind.explanation
        case .feederSchool: return detail.map { "children at \($0)" } ?? kind.explanation
        default: return kind.explanation
        }
    }
}

public struct CriterionOffers: Hashable, Sendable {
    public var kind: OversubscriptionCriterion.Kind
    public var places: Int

    public init(kind: OversubscriptionCriterion.Kind, places: Int) {
        self.kind = kind
        self.places = places
    }
}

public enum DistanceMeasure: String, LabelledValue, CaseIterable, Hashable, Sendable {
    case straightLine, route

    public var label: String { self == .straightLine ? "straight line" : "route" }
    public var explanation: String {
        self == .straightLine ? "in a straight line from home" : "along the shortest walking route from home"
    }
}

/// The school day and what a family can see or use around it (catalog format 2).
public struct SchoolDay: Hashable, Sendable {
    public var starts: TimeOfDay?
    public var ends: TimeOfDay?
    public var breakfastClub: Bool?
    public var afterSchoolClub: Bool?
    public var openDays: [CalendarDate]

    public init(starts: TimeOfDay? = nil, ends: TimeOfDay? = nil, breakfastClub: Bool? = nil,
                afterSchoolClub: Bool? = nil, openDays: [CalendarDate] = []) {
        self.starts = starts
        self.ends = ends
        self.breakfastClub = breakfastClub
        self.afterSchoolClub = afterSchoolClub
        self.openDays = openDays
    }

    public static let notPublished = SchoolDay()
}

/// A time on the 24-hour clock, `08:45`.
public struct TimeOfDay: Hashable, Comparable, Sendable {
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public var text: String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Strict `HH:MM`.
    public static func parse(_ text: String) -> TimeOfDay? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              bytes.enumerated().allSatisfy({ $0.offset == 2 || (48...57).contains($0.element) }) else { return nil }
        let hour = Int(bytes[0] - 48) * 10 + Int(bytes[1] - 48)
        let minute = Int(bytes[3] - 48) * 10 + Int(bytes[4] - 48)
        return TimeOfDay(hour: hour, minute: minute)
    }
}
