import Testing
@testable import ChoiceKit
import EmbeddedCatalog

@Suite("Queries: search, filters, sorts, distance")
struct QueryTests {
    let catalog: Catalog

    init() throws { catalog = try Catalog.load(from: EmbeddedCatalog.source) }

    private func names(_ query: ProviderQuery) -> [String] { catalog.run(query).positions.map { catalog.providers[Int($0)].name } }

    @Test func searchIsCaseInsensitiveByTokenPrefix() throws {
        let target = try #require(catalog.providers.first { $0.name.hasPrefix("St ") && $0.name.contains("'s") })
        let words = target.name.split(separator: " ").map(String.init)
        let typed = "\(words[0].lowercased()) \(words[1].prefix(3).uppercased())"
        #expect(names(ProviderQuery(text: typed)).contains(target.name))
        // Apostrophes are ignored: "marys" finds "Mary's".
        let joined = words[1].replacingOccurrences(of: "'", with: "").lowercased()
        #expect(names(ProviderQuery(text: joined)).contains(target.name))
    }

    /// Every provider is found by each of the texts its search tokens come from.
    @Test func everyProviderIsFoundByItsOrganisationTownAndPostcode() {
        let search = catalog.index.search
        for (position, provider) in catalog.providers.enumerated() {
            for text in [provider.organisation, provider.town, provider.postcode, provider.name] where !TextFolding.tokens(text).isEmpty {
                #expect(search.matches(text)?.contains(Int32(position)) == true, "\(provider.id): \(text)")
            }
        }
        let shared = catalog.providers.filter { $0.town == catalog.providers.first?.town }
        #expect(shared.count > 1)
        #expect(search.matches(catalog.providers.first?.town ?? "")?.count ?? 0 >= shared.count)
    }

    @Test func everyQueryWordMustMatch() {
        let both = names(ProviderQuery(kind: .school, text: "primary kingsmere"))
        #expect(!both.isEmpty)
        for name in both {
            let provider = catalog.providers.first { $0.name == name }
            let text = [provider?.name, provider?.organisation, provider?.town].compactMap { $0 }.joined(separator: " ").lowercased()
            #expect(text.contains("primary") && text.contains("kingsmere"))
        }
        #expect(names(ProviderQuery(text: "zzzqqq")).isEmpty)
    }

    @Test func searchFindsPostcodesWithOrWithoutTheSpace() throws {
        let provider = catalog.providers[5]
        let spaced = names(ProviderQuery(text: provider.postcode.lowercased()))
        let compact = names(ProviderQuery(text: provider.postcode.replacingOccurrences(of: " ", with: "")))
        #expect(spaced.contains(provider.name))
        #expect(compact.contains(provider.name))
    }

    @Test func searchIgnoresAccents() {
        let catalog = SmallCatalog.make(names: ["Belvédère House", "Zoë Court", "Plain Lodge"])
        #expect(catalog.run(ProviderQuery(text: "belvedere")).count == 1)
        #expect(catalog.run(ProviderQuery(text: "BELVÉD")).count == 1)
        #expect(catalog.run(ProviderQuery(text: "zoe")).count == 1)
    }

    @Test func emptySearchMeansNoTextFilter() {
        #expect(catalog.run(ProviderQuery(kind: .gp, text: "  ")).count == catalog.count(of: .gp))
    }

    @Test func filtersByKindAndSubTypeAndSector() {
        var query = ProviderQuery(kind: .care)
        query.filters.subTypes = ["Home care"]
        let result = catalog.run(query)
        #expect(!result.isEmpty)
        #expect(result.positions.allSatisfy { catalog.providers[Int($0)].care?.mainService == .homeCare })
        query.filters.subTypes = []
        query.filters.sectors = [.publicSector]
        #expect(catalog.run(query).positions.allSatisfy { catalog.providers[Int($0)].sector == .publicSector })
    }

    @Test func filtersByMinimumCQCRating() {
        var query = ProviderQuery(kind: .care)
        query.filters.minimumCQC = .good
        let result = catalog.run(query)
        #expect(!result.isEmpty && result.count < catalog.count(of: .care))
        for position in result.positions {
            #expect((catalog.providers[Int(position)].care?.assessment.overall ?? .inadequate) >= .good)
        }
    }

