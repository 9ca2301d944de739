import Testing
@testable import ChoiceKit

/// Catalog format 2: admission arrangements, school days, the council's settings and results
/// averages — checked with FILE:LINE messages, and format 1 catalogs still loading.
@Suite("Admissions in the catalog")
struct AdmissionsCatalogTests {
    private func problems(_ fixture: CatalogFixture) -> [String] { fixture.check().problems.map(\.description) }

    private func schoolLine(_ fixture: CatalogFixture, _ predicate: (String) -> Bool) throws -> Int {
        let line = ValidationTests.line(in: fixture, file: "schools.csv", where: predicate)
        return try #require(line)
    }

    @Test func generatedSchoolsCarryArrangementsConsistentWithPopularity() throws {
        let catalog = try CatalogFixture(seed: 11, providers: 400).load()
        let schools = catalog.providers(of: .school).compactMap(\.school)
        let published = schools.filter { $0.arrangements.isPublished }
        #expect(published.count > schools.count / 2)
        for school in published {
            #expect(school.arrangements.criteria.contains { $0.kind == .lookedAfter })
            let offered = school.arrangements.offersLastRound.reduce(0) { $0 + $1.places }
            if let applications = school.applicationsLastRound, let pan = school.publishedAdmissionNumber {
                #expect(offered == min(applications, pan))
                if applications <= pan { #expect(school.lastOffer == .allApplicantsOffered) }
            }
        }
        #expect(catalog.manifest.admissions?.secondaryPreferences == 6)
        #expect(catalog.manifest.resultsAverage(.ks2ExpectedStandard, .england)?.value == Tenths(tenths: 621))
        #expect(catalog.manifest.resultsAverage(.attainment8, .local) != nil)
    }

    @Test("a format 1 catalog loads and says not published")
    func formatOneStillLoads() throws {
        let fixture = CatalogFixture()
        var manifest = try fixture.load().manifest
        manifest.formatVersion = 1
        manifest.admissions = nil
        manifest.resultsAverages = []
        var old = fixture
        old.files["manifest.json"] = ManifestWriter.json(manifest)
        // Drop the format-2 columns from schools.csv, as an older Agora wrote it.
        let lines = (fixture.files["schools.csv"] ?? "").split(separator: "\n").map(String.init)
        let header = CatalogFixture.cells(lines[0])
        let keep = header.indices.filter { !SchoolColumns.admissionColumns.contains(header[$0]) }
        old.files["schools.csv"] = lines.map { line in
            let cells = CatalogFixture.cells(line)
            return CSVWriter.row(keep.map { cells[$0] })
        }.joined()
        let report = old.check()
        #expect(report.errors.isEmpty, "\(report.errors.prefix(3))")
        #expect(report.warnings.isEmpty)
        let catalog = try #require(report.catalog)
        #expect(catalog.manifest.formatVersion == 1)
        #expect(catalog.manifest.admissions == nil)
        #expect(catalog.providers(of: .school).allSatisfy { $0.school?.arrangements == .notPublished && $0.school?.day == .notPublished })
        let school = try #require(catalog.providers(of: .school).first)
        let facts = ProviderFacts.sections(for: school, in: catalog).flatMap(\.facts)
        #expect(facts.first { $0.key == "oversubscription_criteria" }?.text == "not published")
        #expect(facts.first { $0.key == "school_day" }?.text == "not published")
    }

    @Test func schoolFactsSayTheCriteriaInOrder() throws {
        let catalog = try CatalogFixture().load()
        let school = try #require(catalog.providers(of: .school).first { $0.school?.arrangements.criteria.count == 3 && $0.school?.day.starts != nil })
        let facts = ProviderFacts.sections(for: school, in: catalog).flatMap(\.facts)
        let criteria = try #require(facts.first { $0.key == "oversubscription_criteria" }?.text)
        #expect(criteria.hasPrefix("1. looked-after and previously looked-after children; 2. "))
        #expect(facts.first { $0.key == "school_day" }?.text.contains(" to ") == true)
        #expect(facts.first { $0.key == "ks2_rwm_expected_pct" }?.note?.contains("Averages: England 62.1%") == true
            || facts.first { $0.key == "ks4_attainment8" }?.note?.contains("Averages: England 46.0") == true)
    }

