@testable import ChoiceKit
import Testing

@Suite("Council policies in the manifest")
struct CouncilPolicyTests {
    func messages(_ fixture: CatalogFixture) -> [String] { fixture.check().problems.map(\.description) }

    func line(of needle: String, in fixture: CatalogFixture) -> Int? {
        let lines = (fixture.files["manifest.json"] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test func generatedCatalogPublishesThemAndTheyRoundTrip() throws {
        let catalog = try CatalogFixture().load()
        let policies = try #require(catalog.manifest.councilPolicies)
        #expect(catalog.manifest.formatVersion == 3)
        #expect(policies.paymentIntervalWeeks == 4 && policies.contingencyWeeks == 8)
        #expect(policies.directPaymentsMayBuyCouncilServices == false)
        #expect(policies.standardDisabilityRelatedExpenditure == Money(pounds: 20))
        #expect(policies.charging.isEmpty)
        #expect(ManifestWriter.json(catalog.manifest) == CatalogFixture().files["manifest.json"])
    }

    @Test func olderCatalogsStillLoadWithPoliciesNotPublished() throws {
        var fixture = CatalogFixture()
        let text = fixture.files["manifest.json"] ?? ""
        let start = try #require(text.range(of: "  \"council_policies\": {"))
        let end = try #require(text.range(of: "  \"postcodes\":"))
        fixture.files["manifest.json"] = String(text[..<start.lowerBound] + text[end.lowerBound...])
        fixture.replaceText("manifest.json", "\"format_version\": 3", with: "\"format_version\": 2")
        let catalog = try fixture.load()
        #expect(catalog.manifest.formatVersion == 2 && catalog.manifest.councilPolicies == nil)
        #expect(fixture.check().problems.isEmpty)
    }

    @Test func policiesInAnOlderCatalogAreIgnoredWithAWarning() throws {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"format_version\": 3", with: "\"format_version\": 2")
        let catalog = try fixture.load()
        #expect(catalog.manifest.councilPolicies == nil)
        #expect(messages(fixture).contains { $0.contains("council_policies: warning: needs format version 3") })
    }

    @Test func newerVersionsAskForANewerAgora() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"format_version\": 3", with: "\"format_version\": 4")
        #expect(messages(fixture).contains { $0.contains("format_version: version 4 is not one this Agora reads — update Agora") })
    }

    @Test("bad policies are reported with file, line and field", arguments: [
        ("\"payment_interval_weeks\": 4", "\"payment_interval_weeks\": 4.5", "council_policies.payment_interval_weeks: 4.5 is not a whole number of weeks from 1 to 13"),
        ("\"contingency_weeks\": 8", "\"contingency_weeks\": 99", "council_policies.contingency_weeks: 99 is not a whole number of weeks from 0 to 52"),
        ("\"direct_payments_may_buy_council_services\": false", "\"direct_payments_may_buy_council_services\": 0", "council_policies.direct_payments_may_buy_council_services: is not true or false"),
        ("\"standard_dre_weekly\": \"20.00\"", "\"standard_dre_weekly\": \"20.005\"", "council_policies.standard_dre_weekly: \"20.005\" has more than two digits of pence"),
        ("\"standard_dre_weekly\": \"20.00\"", "\"standard_dre_weekly\": 20", "council_policies.standard_dre_weekly: is not written as a string"),
        ("\"council\": \"council\", \"as_of\"", "\"council\": \"parish\", \"as_of\"", "council_policies.council: \"parish\" is not a commissioner"),
        ("\"as_of\": \"2026-04-01\", \"url\"", "\"as_of\": \"April\", \"url\"", "council_policies.as_of: \"April\" is not a date"),
        ("\"url\": \"\",\n    \"payment", "\"url\": \"\\u001b]2;x\",\n    \"payment", "council_policies.url: contains a control character (U+001B)"),
        ("\"lower_capital_limit\": null", "\"lower_capital_limit\": \"30000\"", "council_policies.charging: gives figures without saying which year"),
    ])
    func badPolicy(old: String, new: String, message: String) throws {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", old, with: new)
        let lineNumber = try #require(line(of: new.components(separatedBy: "\n")[0], in: fixture))
        let found = messages(fixture).first { $0.contains(message) }
        #expect(found != nil, "no message containing \(message) in \(messages(fixture))")
        #expect(found?.hasPrefix("catalog/manifest.json:") == true)
        #expect(found?.hasPrefix("catalog/manifest.json:\(lineNumber):") == true)
    }

    @Test func councilChargingFiguresAreRead() throws {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"year\": null", with: "\"year\": \"2026/27\"")
        fixture.replaceText("manifest.json", "\"minimum_income_pension_age\": null", with: "\"minimum_income_pension_age\": \"240.00\"")
        let catalog = try fixture.load()
        #expect(catalog.manifest.councilPolicies?.charging.minimumIncomePensionAge == Money(pounds: 240))
        #expect(catalog.manifest.councilPolicies?.charging.year == "2026/27")
    }
}
