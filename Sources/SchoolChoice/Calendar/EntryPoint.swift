import ChoiceKit

/// The years at which children join a new school in England.
public enum EntryPoint: String, CaseIterable, Hashable, Sendable {
    case reception, year3, year7, year12

    public var yearGroup: YearGroup {
        switch self {
        case .reception: return YearGroup(0)
        case .year3: return YearGroup(3)
        case .year7: return YearGroup(7)
        case .year12: return YearGroup(12)
        }
    }

    public var label: String {
        switch self {
        case .reception: return "Reception"
        case .year3: return "Year 3"
        case .year7: return "Year 7"
        case .year12: return "Year 12"
        }
    }

    /// What kind of school the child moves to.
    public var schoolKind: String {
        switch self {
        case .reception: return "primary or infant school"
        case .year3: return "junior school"
        case .year7: return "secondary school"
        case .year12: return "sixth form"
        }
    }

    /// Reception and junior entry follow the primary timetable; Year 7 the secondary one.
    public var isPrimaryRound: Bool { self == .reception || self == .year3 }
    public var isCoordinated: Bool { self != .year12 }

    /// The entry points a school takes children at, from its statutory age range. Special and
    /// nursery schools admit outside the normal round. An all-through school takes a Reception
    /// class and admits again at Year 7 in the secondary round, as its own Year 6 move up.
    public static func points(of school: SchoolDetails) -> [EntryPoint] {
        guard school.type != .special, school.phase != .nursery else { return [] }
        let low = school.statutoryAges.lowerBound, high = school.statutoryAges.upperBound
        var points: [EntryPoint] = []
        if low <= 4, high >= 5 { points.append(.reception) }
        if low == 7 { points.append(.year3) }
        if (10...11).contains(low) || (school.phase == .allThrough && low <= 5 && high >= 16) { points.append(.year7) }
        if low == 16 || (school.hasSixthForm && high >= 17 && low < 16) { points.append(.year12) }
        return points
    }

    /// The next entry point still ahead of the child: Reception, Year 7 or Year 12, or the one
    /// asked for (e.g. Year 3 for junior schools). Nil when none is ahead.
    public static func next(bornOn birth: CalendarDate, today: CalendarDate, asked: EntryPoint? = nil) -> EntryPoint? {
        let candidates = asked.map { [$0] } ?? [.reception, .year7, .year12]
        return candidates.first { SchoolCalendar.startOf($0.yearGroup, bornOn: birth) > today }
    }
}