    @Test func aNewerFormatAsksForANewerAgora() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"format_version\": \(Manifest.supportedVersion)", with: "\"format_version\": 99")
        #expect(problems(fixture).contains { $0.contains("format_version: version 99 is not one this Agora reads — update Agora") })
    }

    @Test func unknownCriterion() throws {
        var fixture = CatalogFixture()
        let line = try schoolLine(fixture) { $0.contains("looked after|siblings") }
        fixture.set("schools.csv", line: line, column: "oversubscription_criteria", to: "looked after|lottery|distance")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/schools.csv:\(line): oversubscription_criteria: \"lottery\" is not a criterion Agora knows — use \"looked after\", \"siblings\"")
        })
    }

    @Test func lookedAfterChildrenComeFirst() throws {
        var fixture = CatalogFixture()
        let line = try schoolLine(fixture) { $0.contains(",looked after|siblings") && $0.contains(",Non-selective,") || $0.contains(",Not applicable,") && $0.contains(",looked after|siblings") }
        fixture.set("schools.csv", line: line, column: "oversubscription_criteria", to: "siblings|looked after|distance")
        fixture.set("schools.csv", line: line, column: "offers_last_round", to: "")
        #expect(problems(fixture).contains(
            "catalog/schools.csv:\(line): oversubscription_criteria: \"looked after\" comes after \"siblings\" — the School Admissions Code puts looked-after children first (a faith school may put only \"faith\" before them)"))
        fixture.set("schools.csv", line: line, column: "oversubscription_criteria", to: "siblings|distance")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/schools.csv:\(line): oversubscription_criteria: \"looked after\" is missing — the School Admissions Code puts looked-after")
        })
    }

    @Test func selectiveAndFaithSchoolsMayOrderDifferently() throws {
        var fixture = CatalogFixture()
        let line = try schoolLine(fixture) { $0.contains(",looked after|siblings") && $0.contains(",,Not applicable,") }
        fixture.set("schools.csv", line: line, column: "offers_last_round", to: "")
        fixture.set("schools.csv", line: line, column: "religious_character", to: "Roman Catholic")
        fixture.set("schools.csv", line: line, column: "oversubscription_criteria", to: "faith|looked after|siblings|distance")
        #expect(fixture.check().errors.isEmpty)
        let school = try #require(try fixture.load().providers.first { $0.school?.religiousCharacter == "Roman Catholic" && $0.school?.arrangements.criteria.first?.kind == .faith })
        #expect(school.school?.arrangements.criteria.first == OversubscriptionCriterion(.faith, detail: "Roman Catholic"))
        fixture.set("schools.csv", line: line, column: "religious_character", to: "")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/schools.csv:\(line): oversubscription_criteria: \"faith\" is given, but the school has no religious character")
        })
    }

    @Test func offersMustNameTheSchoolsOwnCriteria() throws {
        var fixture = CatalogFixture()
        let line = try schoolLine(fixture) { $0.contains(",looked after|siblings|distance,") }
        fixture.set("schools.csv", line: line, column: "offers_last_round", to: "looked after: 1|faith: 9|distance: many")
        let found = problems(fixture)
        #expect(found.contains(
            "catalog/schools.csv:\(line): offers_last_round: \"faith\" is not one of this school's oversubscription_criteria — add it to oversubscription_criteria, or correct the name"))
        #expect(found.contains(
            "catalog/schools.csv:\(line): offers_last_round: \"many\" is not a number of places from 0 to 2000 — write whole places, e.g. siblings: 24"))
    }

    /// Most cells are read straight from their bytes; the rest the long way, with messages. Both
    /// must read a cell the same.
    @Test func offersReadTheSameWhicheverWayTheyAreRead() throws {
        let cases: [(cell: String, offers: [Int]?, problem: String?)] = [
            ("looked after: 1|siblings: 20|distance: 39", [1, 20, 39], nil),
            ("  Distance :039 | LOOKED AFTER: 0 ||siblings:2000 ", [0, 2_000, 39], nil),
            ("looked after: +5", [5], nil),
            ("siblings: 2001", nil, "\"2001\" is not a number of places from 0 to 2000"),
            ("siblings: 1|siblings: 2", nil, "\"siblings\" is given twice"),
            ("siblings:", nil, "\"siblings:\" is not a criterion and a number of places"),
            ("siblings 4", nil, "\"siblings 4\" is not a criterion and a number of places"),
            ("sìblings: 4", nil, "\"sìblings: 4\" is not a criterion and a number of places"),
            ("distance: 12 3", nil, "\"12 3\" is not a number of places from 0 to 2000"),
        ]
        for (cell, offers, problem) in cases {
            var fixture = CatalogFixture()
            let line = try schoolLine(fixture) { $0.contains(",looked after|siblings|distance,") }
            fixture.set("schools.csv", line: line, column: "offers_last_round", to: cell)
            let found = problems(fixture).filter { $0.hasPrefix("catalog/schools.csv:\(line): offers_last_round:") }
            if let problem {
                #expect(found.contains { $0.contains(problem) }, "\(cell): \(found)")
            } else {
                #expect(found.isEmpty, "\(cell): \(found)")
                let loaded = try fixture.load()
                let id = fixture.cell("schools.csv", line: line, column: "id")
                let school = try #require(loaded.provider(id: id)?.school)
                #expect(school.arrangements.offersLastRound.map(\.places) == offers, "\(cell)")
            }
        }
    }

    /// Criteria too are read straight from their bytes when plain, the long way otherwise.
    @Test func criteriaReadTheSameWhicheverWayTheyAreRead() throws {
        let cases: [(cell: String, criteria: [String]?, problem: String?)] = [
            ("Looked After | siblings| feeder school ( S900012 ) |distance",
             ["looked after", "siblings", "feeder school: S900012", "distance"], nil),
            ("looked after||DISTANCE (as the crow flies)", ["looked after", "distance"], nil),
            ("looked after|feeder school ()|random allocation", ["looked after", "feeder school", "random allocation"], nil),
            ("looked after|feeder school (École Saint-Jean)", ["looked after", "feeder school: École Saint-Jean"], nil),
            ("lòoked after|distance", nil, "\"lòoked after\" is not a criterion Agora knows"),
            ("looked after|siblings|Siblings", nil, "\"siblings\" is listed twice"),
            ("looked after|(distance)", nil, "\"(distance)\" is not a criterion Agora knows"),
        ]
        for (cell, criteria, problem) in cases {
            var fixture = CatalogFixture()
            let line = try schoolLine(fixture) { $0.contains(",looked after|siblings|distance,") }
            fixture.set("schools.csv", line: line, column: "oversubscription_criteria", to: cell)
            fixture.set("schools.csv", line: line, column: "offers_last_round", to: "")
            let found = problems(fixture).filter { $0.hasPrefix("catalog/schools.csv:\(line): oversubscription_criteria:") }
            if let problem {
                #expect(found.contains { $0.contains(problem) }, "\(cell): \(found)")
            } else {
                #expect(found.isEmpty, "\(cell): \(found)")
                let loaded = try fixture.load()
                let id = fixture.cell("schools.csv", line: line, column: "id")
                let school = try #require(loaded.provider(id: id)?.school)
                let read = school.arrangements.criteria.map { criterion in
                    criterion.detail.map { "\(criterion.kind.label): \($0)" } ?? criterion.kind.label
                }
                #expect(read == criteria, "\(cell)")
            }
        }
    }

    @Test func schoolDayTimesAndOpenDays() throws {
        var fixture = CatalogFixture()
        let line = try schoolLine(fixture) { $0.contains(",08:") }
        fixture.set("schools.csv", line: line, column: "day_starts", to: "8.45")
        fixture.set("schools.csv", line: line, column: "open_days", to: "2026-10-03|3 Oct")
        let found = problems(fixture)
        #expect(found.contains("catalog/schools.csv:\(line): day_starts: \"8.45\" is not a time — use the 24-hour clock, HH:MM, e.g. 08:45"))
        #expect(found.contains("catalog/schools.csv:\(line): open_days: \"3 Oct\" is not a date — use YYYY-MM-DD, separated by |"))
        fixture.set("schools.csv", line: line, column: "day_starts", to: "16:00")
        fixture.set("schools.csv", line: line, column: "open_days", to: "")
        #expect(problems(fixture).contains { $0.hasPrefix("catalog/schools.csv:\(line): day_ends: ") && $0.contains("is not after day_starts 16:00") })
    }

    @Test func councilMustAllowAtLeastThreePreferences() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"primary\": 3", with: "\"primary\": 2")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/manifest.json:") && $0.hasSuffix(": admissions.preferences.primary: 2 is outside 3–12 — the law lets parents name at least 3 schools")
        })
    }

    @Test func resultsAveragesAreRangeChecked() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"scope\": \"england\", \"value\": 46.0", with: "\"scope\": \"england\", \"value\": 460")
        #expect(problems(fixture).contains { $0.contains("results_averages[2].value: is missing or outside 0–90.0") })
    }
}

