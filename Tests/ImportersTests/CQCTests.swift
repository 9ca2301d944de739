import ChoiceKit
import Foundation
import Testing
@testable import Importers

@Suite("CQC care directory and API location data")
struct CQCTests {
    @Test func theHeaderIsFoundAfterThePreambleAndTheDateOfTheDataRead() throws {
        let read = try CQCDirectoryReader.read(Fixtures.cqcDirectory, control: .quiet)
        #expect(read.asOf == CalendarDate(year: 2026, month: 9, day: 16))
        #expect(read.section.rows == 12)
        let oakwood = try #require(read.services.first { $0.locationID == "1-9000000001" })
        #expect(oakwood.line == 8)
        #expect(oakwood.mainService == .careHomeWithNursing)
        #expect(oakwood.specialisms == [.olderPeople, .dementia, .physicalDisability])
        #expect(oakwood.phone == "01990200001")
        #expect(oakwood.address == "12 Oakwood Road" && oakwood.town == "Kingsmere")
        #expect(oakwood.lastCheck == CalendarDate(year: 2024, month: 3, day: 14))
        let meadowfield = try #require(read.services.first { $0.locationID == "1-9000000003" })
        #expect(meadowfield.serviceTypes == [.careHomeWithNursing, .careHomeWithoutNursing])
        #expect(read.services.first { $0.locationID == "1-9000000008" }?.name == "The Willows, Kingsmere")
        #expect(read.services.first { $0.locationID == "1-9000000009" }?.name == "St Anne’s Lodge")
        #expect(read.services.first { $0.locationID == "1-9000000009" }?.lastCheck == nil)
        // Dentists, GPs, and services for children or younger adults are not care for older people.
        #expect(!read.services.contains { ["1-9000000005", "1-9000000006", "1-9000000007", "1-9000000010"].contains($0.locationID) })
        #expect(read.locationsByProvider["1-9500000001"] == 1)
    }

