import ChoiceKit

/// The public bodies imported providers name as who pays, and the services they buy. Ids are
/// stable (`dfe`, `la-kingsmere`, `nhs-qk1`), so importing again names the same ones.
struct Commissioners {
    private(set) var used: [String: Manifest.Commissioner] = [:]

    static let dfe = Manifest.Commissioner(
        id: "dfe", name: "Department for Education", type: "Central government department",
        role: "Funds academies and free schools through funding agreements with academy trusts.")
    static let families = Manifest.Commissioner(
        id: "families", name: "Families paying fees", type: "Private payment",
        role: "Independent schools are paid for by fees, not by a public body.")

    mutating func use(_ commissioner: Manifest.Commissioner) -> String {
        used[commissioner.id] = commissioner
        return commissioner.id
    }

    /// The council of a local authority, by the name the file gives it.
    mutating func council(_ name: String) -> String {
        // Thousands of rows name the same few councils.
        if let id = councilIDs[name] { return id }
        let id = newCouncil(name)
        councilIDs[name] = id
        return id
    }

    private var councilIDs: [String: String] = [:]

    /// The id `council(name)` gives, worked out on any thread.
    static func councilID(_ name: String) -> String {
        "la-" + (name.isEmpty ? "unknown" : slug(name))
    }

    /// The id of the body that pays for a school of this funding (see `school(_:authority:)`).
    static func schoolID(_ funding: SchoolFunding, authority: String) -> String {
        switch funding {
        case .academy: return dfe.id
        case .maintained, .nonMaintainedSpecial, .independentSpecial: return councilID(authority)
        case .independent: return families.id
        }
    }

    /// Notes the body that pays for a school of this funding as used; its id.
    mutating func school(_ funding: SchoolFunding, authority: String) -> String {
        switch funding {
        case .academy: return use(Self.dfe)
        case .maintained, .nonMaintainedSpecial, .independentSpecial: return council(authority)
        case .independent: return use(Self.families)
        }
    }

    private mutating func newCouncil(_ name: String) -> String {
        let shown = name.isEmpty ? "Local authority (not given in the file)" : "\(name) (local authority)"
        return use(Manifest.Commissioner(
            id: Self.councilID(name), name: shown, type: "Local authority",
            role: "Maintains community and voluntary schools, coordinates school admissions, and assesses needs for adult social care and pays for the care of those who qualify."))
    }

    /// The NHS body epraccur names by its ODS code.
    mutating func nhs(_ code: String) -> String {
        let known = !code.isEmpty
        return use(Manifest.Commissioner(
            id: "nhs-" + (known ? Self.slug(code) : "unknown"), name: known ? "NHS commissioner \(code)" : "NHS commissioner (not given in the file)",
            type: "NHS integrated care board",
            role: "Commissions GP practices under NHS contracts; epraccur names it by its ODS code. Integrated care boards replaced clinical commissioning groups in July 2022 and are merging in clusters from April 2026."))
    }

    /// `Kingsmere upon Avon` → `kingsmere-upon-avon`.
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "unnamed" : out
    }

    /// The three services imports fill, with who buys them and how a citizen has a say, in words
    /// true anywhere in England.
    static func service(for kind: ProviderKind, commissioners: [String]) -> Manifest.Service? {
        switch kind {
        case .school:
            return Manifest.Service(
                id: "academy-schools", name: "Schools", kind: .school, commissionerIDs: commissioners,
                whoBuys: "The Department for Education funds academies and free schools through academy trusts; the council funds the schools it maintains and runs admissions for all of them. Independent schools charge fees.",
                citizenSay: "You choose: list your preferred schools on the council's application. The law requires councils to let you name at least three. Offers come on 1 March (secondary) and 16 April (primary), or the next working day.",
                citizensChoose: true)
        case .care:
            return Manifest.Service(
                id: "older-peoples-care", name: "Care for older people", kind: .care, commissionerIDs: commissioners,
                whoBuys: "The council assesses needs and pays for the care of people who qualify; the NHS pays for nursing care. People with savings above the upper capital limit pay for themselves.",
                citizenSay: "You choose: with a personal budget, take a direct payment and pick any provider, or let the council buy from its approved list. Self-funders choose freely.",
                citizensChoose: true)
        case .gp:
            return Manifest.Service(
                id: "health", name: "GP practices", kind: .gp, commissionerIDs: commissioners,
                whoBuys: "The integrated care board commissions GP practices under NHS contracts; most are partnerships of GPs, some are run by companies, social enterprises or NHS trusts.",
                citizenSay: "You choose which practice to join. A practice with an open list can refuse you only on reasonable grounds, such as living outside its area.",
                citizensChoose: true)
        case .other:
            return nil
        }
    }
}
