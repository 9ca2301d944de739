import Testing
@testable import ChoiceKit

@Suite("Inspection measures in words")
struct InspectionMeasureTests {
    private func card(_ grades: [ReportCardGrade]) throws -> OfstedInspection {
        let date = try #require(CalendarDate(year: 2026, month: 1, day: 12))
        let areas = zip(ReportCardArea.allCases, grades).map { ReportCard.AreaGrade(area: $0, grade: $1) }
        return .reportCard(ReportCard(date: date, grades: areas, safeguardingMet: true))
    }

    /// Weak areas are counted, not softened into "every area at least Needs attention".
    @Test func weakAreasAreCountedInWords() throws {
        let weak = ProviderMeasures.ofsted(try card([.needsAttention, .needsAttention, .expectedStandard, .strongStandard]))
        #expect(weak.short == "2 need attention")
        #expect(weak.long == "report card of 12 January 2026: lowest grade Needs attention in 2 of 4 areas; safeguarding met")
        let good = ProviderMeasures.ofsted(try card([.expectedStandard, .strongStandard, .exceptional]))
        #expect(good.long == "report card of 12 January 2026: every area at least Expected standard; safeguarding met")
    }
}