    @Test func olderHeaderSpellingsAndTheNumericDateStyleToo() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var text = String(decoding: try Fixtures.bytes("cqc/directory-sample.csv"), as: UTF8.self)
        text = text.replacingOccurrences(of: ",Local authority,", with: ",Local Authority,")
            .replacingOccurrences(of: "14/Mar/2024 - 00:00", with: "14/03/2024 - 00:00")
            .replacingOccurrences(of: "02/Nov/2023 - 00:00", with: "2 November last year")
        let read = try CQCDirectoryReader.read(try Fixtures.write(Array(text.utf8), named: "directory.csv", in: scratch), control: .quiet)
        #expect(read.services.first { $0.locationID == "1-9000000001" }?.lastCheck == CalendarDate(year: 2024, month: 3, day: 14))
        #expect(read.services.first { $0.locationID == "1-9000000001" }?.localAuthority == "Kingsmere")
        #expect(read.services.first { $0.locationID == "1-9000000002" }?.lastCheck == nil)
        #expect(read.section.notes == ["\(scratch.path)/directory.csv:9: Date of latest check: \"2 November last year\" is not a date like 09/Jan/2018 - 00:00 — left out"])
    }

    @Test func ratingsFromTheAPIIncludingNoneYet() throws {
        let read = try CQCLocationReader.read(Fixtures.cqcLocations, control: .quiet)
        #expect(read.locations.count == 4)
        let oakwood = try #require(read.locations["1-9000000001"])
        let ratings = try #require(oakwood.assessment.ratings)
        #expect(ratings.overall == .good && ratings.rating(for: .safe) == .requiresImprovement)
        #expect(ratings.rating(for: .wellLed) == .good)
        #expect(ratings.reportDate == CalendarDate(year: 2024, month: 3, day: 14))
        #expect(oakwood.beds == 48)
        #expect(read.locations["1-9000000009"]?.assessment == .notYetRated)
        #expect(read.locations["1-125856395"]?.assessment.overall == .outstanding)
        #expect(CQCLocationReader.looksLikeJSON(Fixtures.cqcLocations) && !CQCLocationReader.looksLikeJSON(Fixtures.cqcDirectory))
    }

    @Test func aDeregisteredLocationIsNeverShownAsCurrent() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var text = String(decoding: try Fixtures.bytes("cqc/location-sample.json"), as: UTF8.self)
        let marker = try #require(text.range(of: "\"locationId\": \"1-9000000004\""))
        let status = try #require(text.range(of: "\"registrationStatus\": \"Registered\"", range: marker.upperBound..<text.endIndex))
        text.replaceSubrange(status, with: "\"registrationStatus\": \"Deregistered\", \"deregistrationDate\": \"2026-06-30\"")
        let json = try Fixtures.write(Array(text.utf8), named: "locations.json", in: scratch)
        let made = try ImportCatalog.kingsmere(cqc: [Fixtures.cqcDirectory, json])
        #expect(made.catalog.provider(id: "1-9000000004") == nil)
        #expect(made.report.contains { $0.hasSuffix("directory-sample.csv:11: deregistered, by the CQC API location data (on 30 June 2026)") })
    }

    @Test func withoutAPIDataTheRatingIsNotImportedAndTheReportSaysSo() throws {
        let made = try ImportCatalog.kingsmere(cqc: [Fixtures.cqcDirectory])
        let care = made.catalog.providers(of: .care)
        #expect(!care.isEmpty && care.allSatisfy { $0.care?.assessment == .notImported })
        #expect(made.report.contains { $0.contains("CQC rating: rating not imported — the care directory has no ratings") })
        // The service's page says so in words, not "not published", in lists too, and a snapshot keeps it.
        let facts = ProviderFacts.sections(for: care[0], in: made.catalog).flatMap(\.facts)
        let overall = try #require(facts.first { $0.key == "cqc_overall" })
        #expect(overall.measure.long == "rating not imported")
        #expect(overall.measure.short == "not imported")
        let source = InMemoryCatalogSource(files: made.result.files, displayName: "imported")
        let bytes = try #require(CatalogSnapshot.encode(made.catalog, source: source))
        let decoded = try #require(CatalogSnapshot.decode(bytes, source: source))
        #expect(decoded.providers(of: .care).allSatisfy { $0.care?.assessment == .notImported })
    }

    /// The directory imported again without the API data: the ratings imported before stay, and
    /// the report says they were kept.
    @Test func theDirectoryAgainWithoutAPIDataKeepsTheRatingsImportedBefore() throws {
        let rated = try ImportCatalog.kingsmere(cqc: [Fixtures.cqcDirectory, Fixtures.cqcLocations])
        #expect(rated.catalog.provider(id: "1-9000000004")?.care?.assessment.overall == .outstanding)
        let again = try ImportCatalog.run(ImportRequest(cqc: [Fixtures.cqcDirectory], today: ImportCatalog.today), into: rated.catalog)
        #expect(again.catalog.provider(id: "1-9000000004")?.care?.assessment.overall == .outstanding)
        #expect(again.catalog.provider(id: "1-9000000009")?.care?.assessment == .notYetRated)
        #expect(again.catalog.provider(id: "1-9000000001")?.care?.beds == 48)
        #expect(again.catalog.provider(id: "1-9000000002")?.care?.assessment == .notImported, "never rated: still not imported")
        #expect(again.report.contains { $0.contains("directory-sample.csv:1: CQC rating: kept the catalog's earlier rating for 3 services") }, "\(again.report)")
        let unrated = again.catalog.providers(of: .care).filter { $0.care?.assessment == .notImported }.count
        #expect(again.report.contains { $0.contains("CQC rating: rating not imported") && $0.contains("\(unrated)") })
    }

    @Test func ratingsAloneUpdateTheCatalogsCareServices() throws {
        let directoryOnly = try ImportCatalog.kingsmere(cqc: [Fixtures.cqcDirectory])
        let updated = try ImportCatalog.run(ImportRequest(cqc: [Fixtures.cqcLocations], today: ImportCatalog.today),
                                            into: directoryOnly.catalog)
        #expect(updated.catalog.provider(id: "1-9000000004")?.care?.assessment.overall == .outstanding)
        #expect(updated.catalog.provider(id: "1-9000000009")?.care?.assessment == .notYetRated)
        #expect(updated.catalog.provider(id: "1-9000000001")?.care?.beds == 48)
        let unrated = try #require(updated.catalog.provider(id: "1-9000000002"))
        #expect(unrated.care?.assessment == .notImported)
        // A rating the data never held is not dated by the data: no "as of" over "rating not imported".
        #expect(ProviderFacts.sections(for: unrated, in: updated.catalog).map(\.title).contains("CQC rating"))
        #expect(updated.catalog.count(of: .school) == directoryOnly.catalog.count(of: .school))
        #expect(updated.catalog.manifest.sources.contains { $0.name == "CQC API location data" })
    }

    @Test func ratingsAreCountedAgainstTheServicesImported() throws {
        // The 2026 postcodes lack one care service's postcode, so its rating has nothing to go to.
        let made = try ImportCatalog.kingsmere(postcodes: Fixtures.nspl2026)
        #expect(made.report.contains { $0.hasSuffix("location-sample.json (CQC API location data, JSON list): 4 rows — 2 imported, 2 skipped") })
        #expect(made.report.contains { $0.hasSuffix(": its service in the care directory was not imported (see the directory's report): 1-9000000009") })
    }

    @Test func coordinatesFarFromTheirOwnPostcodeGiveWayToItAndAreReported() throws {
        let made = try ImportCatalog.kingsmere()
        let oakwood = try #require(made.catalog.provider(id: "1-9000000001"))
        let postcode = try #require(made.catalog.postcode(oakwood.postcode))
        #expect(oakwood.location == postcode.location)
        #expect(made.report.contains { $0.hasSuffix("directory-sample.csv:8: location (CQC API location data): 1.3 km from the centre of its postcode KM1 2AB: the postcode's location was used") })
    }

    @Test func ratingsAreDatedByTheNewestReportInTheirFile() throws {
        let made = try ImportCatalog.kingsmere()
        let date = try #require(made.catalog.manifest.dataDate("cqc_ratings"))
        #expect(date.asOf == CalendarDate(year: 2026, month: 1, day: 9))
        #expect(date.label == "CQC ratings (CQC API location data), dated by the newest rating in it")
        #expect(made.report.contains("  as of 9 January 2026, the newest rating's report date in the file"))
        let rated = try #require(made.catalog.provider(id: "1-9000000004"))
        let titles = ProviderFacts.sections(for: rated, in: made.catalog).map(\.title)
        #expect(titles.contains("CQC rating (as of 9 January 2026)"))
    }

    @Test func sectorsFromNames() {
        #expect(SectorRules.care(providerName: "Kingsmere Borough Council", locations: 3) == .publicSector)
        #expect(SectorRules.care(providerName: "Kingsmere Children's Services CIC", locations: 1) == .socialEnterprise)
        #expect(SectorRules.care(providerName: "Abbeyfield Kingsmere Society", locations: 1) == .voluntaryOrCharity)
        #expect(SectorRules.care(providerName: "Oakwood Care Homes Ltd", locations: 1) == .privateSmallOrMedium)
        #expect(SectorRules.care(providerName: "Barchester Healthcare Homes Limited", locations: 200) == .privateLargeGroup)
    }
}

