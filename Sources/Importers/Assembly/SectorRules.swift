import ChoiceKit

/// Who runs a provider, worked out from what the national files say, since none of them says it
/// outright. The report tells the person so. The rules are Agora's, kept simple and stated:
///
/// - schools: academies and free schools are run by academy trusts, which are charities; schools
///   the council maintains are public; non-maintained special schools are run by charities;
///   independent schools by their proprietor (a charity when its name says trust, charity or
///   foundation, else a private business);
/// - care: a council or NHS body is public, a community interest company a social enterprise, a
///   name saying charity, trust, society, association or foundation a charity; any other provider
///   is private, a large group when it runs `largeGroupLocations` or more locations nationally;
/// - GP practices: partnerships of GPs (small private businesses contracted to the NHS), unless
///   the name says NHS.
enum SectorRules {
    static let largeGroupLocations = 10

    /// Whether `school(_:proprietor:)` looks at the proprietor for this funding.
    static func schoolSectorReadsProprietor(_ funding: SchoolFunding) -> Bool {
        funding == .independent || funding == .independentSpecial
    }

    static func school(_ funding: SchoolFunding, proprietor: String) -> Sector {
        switch funding {
        case .academy, .nonMaintainedSpecial: return .voluntaryOrCharity
        case .maintained: return .publicSector
        case .independent, .independentSpecial:
            return hasWord(proprietor, ["trust", "charity", "charitable", "foundation"]) ? .voluntaryOrCharity : .privateSmallOrMedium
        }
    }

    static func care(providerName: String, locations: Int) -> Sector {
        if hasWord(providerName, ["council", "nhs", "borough", "county"]) { return .publicSector }
        if hasWord(providerName, ["cic", "c.i.c."]) || providerName.lowercased().contains("community interest company") {
            return .socialEnterprise
        }
        if hasWord(providerName, ["charity", "charitable", "trust", "society", "association", "foundation"]) {
            return .voluntaryOrCharity
        }
        return locations >= largeGroupLocations ? .privateLargeGroup : .privateSmallOrMedium
    }

    static func practice(name: String) -> Sector {
        hasWord(name, ["nhs"]) ? .publicSector : .privateSmallOrMedium
    }

    /// Whether `text` has one of `words` as a whole word, whatever the case.
    static func hasWord(_ text: String, _ words: Set<String>) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "." }).contains { words.contains(String($0)) }
    }
}
