import Testing
@testable import ChoiceKit

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func parsesISODates() {
        #expect(CalendarDate.parseISO("2025-11-10") == CalendarDate(year: 2025, month: 11, day: 10))
        #expect(CalendarDate.parseISO("2024-02-29") != nil)
    }

    @Test("refuses days that do not exist and other shapes",
          arguments: ["31/02/2024", "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-1-1", "10 Nov 2025", "", "2024-06-31"])
    func refuses(text: String) {
        #expect(CalendarDate.parseISO(text) == nil)
    }

    @Test func takesDatesAsPeopleInEnglandTypeThem() {
        let expected = CalendarDate(year: 2016, month: 3, day: 14)
        for text in ["2016-03-14", "14/03/2016", "14/3/2016", " 14.03.2016 ", "14-03-2016"] {
            #expect(CalendarDate.parseTyped(text) == expected, "\(text)")
        }
        // Day first, as on a letter; a two-digit year, a day that does not exist or words are refused.
        for text in ["03/14/2016", "14/03/16", "31/02/2024", "14/03/2016/1", "1/2", "14 March 2016", "", "١٤/٠٣/٢٠١٦"] {
            #expect(CalendarDate.parseTyped(text) == nil, "\(text)")
        }
    }

    @Test func formatsForPeople() throws {
        let date = try #require(CalendarDate(year: 2025, month: 11, day: 10))
        #expect(date.long == "10 November 2025")
        #expect(date.short == "10 Nov 2025")
        #expect(date.iso == "2025-11-10")
        #expect(CalendarDate(year: 7, month: 2, day: 3)?.iso == "0007-02-03")
        #expect(CalendarDate(year: 9999, month: 12, day: 31)?.iso == "9999-12-31")
    }

    @Test func countsDays() throws {
        let start = try #require(CalendarDate(year: 2024, month: 2, day: 28))
        #expect(start.adding(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(start.adding(days: 2) == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        for offset in stride(from: -40_000, to: 40_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
    }

    @Test func orders() {
        let early = CalendarDate(year: 2024, month: 9, day: 1), late = CalendarDate(year: 2025, month: 1, day: 1)
        #expect(early! < late!)
    }
}