    @Test func filtersSchoolsByOfstedFloorAcrossBothScales() {
        var query = ProviderQuery(kind: .school)
        query.filters.minimumOfsted = .expectedStandard
        for position in catalog.run(query).positions {
            switch catalog.providers[Int(position)].school?.inspection {
            case .reportCard(let card)?: #expect(card.lowestGrade.map { $0 >= .expectedStandard } == true && card.safeguardingMet)
            case .historical(let grade, _)?: #expect(grade >= .good)
            default: Issue.record("ungraded or uninspected school passed an Ofsted floor")
            }
        }
    }

    @Test func filtersByDistanceFromAPostcode() throws {
        let home = try #require(catalog.postcode("KM1 " + (catalog.manifest.postcodes.first { $0.postcode.hasPrefix("KM1 ") }?.postcode.suffix(3) ?? "")))
        var query = ProviderQuery(origin: home.location)
        query.filters.maximumDistanceMetres = 2_000
        let result = catalog.run(query)
        #expect(!result.isEmpty && result.count < catalog.providers.count)
        for position in result.positions {
            #expect(catalog.providers[Int(position)].location.distance(to: home.location) <= 2_000.5)
        }
        let outside = catalog.providers.indices.filter { !result.positions.contains(Int32($0)) }
        for index in outside { #expect(catalog.providers[index].location.distance(to: home.location) > 1_999.5) }
    }

    @Test func filtersCareByPaymentsFrameworkAndSpecialism() {
        var query = ProviderQuery(kind: .care)
        query.filters.acceptsDirectPaymentsOnly = true
        query.filters.onCouncilFrameworkOnly = true
        query.filters.specialisms = [.dementia]
        let result = catalog.run(query)
        #expect(!result.isEmpty)
        for position in result.positions {
            let care = catalog.providers[Int(position)].care
            #expect(care?.acceptsDirectPayments == true && care?.onCouncilFramework == true && care?.specialisms.contains(.dementia) == true)
        }
    }

    @Test func filtersGPsByAcceptingAndSchoolsByPhaseGenderFaithAndAge() {
        var gp = ProviderQuery(kind: .gp)
        gp.filters.acceptingNewPatientsOnly = true
        #expect(catalog.run(gp).positions.allSatisfy { catalog.providers[Int($0)].gp?.acceptingNewPatients == true })
        var school = ProviderQuery(kind: .school)
        school.filters.phases = [.primary]
        school.filters.childAge = 4
        school.filters.faith = .faithSchoolsOnly
        school.filters.genders = [.mixed]
        let result = catalog.run(school)
        #expect(!result.isEmpty)
        for position in result.positions {
            let details = catalog.providers[Int(position)].school
            #expect(details?.phase == .primary && details?.isFaithSchool == true && details?.statutoryAges.contains(4) == true)
        }
    }

    @Test func schoolOnlyFiltersExcludeOtherKinds() {
        var query = ProviderQuery()
        query.filters.phases = [.secondary]
        #expect(catalog.run(query).positions.allSatisfy { catalog.providers[Int($0)].kind == .school })
    }

    @Test func sortsByNameBothWays() {
        let ascending = names(ProviderQuery(kind: .gp, sort: SortOrder(field: .name)))
        #expect(ascending == ascending.sorted { $0.lowercased() < $1.lowercased() })
        #expect(names(ProviderQuery(kind: .gp, sort: SortOrder(field: .name, ascending: false))) == ascending.reversed())
    }

    /// The loader makes each name's order keys as it reads the rows; the index built from them is
    /// the one built by keying every name afterwards, namesakes included.
    @Test func nameOrderFromKeysMadeWhileReadingIsTheSame() {
        var providers = Array(catalog.providers)
        // Namesakes and names alike in their first sixteen bytes, in two tables' worth of order.
        if let first = providers.first {
            providers.append(Provider(id: "twin-1", name: first.name, sector: first.sector, organisation: "", commissionerID: first.commissionerID,
                                      address: "", town: "", postcode: first.postcode, location: first.location, phone: nil,
                                      website: nil, details: first.details))
            providers.append(Provider(id: "twin-2", name: first.name + " Annexe", sector: first.sector, organisation: "",
                                      commissionerID: first.commissionerID, address: "", town: "", postcode: first.postcode,
                                      location: first.location, phone: nil, website: nil, details: first.details))
        }
        let keyed = CatalogIndex(providers: providers, postcodes: [], nameKeys: NameKeys(providers.map(\.name)))
        let unkeyed = CatalogIndex(providers: providers, postcodes: [])
        #expect(keyed.nameRank == unkeyed.nameRank)
        #expect(keyed.stored.namesakes == unkeyed.stored.namesakes)
        #expect(keyed.hasNamesake(0) && keyed.hasNamesake(providers.count - 2))
        #expect(catalog.index.nameRank == CatalogIndex(providers: Array(catalog.providers), postcodes: []).nameRank)
        // Keys for other providers than these are not used.
        let wrong = CatalogIndex(providers: providers, postcodes: [], nameKeys: NameKeys(["only one"]))
        #expect(wrong.nameRank == unkeyed.nameRank)
    }

    @Test func sortsByDistanceNearestFirst() throws {
        let home = try #require(catalog.manifest.postcodes.last)
        let result = catalog.run(ProviderQuery(kind: .school, origin: home.location, sort: SortOrder(field: .distance)))
        let distances = result.positions.map { catalog.distance(from: home.location, toProviderAt: Int($0)) }
        #expect(distances == distances.sorted())
    }

    @Test func sortsByRatingBestFirstWithUnratedLast() {
        let result = catalog.run(ProviderQuery(kind: .care, sort: SortOrder(field: .rating)))
        let keys = result.positions.map { RatingOrder.key(for: catalog.providers[Int($0)]) }
        let rated = keys.prefix { $0 != nil }.compactMap { $0 }
        #expect(rated == rated.sorted(by: >))
        #expect(keys.drop { $0 != nil }.allSatisfy { $0 == nil })
        // Reversed: worst first, still unrated last.
        let reversed = catalog.run(ProviderQuery(kind: .care, sort: SortOrder(field: .rating).reversed))
        let reversedKeys = reversed.positions.map { RatingOrder.key(for: catalog.providers[Int($0)]) }
        #expect(reversedKeys.prefix { $0 != nil }.compactMap { $0 } == rated.sorted())
        #expect(reversedKeys.last == .some(nil))
    }

    @Test func sortsByTheCostOfAWeekCheapestFirst() {
        let result = catalog.run(ProviderQuery(kind: .care, sort: SortOrder(field: .cost)))
        let weekly = result.positions.compactMap { catalog.providers[Int($0)].care.flatMap(WeeklyCost.of) }
        #expect(!weekly.isEmpty && weekly == weekly.sorted())
        // Unpriced services come last.
        let last = result.positions.last.map { catalog.providers[Int($0)].care?.selfFunderPrice }
        #expect(last == .some(nil) || weekly.count == result.positions.count)
    }

    @Test func sortsByKS2AndAttainment8SeparatelyBestFirst() {
        let ks2 = catalog.run(ProviderQuery(kind: .school, sort: SortOrder(field: .ks2)))
        let ks2Keys = ks2.positions.map { catalog.providers[Int($0)].school?.ks2ExpectedStandard?.tenths }
        let present = ks2Keys.prefix { $0 != nil }.compactMap { $0 }
        #expect(!present.isEmpty && present == present.sorted(by: >))
        #expect(ks2Keys.dropFirst(present.count).allSatisfy { $0 == nil })
        let a8 = catalog.run(ProviderQuery(kind: .school, sort: SortOrder(field: .attainment8)))
        let a8Keys = a8.positions.map { catalog.providers[Int($0)].school?.ks4Attainment8?.tenths }
        let scored = a8Keys.prefix { $0 != nil }.compactMap { $0 }
        #expect(!scored.isEmpty && scored == scored.sorted(by: >))
        #expect(a8Keys.dropFirst(scored.count).allSatisfy { $0 == nil })
    }

    @Test func straightLineDistance() {
        // Leicester clock tower to Nottingham Council House is about 37.9 km.
        let leicester = GeoPoint(latitude: 52.63600, longitude: -1.13300)
        let nottingham = GeoPoint(latitude: 52.95300, longitude: -1.14970)
        #expect(abs(leicester.distance(to: nottingham) - 35_270) < 200)
        #expect(leicester.distance(to: leicester) == 0)
        let chord = leicester.unitVector.chordSquared(to: nottingham.unitVector)
        #expect(abs(UnitVector.metres(chordSquared: chord) - leicester.distance(to: nottingham)) < 0.5)
        #expect(DistanceText.format(metres: 742) == "740 m")
        #expect(DistanceText.format(metres: 1_450) == "1.5 km")
    }
}

/// A catalog built in memory from a few names, for search edge cases.
enum SmallCatalog {
    static func make(names: [String]) -> Catalog {
        var fixture = CatalogFixture(seed: 11, providers: 20)
        for (offset, name) in names.enumerated() { fixture.set("care.csv", line: offset + 2, column: "name", to: name) }
        return (try? fixture.load()) ?? { fatalError("fixture did not load") }()
    }
}

import Foundation