@Suite("Bank holidays and working days")
struct BankHolidayTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(known: y, m, d) }

    @Test func englandAndWales2026() {
        #expect(BankHolidays.holidays(in: 2026) == [
            day(2026, 1, 1), day(2026, 4, 3), day(2026, 4, 6), day(2026, 5, 4), day(2026, 5, 25), day(2026, 8, 31),
            day(2026, 12, 25), day(2026, 12, 28),
        ])
    }

    @Test func weekdays() {
        #expect(day(2026, 3, 1).weekday == .sunday)
        #expect(day(2026, 11, 25).weekday == .wednesday)
        #expect(day(2026, 10, 31).weekday == .saturday)
    }

    @Test func nextWorkingDaySkipsWeekendsAndEaster() {
        #expect(BankHolidays.workingDay(onOrAfter: day(2026, 3, 1)) == day(2026, 3, 2))
        // 16 April 2022 was Easter Saturday; the Monday was a bank holiday.
        #expect(BankHolidays.workingDay(onOrAfter: day(2022, 4, 16)) == day(2022, 4, 19))
        #expect(BankHolidays.workingDay(onOrAfter: day(2027, 4, 16)) == day(2027, 4, 16))
        #expect(BankHolidays.easterSunday(2025) == day(2025, 4, 20))
        #expect(BankHolidays.holidays(in: 2022).contains(day(2022, 9, 19)))
    }
}
