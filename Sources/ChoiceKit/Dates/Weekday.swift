/// Days of the week, Monday first as in England.
public enum Weekday: Int, CaseIterable, Hashable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
    }

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

extension CalendarDate {
    /// 1 January 1970 was a Thursday.
    public var weekday: Weekday {
        let index = ((daysSinceEpoch + 3) % 7 + 7) % 7
        return Weekday(rawValue: index) ?? .monday
    }

    /// `Monday 2 March 2026`.
    public var withWeekday: String { "\(weekday.name) \(long)" }
}
