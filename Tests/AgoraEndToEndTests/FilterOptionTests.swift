@testable import AgoraUI
import ChoiceKit
import Foundation
import Testing
@testable import agora

/// Each `agora list` filter option against the library query it must give, and the full-screen
/// panel and the command line offering the same filters from one table.
@Suite("agora list filters")
struct FilterOptionTests {
    private static let catalog: Catalog? = try? GlobalOptions.parse([]).loadCatalog().catalog

    private func query(_ arguments: [String]) throws -> ProviderQuery {
        // A data directory that does not exist: no saved home to measure from.
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("agora-no-data-\(UUID().uuidString)").path
        let command = try ListCommand.parse(arguments + ["--data-dir", nowhere])
        let catalog = try #require(Self.catalog)
        return try command.query(kind: try command.providerKind(), in: catalog)
    }

    private static func filters(_ change: (inout ProviderFilters) -> Void) -> ProviderFilters {
        var filters = ProviderFilters()
        change(&filters)
        return filters
    }

    /// One case per filter, as the option is typed and as the library takes it.
    static let cases: [(filter: ProviderFilter, arguments: [String], expected: ProviderFilters)] = [
        (.within, ["--kind", "gp", "--near", "KM1 9UY", "--within", "2"], filters { $0.maximumDistanceMetres = 2_000 }),
        (.ofstedAtLeast, ["--kind", "school", "--ofsted-at-least", "Strong standard"], filters { $0.minimumOfsted = .strongStandard }),
        (.phase, ["--kind", "school", "--phase", "primary,all-through"], filters { $0.phases = [.primary, .allThrough] }),
        (.age, ["--kind", "school", "--age", "11"], filters { $0.childAge = 11 }),
        (.gender, ["--kind", "school", "--gender", "girls", "--gender", "mixed"], filters { $0.genders = [.girls, .mixed] }),
        (.faith, ["--kind", "school", "--faith", "no-religious-character"], filters { $0.faith = .noReligiousCharacter }),
        (.cqcAtLeast, ["--kind", "care", "--cqc-at-least", "good"], filters { $0.minimumCQC = .good }),
        (.directPayments, ["--kind", "care", "--direct-payments"], filters { $0.acceptsDirectPaymentsOnly = true }),
        (.councilList, ["--kind", "care", "--council-list"], filters { $0.onCouncilFrameworkOnly = true }),
        (.vacancies, ["--kind", "care", "--vacancies"], filters { $0.withVacanciesOnly = true }),
        (.specialism, ["--kind", "care", "--specialism", "dementia,End of life care"], filters { $0.specialisms = [.dementia, .endOfLifeCare] }),
        (.takingNewPatients, ["--kind", "gp", "--taking-new-patients"], filters { $0.acceptingNewPatientsOnly = true }),
        (.coversHome, ["--kind", "gp", "--near", "KM1 9UY", "--covers-home"], filters { $0.coversHomeOnly = true }),
        (.type, ["--kind", "care", "--type", "home-care", "--type", "Day centre"], filters { $0.subTypes = ["Home care", "Day centre"] }),
        (.sector, ["--kind", "other", "--sector", "public,voluntary-or-charity"], filters { $0.sectors = [.publicSector, .voluntaryOrCharity] }),
        (.faithDenomination, ["--kind", "school", "--faith-denomination", "roman-catholic,Church of England"],
         filters { $0.religiousCharacters = ["Roman Catholic", "Church of England"] }),
        (.organisation, ["--kind", "care", "--organisation", "Harbourside Homes Group Ltd", "--organisation", "meadowbank care group plc"],
         filters { $0.organisations = ["Harbourside Homes Group Ltd", "Meadowbank Care Group plc"] }),
    ]

    @Test func everyFilterHasACase() {
        #expect(Set(Self.cases.map(\.filter)) == Set(ProviderFilter.allCases))
    }

    @Test("each option gives its library filter", arguments: cases.indices)
    func optionGivesLibraryFilter(index: Int) throws {
        let example = Self.cases[index]
        let query = try query(example.arguments)
        #expect(query.filters == example.expected, "\(example.arguments)")
        let catalog = try #require(Self.catalog)
        var direct = ProviderQuery(kind: query.kind, filters: example.expected, origin: query.origin)
        direct.sort = query.sort
        #expect(catalog.run(query) == catalog.run(direct))
    }

