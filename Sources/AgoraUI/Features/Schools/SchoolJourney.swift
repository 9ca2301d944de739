import ChoiceKit
import SchoolChoice

/// A saved child with what the parent chose for them, as the store keeps it.
public struct SavedChild: Hashable, Sendable {
    public var profile: ChildProfile
    /// Schools marked to compare, in the order they were marked.
    public var marked: [String]
    /// The ranked preference list, first preference first.
    public var preferences: [String]
    /// Nil until the parent changes one: every priority then weighs the standard 3.
    public var priorities: ParentPriorities?

    public init(profile: ChildProfile, marked: [String] = [], preferences: [String] = [], priorities: ParentPriorities? = nil) {
        self.profile = profile
        self.marked = marked
        self.preferences = preferences
        self.priorities = priorities
    }

    public var name: String { profile.name }
    public var weights: ParentPriorities { priorities ?? ParentPriorities() }

    func isNamed(_ other: String) -> Bool { name.lowercased() == other.lowercased() }
}

/// A change to what is kept for a child; the runtime carries it out against the store.
public enum SchoolRequest: Hashable, Sendable {
    case addChild(ChildProfile)
    case updateChild(previousName: String, ChildProfile)
    case removeChild(name: String)
    case setMarked(child: String, [String])
    case setPriorities(child: String, ParentPriorities)
    case setPreferences(child: String, [String])
}

/// The saved children as read from the store, or why they could not be read.
public enum ChildrenLoad: Hashable, Sendable {
    case loaded([SavedChild])
    case unreadable(String)
}

extension AppContext {
    /// Asks the runtime to read the saved children again; the answer comes as `.childrenLoaded`.
    mutating func loadChildren() { commands.append(.effect(.loadChildren)) }
}

/// What the pages of one child share: the child as saved, its own writes not yet confirmed (with
/// what to put back if one fails), and whether the child has gone from the store.
struct ChildLink: Hashable, Sendable {
    var child: SavedChild
    private(set) var undo: [RequestID: SavedChild] = [:]
    private(set) var isGone = false

    init(_ child: SavedChild) { self.child = child }

    /// Changes the child in memory at once and asks the store to keep it; the saved children are
    /// read again afterwards, so every open page follows.
    mutating func save(_ updated: SavedChild, _ request: SchoolRequest, what: String, in context: inout AppContext) {
        let previous = child
        child = updated
        let id = context.write(.school(request), undo: .byFeature, what: what)
        undo[id] = previous
        context.loadChildren()
    }

    func isPending(in context: AppContext) -> Bool { undo.keys.contains { context.pending[$0] != nil } }

    /// True when the child shown changed.
    @discardableResult
    mutating func receive(_ outcome: Outcome) -> Bool {
        switch outcome {
        case .saved(let id):
            undo[id] = nil
        case .failed(let id, _):
            guard let previous = undo.removeValue(forKey: id) else { return false }
            child = previous
            return true
        case .childrenLoaded(.loaded(let children)):
            // A reload while our own change is unconfirmed would show the old value: wait for it.
            guard undo.isEmpty else { return false }
            guard let fresh = children.first(where: { $0.isNamed(child.name) }) else {
                isGone = true
                return true
            }
            isGone = false
            if fresh != child {
                child = fresh
                return true
            }
        default:
            break
        }
        return false
    }
}

/// What follows from a child and today: the round, the entry point and how many schools may be named.
struct ChildFacts {
    let child: SavedChild
    let summary: ChildSummary
    let allowed: Int

    init(_ child: SavedChild, _ context: AppContext) {
        self.child = child
        let council = context.catalog.manifest.admissions
        summary = ChildSummary(child: child.profile, today: context.today, council: council)
        allowed = summary.round.map { PreferenceReview.allowed(for: $0, council: council) } ?? AdmissionsFacts.minimumPreferences.value
    }

    var round: AdmissionsRound? { summary.round }
    var name: String { child.name }

    /// "Reception places for September 2027", or why there is none.
    var roundTitle: String { round?.title ?? "no school entry point ahead" }

    func eligible(_ context: AppContext, withinMetres: Double? = nil, includeIndependent: Bool = false) -> [EligibleSchool] {
        guard let entry = round?.entry else { return [] }
        let options = EligibilityOptions(entry: entry, withinMetres: withinMetres, includeIndependent: includeIndependent)
        return SchoolFinder.eligibleSchools(for: child.profile, in: context.catalog, options: options) ?? []
    }

    func comparison(_ context: AppContext) -> SchoolComparison {
        let schools = child.marked.compactMap { context.catalog.provider(id: $0) }
        return SchoolComparison(schools: schools, catalog: context.catalog, child: child.profile, entry: round?.entry,
                                priorities: child.weights)
    }

    func review(_ context: AppContext) -> PreferenceReview? {
        guard let round else { return nil }
        return PreferenceReview(child: child.profile, list: PreferenceList(schoolIDs: child.preferences, allowed: allowed), round: round,
                                catalog: context.catalog, today: context.today)
    }

    /// "apply by 15 January 2027 (in 51 days)", the next dated step that matters.
    var nextStep: String? {
        guard let round else { return nil }
        let today = summary.today
        if let closing = round.closingDate, closing >= today {
            return "apply by \(closing.long) (\(Self.inDays(today.days(until: closing))))"
        }
        if let offer = round.offerDay, offer >= today {
            return "the closing date has passed: apply late now; offers come on \(offer.long)"
        }
        if let appeal = round.appealDeadline, appeal.date >= today {
            return "offers were made on \(round.offerDay?.long ?? "offer day"); appeal by \(appeal.date.long) at the earliest"
        }
        return nil
    }

    static func inDays(_ days: Int) -> String {
        days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
    }

    /// "Sam, 4 · Nursery age (2026/27) · summer-born".
    var headline: String {
        var parts = ["\(name), \(summary.age)", summary.yearGroupText]
        if summary.isSummerBorn { parts.append("summer-born") }
        return parts.joined(separator: " · ")
    }

    /// A file name stem from the child's name: letters and digits only.
    var fileStem: String {
        let letters = name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let stem = String(letters).split(separator: "-").joined(separator: "-")
        return stem.isEmpty ? "child" : stem
    }
}

/// How a table is written to a file, from the name's ending (as the comparison page does): .csv
/// a spreadsheet, .txt printable text, anything else a Markdown document.
enum TableFileFormat: Hashable, Sendable {
    case csv, markdown, text

    init(path: String) {
        let lower = path.lowercased()
        self = lower.hasSuffix(".csv") ? .csv : lower.hasSuffix(".txt") ? .text : .markdown
    }

    static let promptMessage =
        "File name: .md for a document, .csv for a spreadsheet, .txt for printing. It is saved in the folder Agora was started from unless you give a full path."
}
