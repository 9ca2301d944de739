import ChoiceKit
import SchoolChoice
import Testing

/// Each rule of the estimate, checked against the hand-written catalog.
@Suite("Admission chances")
struct ChanceTests {
    let catalog: Catalog

    init() throws { catalog = try HandCatalog.load() }

    private func chance(_ id: String, _ child: ChildProfile = HandCatalog.child(), entry: EntryPoint? = .reception) throws -> AdmissionChance {
        let provider = try #require(catalog.provider(id: id))
        let distance = HandCatalog.home.distance(to: provider.location)
        return ChanceEstimator.estimate(child: child, school: provider, distanceMetres: distance, entry: entry)
    }

    @Test("distance within last year's, beyond the margin, and within it")
    func distanceRules() throws {
        let near = try chance("S1")
        #expect(near.level == .likely)
        #expect(near.reason == "You live 640 m away; last year places went up to 1,180 m.")
        #expect(near.sentence == "Likely: You live 640 m away; last year places went up to 1,180 m. An estimate from last year's figures, not a promise.")
        #expect(try chance("S2").level == .unlikely)
        #expect(try chance("S2").reason == "You live 1,500 m away; last year places went up to 700 m.")
        #expect(try chance("S3").level == .possible)
        #expect(try chance("S8", HandCatalog.child()).level == .possible)
    }

    @Test func undersubscribedSchoolsAreLikely() throws {
        let quiet = try chance("S4")
        #expect(quiet.level == .likely)
        #expect(quiet.reason == "Last year every applicant was offered a place (30 applications for 60 places).")
    }

    @Test func lookedAfterChildrenComeFirst() throws {
        let child = HandCatalog.child(care: .previouslyLookedAfter)
        #expect(try chance("S2", child).level == .veryLikely)
        #expect(try chance("S2", child).reason == "Looked-after and previously looked-after children come first at this school.")
        let grammar = try chance("S12", child, entry: .year7)
        #expect(grammar.level == .notEnoughData)
        #expect(grammar.reason.contains("only among those who pass the entrance test"))
        #expect(try chance("S5", HandCatalog.child(care: .lookedAfter, faith: "Roman Catholic")).level == .veryLikely)
        let otherFaith = try chance("S5", HandCatalog.child(care: .lookedAfter))
        #expect(otherFaith.level == .veryLikely)
        #expect(otherFaith.reason == "Here children of the school's faith come first, then looked-after children of other faiths or none, and last year places were still left after them.")
    }

    @Test func anEHCPlanNamingTheSchoolMeansAPlace() throws {
        let named = try chance("S10", HandCatalog.child(ehc: "S10"))
        #expect(named.level == .veryLikely)
        #expect(named.reason == "Your child's EHC plan names this school, so the school must admit them.")
        #expect(try chance("S10").level == .notEnoughData)
    }

    @Test func siblingsBeforeDistance() throws {
        let sibling = try chance("S6", HandCatalog.child(siblingAt: ["S6"]))
        #expect(sibling.level == .veryLikely)
        #expect(sibling.reason == "Your child has a brother or sister here, and siblings come second here: last year 30 places were still left for later criteria.")
        #expect(try chance("S6").level == .unlikely)
    }

    @Test func faithWhereTheChildsFaithMeetsTheSchools() throws {
        let catholic = try chance("S5", HandCatalog.child(faith: "roman catholic"))
        #expect(catholic.level == .veryLikely)
        #expect(catholic.reason.hasPrefix("Your child's faith (Roman Catholic) is one of this school's criteria, and faith comes first here"))
        let other = try chance("S5")
        #expect(other.level == .unlikely)
        #expect(other.reason == "Last year every place went to children in earlier criteria, and none on distance.")
    }

    @Test func randomAllocationAndUncheckableCriteria() throws {
        #expect(try chance("S7", entry: .year7).level == .possible)
        #expect(try chance("S7", entry: .year7).reason.contains("random allocation"))
        let catchment = try chance("S8")
        #expect(catchment.reason == "You live 300 m away; last year places went up to 900 m; Agora cannot check the catchment criterion that comes first.")
    }

    @Test func olderCatalogsAndMissingData() throws {
        let old = try chance("S9")
        #expect(old.level == .likely)
        #expect(old.reason == "You live 500 m away; last year places went up to 800 m; the school's other criteria are not published.")
        #expect(try chance("S11").level == .notEnoughData)
        #expect(try chance("S5").level != .notEnoughData)
        #expect(try chance("S13", entry: .year7).level == .likely)
    }

    @Test func wrongEntryYearOrSex() throws {
        #expect(try chance("S1", entry: .year7).reason == "This school does not admit children into Year 7, so it has no places in this round.")
        #expect(try chance("S13", HandCatalog.child(sex: .boy), entry: .year7).reason == "This is a girls' school, so it does not admit boys.")
        #expect(try chance("S13", HandCatalog.child(sex: .boy), entry: .year7).level == .noPlace)
        #expect(try chance("S13", HandCatalog.child(sex: .boy), entry: .year7).sentence == "No place: This is a girls' school, so it does not admit boys.")
        #expect(try chance("S1", entry: .year7).level == .noPlace)
    }

    @Test("eligible schools: entry year, state-funded, sex, distance")
    func eligibility() throws {
        let child = HandCatalog.child(sex: .boy)
        let reception = try #require(SchoolFinder.eligibleSchools(for: child, in: catalog, options: EligibilityOptions(entry: .reception)))
        let ids = reception.map(\.provider.id)
        #expect(ids.first == "S8")
        #expect(!ids.contains("S10") && !ids.contains("S11") && !ids.contains("S7") && !ids.contains("S16"))
        #expect(ids.contains("S15"))
        let within = try #require(SchoolFinder.eligibleSchools(for: child, in: catalog, options: EligibilityOptions(entry: .reception, withinMetres: 700)))
        #expect(within.allSatisfy { $0.distanceMetres <= 700 })
        let withFees = try #require(SchoolFinder.eligibleSchools(for: child, in: catalog, options: EligibilityOptions(entry: .reception, includeIndependent: true)))
        #expect(withFees.contains { $0.provider.id == "S11" })
        let year7 = try #require(SchoolFinder.eligibleSchools(for: child, in: catalog, options: EligibilityOptions(entry: .year7)))
        #expect(!year7.contains { $0.provider.id == "S13" })
    }
}