    @Test func thePanelAndTheCommandLineOfferTheSameFilters() throws {
        let help = ListCommand.helpMessage(columns: 200)
        for kind in ProviderKind.allCases {
            let vocabulary = FilterVocabulary(catalog: try #require(Self.catalog))
            let panelFilters = Set(FilterPanel.controls(for: kind, vocabulary: vocabulary).compactMap(\.filter))
            #expect(panelFilters == Set(ProviderFilter.available(for: kind)), "\(kind)")
        }
        for filter in ProviderFilter.allCases { #expect(help.contains(filter.option), "\(filter.option) missing from agora list") }
    }

    @Test("a filter that does not fit, or an unknown value, is refused with what fits", arguments: [
        (["--kind", "gp", "--vacancies"], "--vacancies is a filter for care for older people, not GP practices — for GP practices use --within, "),
        (["--kind", "care", "--specialism", "flying"], "unknown --specialism \"flying\" for care for older people — use dementia, "),
        (["--kind", "school", "--age", "40"], "unknown --age \"40\" for schools — use any, 2, 3, "),
        (["--kind", "school", "--faith", "yes,no"], "--faith takes one value, not 2 — "),
        (["--kind", "gp", "--covers-home"], "--covers-home has no home to check — add --near POSTCODE, or set your home in the full-screen program (h)"),
        (["--kind", "gp", "--organisation", "Acme"], "unknown --organisation \"Acme\" for GP practices — use \"Kingsmere Community Health NHS Trust\", "),
        (["--kind", "school", "--faith-denomination", "Jedi"], "unknown --faith-denomination \"Jedi\" for schools — use \"Church of England\", \"Roman Catholic\""),
        (["--kind", "care", "--faith-denomination", "Roman Catholic"], "--faith-denomination is a filter for schools, not care for older people — "),
        (["--kind", "care", "--sort", "ks2"], "--sort ks2 does not apply to care for older people: it compares schools only"),
    ])
    func refusals(arguments: [String], message: String) throws {
        #expect(throws: Failure.self) { try query(arguments) }
        do {
            _ = try query(arguments)
        } catch let failure as Failure {
            #expect(failure.status == 2)
            #expect(failure.description.hasPrefix(message), "\(failure.description)")
        }
    }

    @Test func organisationAndFaithKeepOnlyTheirProviders() throws {
        let catalog = try #require(Self.catalog)
        let trust = catalog.run(try query(["--kind", "school", "--organisation", "Ivyley Schools Trust"]))
        #expect(trust.count == catalog.providers(of: .school).filter { $0.organisation == "Ivyley Schools Trust" }.count)
        #expect(trust.count > 0)
        #expect(trust.positions.allSatisfy { catalog.providers[Int($0)].organisation == "Ivyley Schools Trust" })
        let catholic = catalog.run(try query(["--kind", "school", "--faith-denomination", "Roman Catholic"]))
        #expect(catholic.count == catalog.providers(of: .school).filter { $0.school?.religiousCharacter == "Roman Catholic" }.count)
        #expect(catholic.count > 0)
        let json = try AgoraBinary.run(["list", "--kind", "school", "--faith-denomination", "roman-catholic", "--fields", "id", "--format", "csv"])
        #expect(json.status == 0)
        #expect(json.stdout.split(separator: "\n").count == catholic.count + 1)
    }

    @Test func thePanelTicksEachOrganisationAndFaithOfTheCatalog() throws {
        let catalog = try #require(Self.catalog)
        let controls = FilterPanel.controls(for: .school, vocabulary: FilterVocabulary(catalog: catalog))
        #expect(controls.contains(.faithDenomination("Roman Catholic")))
        #expect(controls.contains(.organisation("Ivyley Schools Trust")))
        #expect(controls.contains(.heading("Which faith")))
        var filters = ProviderFilters()
        FilterPanel.change(.organisation("Ivyley Schools Trust"), &filters, step: 0)
        #expect(filters.organisations == ["Ivyley Schools Trust"])
        #expect(FilterPanel.describe(.organisation("Ivyley Schools Trust"), filters, homeSet: false) == ("Ivyley Schools Trust", "[x]"))
    }

    @Test func noResultsNameTheFiltersThatExcludedEverything() throws {
        let catalog = try #require(Self.catalog)
        let query = try query(["--kind", "care", "--vacancies", "--type", "home-care"])
        #expect(catalog.run(query).isEmpty)
        let sentence = NoResultsText.sentence(NoResultsExplanation(query: query, in: catalog), query: query, kind: .care)
        #expect(sentence.hasPrefix("Nothing matches --vacancies and --type home-care: without --vacancies, "))
        let run = try AgoraBinary.run(["list", "--kind", "care", "--vacancies", "--type", "home-care"])
        #expect(run.status == 0 && run.stdout.contains(sentence))
    }
}
