import Foundation
import ChoiceKit

/// A child a parent is choosing schools for. Stored once, used by every answer about schools.
public struct ChildProfile: Hashable, Sendable {
    /// A name or nickname, unique among the parent's children.
    public var name: String
    public var dateOfBirth: CalendarDate
    /// A postcode in the catalog: distances are measured from it.
    public var homePostcode: String
    /// Catalog ids of schools where a brother or sister already is (and will still be).
    public var siblingSchoolIDs: [String]
    public var care: CareHistory
    /// The family's faith as schools write it ("Roman Catholic"), for faith criteria; optional.
    public var faith: String?
    /// The school named in the child's education, health and care plan, if any: it must admit them.
    public var ehcPlanSchoolID: String?
    /// Only used to leave out single-sex schools of the other sex; optional.
    public var sex: ChildSex?

    public init(name: String, dateOfBirth: CalendarDate, homePostcode: String, siblingSchoolIDs: [String] = [],
                care: CareHistory = .none, faith: String? = nil, ehcPlanSchoolID: String? = nil, sex: ChildSex? = nil) {
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.homePostcode = homePostcode
        self.siblingSchoolIDs = siblingSchoolIDs
        self.care = care
        self.faith = faith
        self.ehcPlanSchoolID = ehcPlanSchoolID
        self.sex = sex
    }

    public func hasSibling(at schoolID: String) -> Bool { siblingSchoolIDs.contains(schoolID) }

    public func sharesFaith(_ faith: String?) -> Bool {
        guard let mine = self.faith, let theirs = faith else { return false }
        return mine.lowercased() == theirs.lowercased()
    }
}

/// Whether the child is, or was, in the care of a council: such children come first in admissions.
public enum CareHistory: String, CaseIterable, Hashable, Sendable {
    case none
    case lookedAfter = "looked-after"
    /// Adopted, or under a child arrangements or special guardianship order, after being looked
    /// after — including children adopted from state care outside England.
    case previouslyLookedAfter = "previously-looked-after"

    public var label: String {
        switch self {
        case .none: return "no"
        case .lookedAfter: return "looked after"
        case .previouslyLookedAfter: return "previously looked after (including adopted from care, in England or abroad)"
        }
    }

    public var isLookedAfterOrWas: Bool { self != .none }
}

public enum ChildSex: String, CaseIterable, Hashable, Sendable {
    case boy, girl

    /// "boys", "girls".
    public var plural: String { self == .boy ? "boys" : "girls" }
}

extension SchoolDetails {
    /// "boys'" or "girls'" when this single-sex school does not admit a child of `sex` (nil when it
    /// does, or the sex is not given): the one place eligibility, chances and warnings ask.
    public func singleSexSchool(refusing sex: ChildSex?) -> String? {
        switch (gender, sex) {
        case (.boys, .girl?): return "boys'"
        case (.girls, .boy?): return "girls'"
        default: return nil
        }
    }
}

/// Why a profile cannot be kept, said so a parent can put it right.
public struct ProfileProblem: Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String

    public init(message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    /// `what is wrong — what to do`.
    public var description: String { "\(message) — \(fix)" }
}

/// Checks a profile against today's date and the catalog before it is stored.
public enum ChildProfileCheck {
    /// Above this age a child is past school age (the issue's "19 or older").
    public static let oldestAge = 18
    public static let longestName = 60

    public static func problems(_ profile: ChildProfile, today: CalendarDate, catalog: Catalog) -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        let name = profile.name
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(ProfileProblem(message: "the child's name is empty", fix: "give a name or nickname"))
        } else if name.unicodeScalars.contains(where: TextSafety.isControl) || name.count > longestName {
            problems.append(ProfileProblem(message: "the name \(MessageText.quoted(name)) is not plain text of at most \(longestName) characters",
                                           fix: "give a short name or nickname without control characters"))
        }
        if profile.dateOfBirth > today {
            problems.append(ProfileProblem(message: "the date of birth \(profile.dateOfBirth.iso) is in the future",
                                           fix: "give the child's date of birth as YYYY-MM-DD"))
        } else {
            let age = SchoolCalendar.age(bornOn: profile.dateOfBirth, on: today)
            if age > oldestAge {
                problems.append(ProfileProblem(message: "a child born on \(profile.dateOfBirth.iso) is \(age) today, past school age",
                                               fix: "give the date of birth of a child under 19"))
            }
        }
        if catalog.postcode(profile.homePostcode) == nil {
            problems.append(ProfileProblem(
                message: "unknown postcode \(MessageText.quoted(profile.homePostcode)): it is not in the \(catalog.manifest.area.name) catalog",
                fix: "use a postcode from the catalog, e.g. \(catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA")"))
        }
        for id in profile.siblingSchoolIDs where catalog.provider(id: id)?.school == nil {
            problems.append(ProfileProblem(message: "unknown school \(MessageText.quoted(id)) for a sibling",
                                           fix: "`agora list --kind school` shows the school ids"))
        }
        if let id = profile.ehcPlanSchoolID, catalog.provider(id: id)?.school == nil {
            problems.append(ProfileProblem(message: "unknown school \(MessageText.quoted(id)) for the EHC plan",
                                           fix: "`agora list --kind school` shows the school ids"))
        }
        if let faith = profile.faith, faith.unicodeScalars.contains(where: TextSafety.isControl) || faith.count > longestName {
            problems.append(ProfileProblem(message: "the faith \(MessageText.quoted(faith)) is not plain short text",
                                           fix: "write it as schools do, e.g. \"Roman Catholic\""))
        }
        return problems
    }
}
