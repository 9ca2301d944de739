import ChoiceKit

/// A year group: 0 is Reception, 1 to 13 are Year 1 to Year 13; below 0 is before school.
public struct YearGroup: Hashable, Comparable, Sendable {
    public let number: Int

    public init(_ number: Int) { self.number = number }

    public static let reception = YearGroup(0)

    public static func < (lhs: YearGroup, rhs: YearGroup) -> Bool { lhs.number < rhs.number }

    public var name: String {
        switch number {
        case ..<(-1): return "not yet of nursery age"
        case -1: return "nursery age"
        case 0: return "Reception"
        case 1...13: return "Year \(number)"
        default: return "past Year 13"
        }
    }
}

/// School-year arithmetic from a date of birth. The school year runs 1 September to 31 August;
/// a child starts Reception in the September after their fourth birthday.
public enum SchoolCalendar {
    /// The calendar year in which the school year containing `date` began.
    public static func schoolYearStart(containing date: CalendarDate) -> Int {
        date.month >= SchoolAgeFacts.schoolYearStart.value.month ? date.year : date.year - 1
    }

    /// "2026/27".
    public static func schoolYearName(startingIn year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)/\(next < 10 ? "0" : "")\(next)"
    }

    /// The year whose 1 September the child starts Reception: the first 1 September after the
    /// fourth birthday, so children born 1 September to 31 August share a year.
    public static func receptionStartYear(bornOn birth: CalendarDate) -> Int {
        schoolYearStart(containing: birth) + 5
    }

    public static func yearGroup(bornOn birth: CalendarDate, on date: CalendarDate) -> YearGroup {
        YearGroup(schoolYearStart(containing: date) - receptionStartYear(bornOn: birth))
    }

    /// 1 September of the year the child enters `group`.
    public static func startOf(_ group: YearGroup, bornOn birth: CalendarDate) -> CalendarDate {
        SchoolAgeFacts.schoolYearStart.value.inYear(receptionStartYear(bornOn: birth) + group.number)
    }

    /// The day the child turns `age`; a 29 February birthday falls on 1 March in other years.
    public static func birthday(bornOn birth: CalendarDate, age: Int) -> CalendarDate {
        MonthDay(month: birth.month, day: birth.day).inYear(birth.year + age)
    }

    public static func age(bornOn birth: CalendarDate, on date: CalendarDate) -> Int {
        var years = date.year - birth.year
        if years > 0, birthday(bornOn: birth, age: years) > date { years -= 1 }
        return max(0, years)
    }

    /// Born 1 April to 31 August: may start Reception at five if the admission authority agrees.
    public static func isSummerBorn(_ birth: CalendarDate) -> Bool { (4...8).contains(birth.month) }

    /// Compulsory school age begins on the first prescribed day (31 December, 31 March,
    /// 31 August) on or after the fifth birthday.
    public static func compulsorySchoolAgeBegins(bornOn birth: CalendarDate) -> CalendarDate {
        let fifth = birthday(bornOn: birth, age: 5)
        let candidates = [fifth.year, fifth.year + 1].flatMap { year in
            SchoolAgeFacts.prescribedDays.value.map { $0.inYear(year) }
        }
        return candidates.filter { $0 >= fifth }.min() ?? fifth
    }

    /// The last Friday in June of the school year in which the child turns 16 (Year 11).
    public static func compulsorySchoolAgeEnds(bornOn birth: CalendarDate) -> CalendarDate {
        var day = CalendarDate(year: receptionStartYear(bornOn: birth) + 12, month: 6, day: 30) ?? birth
        while day.weekday != .friday { day = day.adding(days: -1) }
        return day
    }
}
