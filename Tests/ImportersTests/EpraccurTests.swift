import ChoiceKit
import Foundation
import Testing
@testable import Importers

@Suite("NHS ODS epraccur, both layouts")
struct EpraccurTests {
    @Test func theOlderLayoutKeepsActiveGPPractices() throws {
        let read = try EpraccurReader.read(Fixtures.epraccur, includeClosed: false, control: .quiet)
        #expect(read.layouts == [.older])
        #expect(read.practices.map(\.code) == ["A81001", "A81002", "A81012", "A81030", "Z99001", "Z99002", "Z99006"])
        let westbourne = try #require(read.practices.first { $0.code == "A81012" })
        #expect(westbourne.address == "7 Trinity Mews,N. Ormesby, Middlesbrough")
        #expect(read.practices.first { $0.code == "A81030" }?.name == "Borough Road & Nunthorpe Medical Group")
        #expect(read.practices.first { $0.code == "Z99001" }?.commissioner == "99K")
        #expect(read.asOf == CalendarDate(year: 2024, month: 4, day: 1))
    }

    @Test func the2026LayoutKeepsTwo() throws {
        let read = try EpraccurReader.read(Fixtures.epraccur2026, includeClosed: false, control: .quiet)
        #expect(read.layouts == [.report2026])
        #expect(read.practices.map(\.code) == ["Z99101", "Z99105"])
        #expect(read.practices.last?.name == "St Anne's & Priory Practice")
        #expect(read.practices.first?.commissioner == "QK1")
        let notPractices = read.section.skipped.first { $0.reason == Reasons.notPractice }
        #expect(notPractices?.lines == [2, 4, 6])
    }

    @Test func closedDormantAndProposedOnlyWhenAsked() throws {
        let read = try EpraccurReader.read(Fixtures.epraccur, includeClosed: true, control: .quiet)
        let names = Dictionary(uniqueKeysWithValues: read.practices.map { ($0.code, $0.name) })
        #expect(names["Z99003"] == "Harrowby Health Centre (closed 31 March 2019)")
        #expect(names["Z99007"] == "Long Acre Family Practice (proposed)")
        #expect(names["Z99008"] == "Old Town Surgery (dormant)")
        let newer = try EpraccurReader.read(Fixtures.epraccur2026, includeClosed: true, control: .quiet)
        #expect(newer.practices.map(\.code) == ["Z99101", "Z99103", "Z99105"])
    }

    @Test func aByteOrderMarkIsAllowed() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Fixtures.write([0xEF, 0xBB, 0xBF] + (try Fixtures.bytes("ods/epraccur-2026-sample.csv")), named: "epraccur.csv", in: scratch)
        let read = try EpraccurReader.read(file, includeClosed: false, control: .quiet)
        #expect(read.practices.map(\.code) == ["Z99101", "Z99105"])
        #expect(read.section.format.contains("byte-order mark"))
    }

    @Test func the2026SampleImportsTheTwoPractices() throws {
        let made = try ImportCatalog.kingsmere(postcodes: Fixtures.nspl2026, ods: Fixtures.epraccur2026)
        #expect(Set(made.catalog.providers(of: .gp).map(\.id)) == ["Z99101", "Z99105"])
        #expect(made.catalog.providers(of: .gp).allSatisfy { $0.commissionerID == "nhs-qk1" && $0.gp?.practiceType == .practice })
    }

    @Test func namesInCapitalsAreShownAsNamesAreWritten() {
        #expect(CapitalsText.readable("ST ANNE'S & PRIORY PRACTICE") == "St Anne's & Priory Practice")
        #expect(CapitalsText.readable("STOCKTON-ON-TEES") == "Stockton-on-Tees")
        #expect(CapitalsText.readable("HMP KINGSMERE HEALTHCARE") == "HMP Kingsmere Healthcare")
        #expect(CapitalsText.readable("THE NHS PRACTICE OF THE ROSE") == "The NHS Practice of the Rose")
        #expect(CapitalsText.readable("1ST FLOOR, 22 HIGH ST") == "1st Floor, 22 High St")
        #expect(CapitalsText.readable("DR A K SHARMA'S PRACTICE") == "Dr A K Sharma's Practice")
        // Mixed case is the writer's choice, and text without letters has nothing to case.
        #expect(CapitalsText.readable("McKenzie Surgery") == "McKenzie Surgery")
        #expect(CapitalsText.readable("12-14") == "12-14")
        #expect(CapitalsText.readable("") == "")
    }
}
