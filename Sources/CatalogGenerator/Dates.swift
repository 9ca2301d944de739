import ChoiceKit

/// Random days between two dates, for inspection and report dates.
extension SeededRandom {
    mutating func date(from start: CalendarDate, to end: CalendarDate) -> CalendarDate {
        start.adding(days: int(0...max(0, start.days(until: end))))
    }
}

enum KnownDates {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day) ?? CalendarDate(daysSinceEpoch: 0)
    }
}
