/// Bank holidays in England and Wales, for "the next working day" rules (offer days) and counting
/// school days. The regular ones follow fixed rules; one-off changes are listed by year.
public enum BankHolidays {
    public static let source = Source(
        publisher: "UK Government", title: "UK bank holidays (England and Wales); Banking and Financial Dealings Act 1971",
        url: "https://www.gov.uk/bank-holidays", year: "2018 to 2030")

    /// Years whose May or June holidays were moved, or that had an extra one.
    private static let oneOffs: [Int: (removed: [CalendarDate], added: [CalendarDate])] = [
        2012: ([CalendarDate(known: 2012, 5, 28)], [CalendarDate(known: 2012, 6, 4), CalendarDate(known: 2012, 6, 5)]),
        2020: ([CalendarDate(known: 2020, 5, 4)], [CalendarDate(known: 2020, 5, 8)]),
        2022: ([CalendarDate(known: 2022, 5, 30)],
               [CalendarDate(known: 2022, 6, 2), CalendarDate(known: 2022, 6, 3), CalendarDate(known: 2022, 9, 19)]),
        2023: ([], [CalendarDate(known: 2023, 5, 8)]),
    ]

    /// Every bank holiday of the year in England and Wales, in date order.
    public static func holidays(in year: Int) -> [CalendarDate] {
        let easter = easterSunday(year)
        var days: [CalendarDate] = [
            substituteIfWeekend(CalendarDate(known: year, 1, 1)),
            easter.adding(days: -2),
            easter.adding(days: 1),
            firstMonday(year, 5),
            lastMonday(year, 5),
            lastMonday(year, 8),
        ]
        // Christmas and Boxing Day: a day falling at a weekend is replaced by the next free weekday.
        let christmas = CalendarDate(known: year, 12, 25), boxing = CalendarDate(known: year, 12, 26)
        switch christmas.weekday {
        case .saturday: days += [CalendarDate(known: year, 12, 27), CalendarDate(known: year, 12, 28)]
        case .sunday: days += [boxing, CalendarDate(known: year, 12, 27)]
        case .friday: days += [christmas, CalendarDate(known: year, 12, 28)]
        default: days += [christmas, boxing]
        }
        if let change = oneOffs[year] {
            days.removeAll { change.removed.contains($0) }
            days += change.added
        }
        return days.sorted()
    }

    public static func isHoliday(_ date: CalendarDate) -> Bool { holidays(in: date.year).contains(date) }

    /// Monday to Friday and not a bank holiday.
    public static func isWorkingDay(_ date: CalendarDate) -> Bool { !date.weekday.isWeekend && !isHoliday(date) }

    /// The day itself if it is a working day, otherwise the next one.
    public static func workingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(known: year, month, day)
    }

    private static func substituteIfWeekend(_ date: CalendarDate) -> CalendarDate {
        switch date.weekday {
        case .saturday: return date.adding(days: 2)
        case .sunday: return date.adding(days: 1)
        default: return date
        }
    }

    private static func firstMonday(_ year: Int, _ month: Int) -> CalendarDate {
        var day = CalendarDate(known: year, month, 1)
        while day.weekday != .monday { day = day.adding(days: 1) }
        return day
    }

    private static func lastMonday(_ year: Int, _ month: Int) -> CalendarDate {
        var day = CalendarDate(known: year, month, CalendarDate.daysIn(month: month, year: year))
        while day.weekday != .monday { day = day.adding(days: -1) }
        return day
    }
}
