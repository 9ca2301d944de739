/// How a school decides who gets its places when more apply than it has (catalog format 2), and
/// how last year's places were shared out. Empty when the catalog does not publish them.
/// Packed into integers (criteria four bits each, places sixteen bits a criterion), so a catalog of
/// 40,000 schools holds no extra heap arrays for them.
public struct AdmissionArrangements: Hashable, Sendable {
    /// Criterion kinds in order, four bits each (case index + 1; 0 ends the list).
    private var order: UInt32 = 0
    /// Places last round by criterion kind, sixteen bits each; `noPlaces` where not given.
    private var placesLow: UInt64 = .max
    private var placesHigh: UInt64 = .max
    private var faith: String?
    private var feederSchool: String?
    public var distanceMeasure: DistanceMeasure?
    /// Where distance is measured to, e.g. "the main gate on Church Lane".
    public var distanceFrom: String?

    private static let noPlaces: UInt64 = 0xFFFF

    public init(criteria: [OversubscriptionCriterion] = [], distanceMeasure: DistanceMeasure? = nil,
                distanceFrom: String? = nil, offersLastRound: [CriterionOffers] = []) {
        self.distanceMeasure = distanceMeasure
        self.distanceFrom = distanceFrom
        self.criteria = criteria
        self.offersLastRound = offersLastRound
    }

    public static let notPublished = AdmissionArrangements()

    public var isPublished: Bool { order != 0 }

    /// Oversubscription criteria in the school's order of priority (each kind at most once).
    public var criteria: [OversubscriptionCriterion] {
        get {
            var list: [OversubscriptionCriterion] = []
            var bits = order
            while bits & 0xF != 0, let kind = OversubscriptionCriterion.Kind.at(Int(bits & 0xF) - 1) {
                list.append(OversubscriptionCriterion(kind, detail: kind == .faith ? faith : kind == .feederSchool ? feederSchool : nil))
                bits >>= 4
            }
            return list
        }
        set {
            order = 0
            faith = nil
            feederSchool = nil
            // Each kind once, at most eight (a bit per kind seen: this runs for every school loaded).
            var seen: UInt32 = 0, count: UInt32 = 0
            for criterion in newValue {
                let index = criterion.kind.caseIndex
                guard seen & (1 << index) == 0, count < 8 else { continue }
                seen |= 1 << index
                count += 1
                order |= UInt32(index + 1) << ((count - 1) * 4)
                if criterion.kind == .faith { faith = criterion.detail }
                if criterion.kind == .feederSchool { feederSchool = criterion.detail }
            }
        }
    }

    /// Places offered under each criterion in the last round, in criterion order.
    public var offersLastRound: [CriterionOffers] {
        get { criteria.compactMap { criterion in offers(for: criterion.kind).map { CriterionOffers(kind: criterion.kind, places: $0) } } }
        set {
            placesLow = .max
            placesHigh = .max
            for offers in newValue { setPlaces(offers.places, for: offers.kind) }
        }
    }

    public func offers(for kind: OversubscriptionCriterion.Kind) -> Int? {
        let index = kind.caseIndex
        let word = index < 4 ? placesLow : placesHigh
        let value = (word >> UInt64((index % 4) * 16)) & Self.noPlaces
        return value == Self.noPlaces ? nil : Int(value)
    }

    private mutating func setPlaces(_ places: Int, for kind: OversubscriptionCriterion.Kind) {
        let index = kind.caseIndex, shift = UInt64((index % 4) * 16)
        let value = UInt64(min(max(places, 0), 0xFFFE))
        if index < 4 {
            placesLow = placesLow & ~(Self.noPlaces << shift) | value << shift
        } else {
            placesHigh = placesHigh & ~(Self.noPlaces << shift) | value << shift
        }
    }
}

/// One oversubscription criterion. Faith and feeder criteria carry which faith or school.
public struct OversubscriptionCriterion: Hashable, Sendable {
    public enum Kind: String, LabelledValue, CaseIterable, Hashable, Sendable {
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

/// The school day and what a family can see or use around it (catalog format 2). Times and clubs
/// are packed into small integers and the first four open days into one word, for the same reason.
public struct SchoolDay: Hashable, Sendable {
    private var startMinutes: Int16 = -1
    private var endMinutes: Int16 = -1
    /// Two bits per club: 0 not published, 1 no, 2 yes.
    private var clubs: UInt8 = 0
    private var firstOpenDays: UInt64 = 0
    private var firstOpenDayCount: UInt8 = 0
    private var moreOpenDays: [CalendarDate] = []
    /// Days since the epoch, stored as offsets from this day, sixteen bits each.
    private static let openDayBase = CalendarDate(known: 2000, 1, 1).daysSinceEpoch

    public init(starts: TimeOfDay? = nil, ends: TimeOfDay? = nil, breakfastClub: Bool? = nil,
                afterSchoolClub: Bool? = nil, openDays: [CalendarDate] = []) {
        self.starts = starts
        self.ends = ends
        self.breakfastClub = breakfastClub
        self.afterSchoolClub = afterSchoolClub
        self.openDays = openDays
    }

    public static let notPublished = SchoolDay()

    public var starts: TimeOfDay? {
        get { Self.time(startMinutes) }
        set { startMinutes = Int16(newValue?.minutes ?? -1) }
    }

    public var ends: TimeOfDay? {
        get { Self.time(endMinutes) }
        set { endMinutes = Int16(newValue?.minutes ?? -1) }
    }

    public var breakfastClub: Bool? {
        get { Self.answer(clubs & 3) }
        set { clubs = clubs & ~3 | Self.bits(newValue) }
    }

    public var afterSchoolClub: Bool? {
        get { Self.answer(clubs >> 2 & 3) }
        set { clubs = clubs & ~12 | Self.bits(newValue) << 2 }
    }

    public var openDays: [CalendarDate] {
        get {
            (0..<Int(firstOpenDayCount)).map { index in
                CalendarDate(daysSinceEpoch: Self.openDayBase + Int(firstOpenDays >> UInt64(index * 16) & 0xFFFF))
            } + moreOpenDays
        }
        set {
            firstOpenDays = 0
            firstOpenDayCount = 0
            moreOpenDays = []
            for (index, day) in newValue.enumerated() {
                let offset = day.daysSinceEpoch - Self.openDayBase
                if index == Int(firstOpenDayCount), index < 4, moreOpenDays.isEmpty, (0...0xFFFF).contains(offset) {
                    firstOpenDays |= UInt64(offset) << UInt64(index * 16)
                    firstOpenDayCount += 1
                } else {
                    moreOpenDays.append(day)
                }
            }
        }
    }

    private static func time(_ minutes: Int16) -> TimeOfDay? {
        minutes < 0 ? nil : TimeOfDay(hour: Int(minutes) / 60, minute: Int(minutes) % 60)
    }

    private static func answer(_ bits: UInt8) -> Bool? { bits == 0 ? nil : bits == 2 }
    private static func bits(_ answer: Bool?) -> UInt8 { answer.map { $0 ? 2 : 1 } ?? 0 }
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

extension OversubscriptionCriterion.Kind: IndexedCase { public static let orderedCases = Array(allCases) }
extension DistanceMeasure: IndexedCase { public static let orderedCases = Array(allCases) }