@Suite("Telephone numbers as people read them")
struct PhoneNumberTests {
    @Test func groupedAsTheNumberingPlanDoes() {
        #expect(PhoneNumbers.grouped("02079460000") == "020 7946 0000")
        #expect(PhoneNumbers.grouped("01134960000") == "0113 496 0000")
        #expect(PhoneNumbers.grouped("01614960000") == "0161 496 0000")
        #expect(PhoneNumbers.grouped("01990200001") == "01990 200001")
        #expect(PhoneNumbers.grouped("01990 300001") == "01990 300001")
        #expect(PhoneNumbers.grouped("07700900000") == "07700 900000")
        #expect(PhoneNumbers.grouped("03001234567") == "0300 123 4567")
        // Anything else stays as written.
        #expect(PhoneNumbers.grouped("0199 0200") == "0199 0200")
        #expect(PhoneNumbers.grouped("+44 20 7946 0000") == "+44 20 7946 0000")
        #expect(PhoneNumbers.grouped("020794600001") == "020794600001")
        #expect(PhoneNumbers.grouped("0207946000١") == "0207946000١")
        #expect(PhoneNumbers.grouped("") == "")
    }

    @Test func importedNumbersAreGrouped() throws {
        let made = try ImportCatalog.kingsmere()
        #expect(made.catalog.provider(id: "1-9000000001")?.phone == "01990 200001")
    }
}

@Suite("Plain text tests on bytes")
struct PlainTextTests {
    @Test func findsAPartExactlyAnywhere() {
        #expect(PlainText.has("supported by a multi-academy trust", "multi-academy trust"))
        #expect(PlainText.has("multi-academy trust", "multi-academy trust"))
        #expect(!PlainText.has("supported by a single-academy trust", "multi-academy trust"))
        #expect(!PlainText.has("multi-academy", "multi-academy trust"))
        #expect(PlainText.has("mmulti", "multi"))
        #expect(PlainText.has("anything", ""))
        #expect(!PlainText.has("", "a"))
        #expect(PlainText.has("café trust", "é trust"))
    }
}

@Suite("Who pays for a school, worked out on any thread")
struct SchoolCommissionerTests {
    @Test func theIDWorkedOutAloneIsTheOneNotedAsUsed() {
        var commissioners = Commissioners()
        let fundings: [SchoolFunding] = [.academy, .maintained, .nonMaintainedSpecial, .independentSpecial, .independent]
        for funding in fundings {
            for authority in ["Kingsmere", "", "Kingsmere upon Avon", "St. Helens"] {
                #expect(commissioners.school(funding, authority: authority) == Commissioners.schoolID(funding, authority: authority))
            }
        }
        #expect(Set(commissioners.used.keys) == ["dfe", "families", "la-kingsmere", "la-unknown", "la-kingsmere-upon-avon", "la-st-helens"])
    }
}
