import ChoiceKit
import SchoolChoice
import Testing

@Suite("School years, entry points and rounds")
struct CalendarTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { HandCatalog.day(y, m, d) }

    @Test("31 August and 1 September fall in different school years")
    func schoolYearBoundary() {
        #expect(SchoolCalendar.receptionStartYear(bornOn: day(2020, 8, 31)) == 2024)
        #expect(SchoolCalendar.receptionStartYear(bornOn: day(2020, 9, 1)) == 2025)
        #expect(SchoolCalendar.yearGroup(bornOn: day(2020, 8, 31), on: day(2026, 11, 25)) == YearGroup(2))
        #expect(SchoolCalendar.yearGroup(bornOn: day(2020, 9, 1), on: day(2026, 11, 25)) == YearGroup(1))
        #expect(SchoolCalendar.yearGroup(bornOn: day(2020, 9, 1), on: day(2025, 8, 31)).name == "nursery age")
        #expect(SchoolCalendar.yearGroup(bornOn: day(2020, 9, 1), on: day(2025, 9, 1)).name == "Reception")
        #expect(SchoolCalendar.startOf(EntryPoint.year7.yearGroup, bornOn: day(2015, 8, 31)) == day(2026, 9, 1))
        #expect(SchoolCalendar.startOf(EntryPoint.year7.yearGroup, bornOn: day(2015, 9, 1)) == day(2027, 9, 1))
    }

    @Test("a 29 February birthday")
    func leapDay() {
        let born = day(2020, 2, 29)
        #expect(SchoolCalendar.receptionStartYear(bornOn: born) == 2024)
        #expect(SchoolCalendar.age(bornOn: born, on: day(2021, 2, 28)) == 0)
        #expect(SchoolCalendar.age(bornOn: born, on: day(2021, 3, 1)) == 1)
        #expect(SchoolCalendar.age(bornOn: born, on: day(2024, 2, 29)) == 4)
        #expect(SchoolCalendar.birthday(bornOn: born, age: 5) == day(2025, 3, 1))
        #expect(SchoolCalendar.compulsorySchoolAgeBegins(bornOn: born) == day(2025, 3, 31))
        #expect(SchoolCalendar.startOf(EntryPoint.year7.yearGroup, bornOn: born) == day(2031, 9, 1))
        #expect(!SchoolCalendar.isSummerBorn(born))
    }

    @Test func summerBornAndCompulsorySchoolAge() {
        #expect(SchoolCalendar.isSummerBorn(day(2020, 4, 1)) && SchoolCalendar.isSummerBorn(day(2020, 8, 31)))
        #expect(!SchoolCalendar.isSummerBorn(day(2020, 3, 31)) && !SchoolCalendar.isSummerBorn(day(2020, 9, 1)))
        #expect(SchoolCalendar.compulsorySchoolAgeBegins(bornOn: day(2020, 5, 10)) == day(2025, 8, 31))
        #expect(SchoolCalendar.compulsorySchoolAgeBegins(bornOn: day(2020, 12, 31)) == day(2025, 12, 31))
        #expect(SchoolCalendar.compulsorySchoolAgeBegins(bornOn: day(2020, 1, 15)) == day(2025, 3, 31))
        #expect(SchoolCalendar.compulsorySchoolAgeEnds(bornOn: day(2010, 1, 15)) == day(2026, 6, 26))
    }

    @Test("offers on 1 March 2026, a Sunday, come on Monday 2 March")
    func offerDayOverAWeekend() {
        let round = AdmissionsRound.make(entry: .year7, startYear: 2026, council: nil)
        #expect(round.closingDate == day(2025, 10, 31))
        #expect(round.offerDay == day(2026, 3, 2))
        #expect(round.offerDayNote == "1 March 2026 is a Sunday, so offers come on the next working day, Monday 2 March 2026.")
        #expect(AdmissionsRound.make(entry: .year7, startYear: 2025, council: nil).offerDay == day(2025, 3, 3))
        #expect(AdmissionsRound.make(entry: .year7, startYear: 2027, council: nil).offerDayNote == nil)
    }

    @Test("16 April 2022 was Easter Saturday: primary offers came on Tuesday 19 April")
    func primaryOfferDayOverEaster() {
        let round = AdmissionsRound.make(entry: .reception, startYear: 2022, council: nil)
        #expect(round.offerDay == day(2022, 4, 19))
        #expect(round.closingDate == day(2022, 1, 15))
        #expect(AdmissionsRound.make(entry: .year3, startYear: 2027, council: nil).offerDay == day(2027, 4, 16))
    }

    @Test("closing dates do not move at weekends")
    func closingDateAtAWeekend() {
        let round = AdmissionsRound.make(entry: .year7, startYear: 2027, council: nil)
        #expect(round.closingDate == day(2026, 10, 31))
        #expect(round.closingDate?.weekday == .saturday)
        #expect(AdmissionsRound.make(entry: .reception, startYear: 2028, council: nil).closingDate == day(2028, 1, 15))
    }

    @Test("appeal deadline: 20 school days after offers")
    func appealDeadline() throws {
        let catalog = try HandCatalog.load()
        let withTerms = AdmissionsRound.make(entry: .year7, startYear: 2027, council: catalog.manifest.admissions)
        #expect(withTerms.appealDeadline?.date == day(2027, 4, 13))
        #expect(withTerms.appealDeadline?.usesCouncilTermDates == true)
        let weekdaysOnly = AdmissionsRound.make(entry: .year7, startYear: 2027, council: nil)
        #expect(weekdaysOnly.appealDeadline?.date == day(2027, 3, 31))
        #expect(weekdaysOnly.appealDeadline?.explanation.contains("term dates are set locally") == true)
        #expect(AdmissionsRound.make(entry: .year12, startYear: 2027, council: nil).closingDate == nil)
    }

    @Test func entryPointsOfSchools() throws {
        let catalog = try HandCatalog.load()
        func points(_ id: String) -> [EntryPoint] { catalog.provider(id: id)?.school.map(EntryPoint.points) ?? [] }
        #expect(points("S1") == [.reception])
        #expect(points("S7") == [.year7])
        #expect(points("S10") == [])
        #expect(points("S16") == [.year3])
        #expect(EntryPoint.next(bornOn: day(2015, 9, 10), today: day(2026, 11, 25)) == .year7)
        #expect(EntryPoint.next(bornOn: day(2015, 5, 10), today: day(2026, 11, 25)) == .year12)
        #expect(EntryPoint.next(bornOn: day(2022, 10, 10), today: day(2026, 11, 25)) == .reception)
        #expect(EntryPoint.next(bornOn: day(2008, 10, 10), today: day(2026, 11, 25)) == nil)
    }

    @Test("the timeline is in date order with today marked")
    func timeline() throws {
        let catalog = try HandCatalog.load()
        let summary = ChildSummary(child: HandCatalog.child(born: day(2023, 6, 10)), today: day(2026, 11, 25),
                                   council: catalog.manifest.admissions)
        #expect(summary.round?.title == "Reception places for September 2027")
        #expect(summary.timeline.map(\.title).prefix(2) == ["Today", "Closing date for applications to the council"])
        let appeal = summary.timeline.first { $0.title.hasPrefix("Appeal deadline") }
        #expect(appeal?.detail?.hasPrefix("If refused a place, you can appeal: the deadline is at least 20 school days after offer day") == true)
        let kinds = summary.timeline.map(\.kind)
        #expect(kinds.filter { $0 == .today }.count == 1)
        #expect(summary.timeline.map(\.date) == summary.timeline.map(\.date).sorted())
        #expect(summary.timeline.first { $0.kind == .today }?.date == day(2026, 11, 25))
        #expect(summary.isSummerBorn)
        #expect(summary.notes.contains(AdmissionsFacts.summerBorn.value))
    }

    @Test("the 2026 Act is said beside every co-ordinated round, with what is not yet known")
    func wellbeingAndSchoolsAct() throws {
        let catalog = try HandCatalog.load()
        let reception = ChildSummary(child: HandCatalog.child(born: day(2023, 6, 10)), today: day(2026, 11, 25),
                                     council: catalog.manifest.admissions)
        #expect(reception.notes.contains(ChildrensWellbeingAndSchoolsAct.admissionsChanges.value))
        #expect(reception.notes.contains(ChildrensWellbeingAndSchoolsAct.notYetKnown.value))
        #expect(ChildrensWellbeingAndSchoolsAct.notYetKnown.value.hasPrefix("Not yet known:"))
        #expect(ChildrensWellbeingAndSchoolsAct.passed.value == day(2026, 4, 29))
        #expect(ReferenceSources.all.contains(ChildrensWellbeingAndSchoolsAct.source))
        // Year 12 has no council round: each school or college sets its own.
        let sixthForm = ChildSummary(child: HandCatalog.child(born: day(2015, 5, 10)), today: day(2026, 11, 25),
                                     council: catalog.manifest.admissions)
        #expect(sixthForm.round?.entry == .year12)
        #expect(!sixthForm.notes.contains(ChildrensWellbeingAndSchoolsAct.notYetKnown.value))
    }

    @Test("compulsory school age is said as ahead, under way or ended, never as a past start")
    func compulsorySchoolAgeSentence() {
        let child = HandCatalog.child(born: day(2015, 9, 10))
        func sentence(on today: CalendarDate) -> String {
            ChildSummary(child: child, today: today, council: nil).compulsorySchoolAgeSentence
        }
        #expect(sentence(on: day(2020, 6, 1)) == "Compulsory school age from 31 December 2020.")
        #expect(sentence(on: day(2026, 11, 25)) == "Of compulsory school age since 31 December 2020, until 25 June 2032.")
        #expect(sentence(on: day(2032, 7, 1)).hasPrefix("Compulsory school age ended on 25 June 2032"))
    }
}
