import ChoiceKit
import EmbeddedCatalog
import Market
import Testing

@Suite("Market shares and concentration")
struct MarketTests {
    static let catalog: Catalog = {
        do { return try Catalog.load(from: EmbeddedCatalog.source) } catch { fatalError("\(error)") }
    }()

    @Test func hhiAgainstHandComputedValues() {
        // Shares 50%, 30%, 20%: 2,500 + 900 + 400 = 3,800.
        #expect(MarketView.hhi([50, 30, 20], total: 100) == 3_800)
        // One firm: a monopoly.
        #expect(MarketView.hhi([7], total: 7) == 10_000)
        // Ten equal firms: 10 × 10² = 1,000.
        #expect(MarketView.hhi(Array(repeating: 3, count: 10), total: 30) == 1_000)
        // Thirds: 3 × 33.33…² = 3,333.3…, rounded once at the end.
        #expect(MarketView.hhi([1, 1, 1], total: 3) == 3_333)
        #expect(MarketView.hhi([], total: 0) == 0)
        #expect(MarketConcentration.level(hhi: 1_000) == .unconcentrated)
        #expect(MarketConcentration.level(hhi: 1_001) == .concentrated)
        #expect(MarketConcentration.level(hhi: 2_001) == .highlyConcentrated)
    }

    @Test("each service's market adds up", arguments: ["academy-schools", "older-peoples-care", "health", "waste", "probation", "employment"])
    func sharesAddUp(serviceID: String) throws {
        let service = try #require(Self.catalog.manifest.service(id: serviceID))
        for grouping in MarketView.Grouping.allCases {
            let view = MarketView.make(service: service, catalog: Self.catalog, grouping: grouping)
            #expect(view.shares.reduce(0) { $0 + $1.capacity } == view.totalCapacity)
            let tenths = view.shares.reduce(0) { $0 + $1.shareTenths }
            #expect(abs(tenths - 1_000) <= view.shares.count, "shares of \(serviceID) \(grouping) add to \(tenths) tenths")
            #expect(zip(view.shares, view.shares.dropFirst()).allSatisfy { $0.capacity >= $1.capacity }, "largest first")
            #expect((0...10_000).contains(view.hhi))
            #expect(view.reading.contains(view.capacity.noun) || view.totalCapacity == 0)
        }
    }

    @Test func careHomeBedsByOrganisationWithAPlainReading() throws {
        let service = try #require(Self.catalog.manifest.services.first { $0.kind == .care })
        let view = MarketView.make(service: service, catalog: Self.catalog, grouping: .group)
        #expect(view.capacity.noun == "care-home beds")
        let beds = Self.catalog.providers(of: .care).filter { $0.care?.isCareHome == true }.compactMap { $0.care?.beds }.reduce(0, +)
        #expect(view.totalCapacity == beds)
        let top = view.shares.prefix(3).reduce(0) { $0 + $1.capacity }
        #expect(view.topThreeShareTenths == MarketView.tenths(top, of: beds), "to the nearest tenth, as each row's share")
        #expect(view.reading.hasPrefix("Three organisations run"))
        #expect(view.notes.contains { $0.contains("home care hours are not published") })
        #expect(view.notes.contains { $0.contains("Competition and Markets Authority") })
    }

    /// 25,220 of 41,305 places is 61.06%: said as 61.1%, as the rows (27.6 + 20.1 + 13.4) add up.
    @Test func theHeadlineShareIsRoundedAsItsRowsAre() {
        #expect(MarketView.percent(MarketView.tenths(25_220, of: 41_305)) == "61.1%")
        #expect(MarketView.tenths(1, of: 2_000) == 1 && MarketView.tenths(1, of: 2_001) == 0)
        #expect(MarketView.tenths(5, of: 0) == 0)
    }

    @Test func aHandMadeMarket() {
        // Three groups with 60, 30 and 10 beds: top three 100%, HHI 3,600 + 900 + 100 = 4,600.
        #expect(MarketView.hhi([60, 30, 10], total: 100) == 4_600)
        #expect(MarketConcentration.level(hhi: 4_600).words == "a highly concentrated market")
    }

    @Test("a service is named as on the home page, singular or plural, or by its id", arguments: [
        ("schools", "academy-schools"), ("school", "academy-schools"), ("Schools", "academy-schools"), ("academy-schools", "academy-schools"),
        ("care", "older-peoples-care"), ("care for older people", "older-peoples-care"), ("care-home", "older-peoples-care"),
        ("gp", "health"), ("gps", "health"), ("GP practices", "health"), ("gp-practice", "health"), ("health", "health"),
        ("waste", "waste"), ("waste and recycling", "waste"), ("probation", "probation"),
        ("employment", "employment"), ("employment-support", "employment"),
    ])
    func serviceNames(typed: String, id: String) {
        #expect(Self.catalog.manifest.service(named: typed)?.id == id)
    }

    @Test func unknownServiceNamesAndTheWordsOffered() {
        for typed in ["fish", "", "  ", "other", "s"] { #expect(Self.catalog.manifest.service(named: typed) == nil, "\(typed)") }
        #expect(Self.catalog.manifest.serviceWords == "schools, care, waste, gp, probation or employment")
    }

    @Test func groupingsByTheScreensWords() {
        #expect(MarketView.Grouping(userText: "organisation") == .group)
        #expect(MarketView.Grouping(userText: "Organization") == .group)
        #expect(MarketView.Grouping(userText: "group") == .group)
        #expect(MarketView.Grouping(userText: "sector") == .sector)
        #expect(MarketView.Grouping(userText: "town") == nil)
        #expect(MarketView.Grouping.group.word == "organisation" && MarketView.Grouping.group.label == "by organisation")
    }
}
