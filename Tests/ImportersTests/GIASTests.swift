import ChoiceKit
import Foundation
import Testing
@testable import Importers

@Suite("GIAS edubasealldata")
struct GIASTests {
    static func read(_ file: ImportFile = Fixtures.gias, includeClosed: Bool = false) throws -> GIASRead {
        try GIASReader.read(file, includeClosed: includeClosed, control: .quiet)
    }

    @Test func readsTheSampleAsWindows1252WithQuotedCommasAndDoubledQuotes() throws {
        let read = try Self.read()
        #expect(read.encoding == .windows1252)
        #expect(read.section.rows == 12)
        let byURN = Dictionary(uniqueKeysWithValues: read.schools.map { ($0.urn, $0) })
        #expect(byURN[990007]?.name == "St Mary’s Catholic Primary School")
        #expect(byURN[990007]?.address == "Belvédère Road, St Mary’s Green")
        #expect(byURN[990003]?.address == "Unit 4, Harrow Lane, Harrowby")
        #expect(byURN[990005]?.name == "Kingsmere \"Bridge\" Foundation Special School")
        #expect(byURN[990010]?.proprietor == "Kingsmere Grange Educational Trust, Ltd")
        #expect(read.section.notes.isEmpty)
    }

    @Test func typesPhasesAndTrustsAsParentsMeetThem() throws {
        let byURN = Dictionary(uniqueKeysWithValues: try Self.read().schools.map { ($0.urn, $0) })
        #expect(byURN[990001]?.type == .academyConverter && byURN[990001]?.trustType == .multiAcademyTrust)
        #expect(byURN[990001]?.organisation == "KINGSMERE LEARNING TRUST")
        #expect(byURN[990002]?.type == .freeSchool && byURN[990002]?.hasSixthForm == true)
        #expect(byURN[990003]?.type == .sponsorLedAcademy)
        #expect(byURN[990005]?.type == .special && byURN[990005]?.funding == .maintained)
        #expect(byURN[990007]?.religiousCharacter == "Roman Catholic")
        #expect(byURN[990008]?.phase == .allThrough && byURN[990008]?.location == nil)
        #expect(byURN[990010]?.type == .independent)
        #expect(SectorRules.school(.independent, proprietor: "Kingsmere Grange Educational Trust, Ltd") == .voluntaryOrCharity)
        #expect(byURN[100000]?.localAuthority == LocalAuthority(name: "City of London", code: "201", gss: "E09000001"))
    }

    @Test func datesAreDayMonthYearAndGradesStayInTheirEra() throws {
        let byURN = Dictionary(uniqueKeysWithValues: try Self.read().schools.map { ($0.urn, $0) })
        #expect(byURN[990001]?.inspection == .historical(grade: .good, date: CalendarDate(year: 2022, month: 5, day: 12)!))
        #expect(byURN[990007]?.inspection == .historical(grade: .good, date: CalendarDate(year: 2024, month: 1, day: 22)!))
        #expect(byURN[990010]?.inspection == .notYetInspected)
    }

    @Test func locationsComeFromTheSchoolsOwnGridReference() throws {
        let oak = try #require(try Self.read().schools.first { $0.urn == 990001 })
        let location = try #require(oak.location)
        // The sample's KM1 2AB lies at the same grid reference.
        #expect(location.distance(to: GeoPoint(latitude: 52.631721, longitude: -1.141375)) < 1)
    }

    @Test func closedSchoolsOnlyWhenAskedAndThenSaidToBeClosed() throws {
        let open = try Self.read()
        #expect(!open.schools.contains { $0.urn == 990006 })
        #expect(open.section.skipped.first { $0.reason == Reasons.closed }?.lines == [9])
        let all = try Self.read(includeClosed: true)
        #expect(all.schools.first { $0.urn == 990006 }?.name == "Harrowby Junior School (closed 31 August 2019)")
    }

    @Test func aUTF8FileWithAByteOrderMarkIsReadAsUTF8() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = try #require(String(data: Data(try Fixtures.bytes("gias/edubasealldata-sample.csv")), encoding: .windowsCP1252))
        let file = try Fixtures.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), named: "gias-utf8.csv", in: scratch)
        let read = try Self.read(file)
        #expect(read.encoding == .utf8)
        #expect(read.section.format.contains("byte-order mark"))
        #expect(read.schools.first { $0.urn == 990007 }?.name == "St Mary’s Catholic Primary School")
    }

    @Test func anUndefinedByteIsReportedByItsLineAndTheRowStillImported() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var bytes = try Fixtures.bytes("gias/edubasealldata-sample.csv")
        let apostrophe = try #require(bytes.firstIndex(of: 0x92))
        bytes[apostrophe] = 0x81
        let read = try Self.read(try Fixtures.write(bytes, named: "gias-0x81.csv", in: scratch))
        #expect(read.schools.first { $0.urn == 990007 }?.name == "St Mary\u{FFFD}s Catholic Primary School")
        #expect(read.section.notes.count == 1)
        #expect(read.section.notes.first?.hasSuffix("gias-0x81.csv:10: EstablishmentName: byte 0x81 is not a Windows-1252 character (shown as �) — correct the file, or tell its publisher") == true)
    }

    /// Columns move and disappear between releases (Ofsted's went in 2025): they are found by name.
    @Test func columnsFoundByNameInAnyOrderWithOfstedColumnsGone() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = """
        "Postcode","EstablishmentName","URN","Gender (name)","StatutoryHighAge","StatutoryLowAge","PhaseOfEducation (name)","EstablishmentStatus (name)","TypeOfEstablishment (name)","LA (name)","Easting","Northing"\r
        "KM1 2AB","Oak Lane Primary",990101,"Mixed",11,4,"Primary","Open","Community school","Kingsmere",458210,304120\r
        "km2 3cd","Station Road Academy",990102,"Girls",16,11,"Secondary","Open, but proposed to close","Academy converter","Kingsmere",,\r

        """
        let read = try Self.read(try Fixtures.write(Array(text.utf8), named: "gias-2026.csv", in: scratch))
        #expect(read.schools.map(\.urn) == [990101, 990102])
        #expect(read.schools[1].postcode == "KM2 3CD" && read.schools[1].gender == .girls)
        #expect(!read.hasOfstedGrades)
        #expect(read.schools.allSatisfy { $0.inspection == .notYetInspected })
    }

    @Test func rowsThatCannotBeReadAreSkippedWithTheirLineAndTheRestImported() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = """
        URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Gender (name),Postcode
        12AB,Bad URN,Community school,Open,Primary,4,11,Mixed,KM1 2AB
        990201,No ages,Community school,Open,Primary,,,Mixed,KM1 2AB
        990202,Good one,Community school,Open,Primary,4,11,Mixed,KM1 2AB
        990202,Again,Community school,Open,Primary,4,11,Mixed,KM1 2AB
        990203,Pupil referral,Pupil referral unit,Open,Not applicable,11,16,Mixed,KM1 2AB
        990204,No postcode,Community school,Open,Primary,4,11,Mixed,
        """
        let read = try Self.read(try Fixtures.write(Array(text.utf8), named: "gias-bad-rows.csv", in: scratch))
        #expect(read.schools.map(\.urn) == [990202])
        let lines = read.section.skipped.flatMap { group in group.lines.map { ($0, group.reason.text) } }.sorted { $0.0 < $1.0 }
        #expect(lines.map(\.0) == [2, 3, 5, 6, 7])
        #expect(lines.map(\.1) == ["URN cannot be read", "no statutory age range", "listed again (the first is kept)",
                                   "a kind of establishment parents do not choose between", "no postcode that can be read"])
    }
}
