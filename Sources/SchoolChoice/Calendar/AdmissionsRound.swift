import ChoiceKit

/// The national admissions round for one entry point and September: when applications close, when
/// offers come, and the earliest date an appeal may have to be lodged by.
public struct AdmissionsRound: Hashable, Sendable {
    public let entry: EntryPoint
    /// 1 September of the year the child starts.
    public let starts: CalendarDate
    /// Nil for Year 12: each school or college sets its own.
    public let closingDate: CalendarDate?
    /// The offer day after moving it to a working day; nil for Year 12.
    public let offerDay: CalendarDate?
    /// Set when the fixed day (1 March, 16 April) is not a working day: it says so.
    public let offerDayNote: String?
    public let appealDeadline: AppealDeadline?

    public var title: String { "\(entry.label) places for September \(starts.year)" }

    public func closingDateHasPassed(today: CalendarDate) -> Bool { closingDate.map { today > $0 } ?? false }

    /// The round a child starting `entry` in September of `year` applies in.
    public static func make(entry: EntryPoint, startYear year: Int, council: Manifest.AdmissionsSettings?) -> AdmissionsRound {
        let starts = SchoolAgeFacts.schoolYearStart.value.inYear(year)
        guard entry.isCoordinated else {
            return AdmissionsRound(entry: entry, starts: starts, closingDate: nil, offerDay: nil, offerDayNote: nil, appealDeadline: nil)
        }
        let closing = entry.isPrimaryRound ? AdmissionsFacts.primaryClosingDate.value.inYear(year)
            : AdmissionsFacts.secondaryClosingDate.value.inYear(year - 1)
        let fixed = (entry.isPrimaryRound ? AdmissionsFacts.primaryOfferDay : AdmissionsFacts.secondaryOfferDay).value.inYear(year)
        let offer = BankHolidays.workingDay(onOrAfter: fixed)
        var note: String?
        if offer != fixed {
            let why = fixed.weekday.isWeekend ? "a \(fixed.weekday.name)" : "a bank holiday"
            note = "\(fixed.long) is \(why), so offers come on the next working day, \(offer.withWeekday)."
        }
        return AdmissionsRound(entry: entry, starts: starts, closingDate: closing, offerDay: offer, offerDayNote: note,
                               appealDeadline: AppealDeadline.after(offer, council: council))
    }

    /// The round for a child's next entry point (or the one asked for); nil when none is ahead.
    public static func next(for child: ChildProfile, today: CalendarDate, asked: EntryPoint? = nil,
                            council: Manifest.AdmissionsSettings?) -> AdmissionsRound? {
        guard let entry = EntryPoint.next(bornOn: child.dateOfBirth, today: today, asked: asked) else { return nil }
        let start = SchoolCalendar.startOf(entry.yearGroup, bornOn: child.dateOfBirth)
        return make(entry: entry, startYear: start.year, council: council)
    }
}

/// At least 20 school days after the offer day. School days leave out weekends, bank holidays and,
/// where the catalog gives the council's term dates, school holidays; without them the date is
/// the earliest the deadline can be, and holidays make it later.
public struct AppealDeadline: Hashable, Sendable {
    public let date: CalendarDate
    public let usesCouncilTermDates: Bool

    public var explanation: String {
        let days = AdmissionsFacts.appealSchoolDays.value
        return usesCouncilTermDates
            ? "the deadline is at least \(days) school days after offer day, counted on the council's term dates; the admission authority's appeal timetable gives the real date, which may be later."
            : "the deadline is at least \(days) school days after offer day; Agora counts weekdays that are not bank holidays, and school holidays make it later, as term dates are set locally."
    }

    public static func after(_ offerDay: CalendarDate, council: Manifest.AdmissionsSettings?) -> AppealDeadline {
        let holidays = council?.schoolHolidays ?? []
        func isSchoolDay(_ day: CalendarDate) -> Bool {
            BankHolidays.isWorkingDay(day) && !(council?.isSchoolHoliday(day) ?? false)
        }
        var day = offerDay, counted = 0
        while counted < AdmissionsFacts.appealSchoolDays.value {
            day = day.adding(days: 1)
            if isSchoolDay(day) { counted += 1 }
        }
        return AppealDeadline(date: day, usesCouncilTermDates: !holidays.isEmpty && holidays.contains { $0.to >= offerDay })
    }
}
