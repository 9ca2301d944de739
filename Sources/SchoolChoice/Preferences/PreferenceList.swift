import ChoiceKit

/// A ranked list of schools for the council's application: first is most wanted.
public struct PreferenceList: Hashable, Sendable {
    public private(set) var schoolIDs: [String]
    /// How many the council lets a parent name in this round (at least 3 by law).
    public let allowed: Int

    public init(schoolIDs: [String] = [], allowed: Int) {
        self.schoolIDs = schoolIDs
        self.allowed = max(AdmissionsFacts.minimumPreferences.value, allowed)
    }

    public enum EditError: Error, Hashable, Sendable, CustomStringConvertible {
        case alreadyListed(String)
        case full(allowed: Int)
        case notListed(String)

        public var description: String {
            switch self {
            case .alreadyListed(let id): return "\(MessageText.quoted(id)) is already on the list — name each school once"
            case .full(let allowed): return "the council allows \(allowed) preferences — remove one before adding another"
            case .notListed(let id): return "\(MessageText.quoted(id)) is not on the list — `agora preferences show` lists it"
            }
        }
    }

    /// A whole list at once, checked: no repeats, no more than allowed.
    public static func make(_ ids: [String], allowed: Int) throws(EditError) -> PreferenceList {
        var list = PreferenceList(allowed: allowed)
        for id in ids { try list.add(id) }
        return list
    }

    public mutating func add(_ id: String) throws(EditError) {
        guard !schoolIDs.contains(id) else { throw .alreadyListed(id) }
        guard schoolIDs.count < allowed else { throw .full(allowed: allowed) }
        schoolIDs.append(id)
    }

    public mutating func remove(_ id: String) throws(EditError) {
        guard let index = schoolIDs.firstIndex(of: id) else { throw .notListed(id) }
        schoolIDs.remove(at: index)
    }

    /// Moves a school to a rank (1 is first), clamped to the list.
    public mutating func move(_ id: String, toRank rank: Int) throws(EditError) {
        guard let index = schoolIDs.firstIndex(of: id) else { throw .notListed(id) }
        schoolIDs.remove(at: index)
        schoolIDs.insert(id, at: min(schoolIDs.count, max(0, rank - 1)))
    }

    public mutating func moveUp(_ id: String) throws(EditError) {
        guard let index = schoolIDs.firstIndex(of: id) else { throw .notListed(id) }
        try move(id, toRank: index)
    }

    public mutating func moveDown(_ id: String) throws(EditError) {
        guard let index = schoolIDs.firstIndex(of: id) else { throw .notListed(id) }
        try move(id, toRank: index + 2)
    }
}

/// Something a parent should know about their list before sending it.
public enum PreferenceWarning: Hashable, Sendable {
    /// None of the schools is at least "likely"; the nearest likely school not listed, if any.
    case noLikelyPreference(suggestion: Suggestion?)
    case fewerThanAllowed(named: Int, allowed: Int)
    case doesNotTakeEntryYear(schoolID: String, name: String, entry: EntryPoint)
    /// A boys' or girls' school named for a child it does not admit ("girls'").
    case singleSex(schoolID: String, name: String, school: String)
    case closingDatePassed(CalendarDate)
    /// A saved preference whose school the catalog no longer has.
    case notInCatalog(schoolID: String)

    public struct Suggestion: Hashable, Sendable {
        public let schoolID: String
        public let name: String
        public let distanceMetres: Double
        public let level: ChanceLevel
    }

    public var message: String {
        switch self {
        case .noLikelyPreference(let suggestion?):
            return "None of your preferences is at least likely: add a school you are likely to get as a safety net, such as \(suggestion.name) (\(suggestion.schoolID), \(MetresText.format(suggestion.distanceMetres)), \(suggestion.level.label.lowercased()))."
        case .noLikelyPreference(nil):
            return "None of your preferences is at least likely, and no likely school was found nearby: ask the council's admissions team which schools have places."
        case .fewerThanAllowed(let named, let allowed):
            return "You have named \(named) of the \(allowed) schools the council allows; naming more never lowers your chance at the ones above."
        case .doesNotTakeEntryYear(let id, let name, let entry):
            return "\(name) (\(id)) does not admit children into \(entry.label): it cannot offer a place in this round."
        case .singleSex(let id, let name, let school):
            return "\(name) (\(id)) is a \(school) school: it cannot offer your child a place."
        case .notInCatalog(let id):
            return "\(id) is not in the catalog any more: choose another school and set the list again."
        case .closingDatePassed(let date):
            return "The closing date, \(date.long), has passed: apply to the council now as a late application; late applications are considered after on-time ones."
        }
    }
}

/// One ranked school with what the parent needs beside it.
public struct PreferenceRow: Hashable, Sendable {
    public let rank: Int
    public let schoolID: String
    public let name: String
    public let distanceMetres: Double?
    public let chance: AdmissionChance
}

/// A checked list for one child in one round: rows, warnings, and the equal-preference system.
public struct PreferenceReview: Hashable, Sendable {
    public let child: ChildProfile
    public let round: AdmissionsRound
    public let list: PreferenceList
    public let rows: [PreferenceRow]
    public let warnings: [PreferenceWarning]

    /// The equal-preference system in two sentences.
    public static let equalPreference = AdmissionsFacts.equalPreference.value

    public init(child: ChildProfile, list: PreferenceList, round: AdmissionsRound, catalog: Catalog, today: CalendarDate) {
        self.child = child
        self.round = round
        self.list = list
        let home = catalog.postcode(child.homePostcode)?.location
        var rows: [PreferenceRow] = []
        var warnings: [PreferenceWarning] = []
        for (index, id) in list.schoolIDs.enumerated() {
            guard let provider = catalog.provider(id: id) else {
                warnings.append(.notInCatalog(schoolID: id))
                continue
            }
            let distance = home?.distance(to: provider.location)
            let chance = ChanceEstimator.estimate(child: child, school: provider, distanceMetres: distance, entry: round.entry)
            rows.append(PreferenceRow(rank: index + 1, schoolID: id, name: provider.name, distanceMetres: distance, chance: chance))
            if let school = provider.school, !EntryPoint.points(of: school).contains(round.entry), child.ehcPlanSchoolID != id {
                warnings.append(.doesNotTakeEntryYear(schoolID: id, name: provider.name, entry: round.entry))
            } else if child.ehcPlanSchoolID != id, let kind = provider.school?.singleSexSchool(refusing: child.sex) {
                warnings.append(.singleSex(schoolID: id, name: provider.name, school: kind))
            }
        }
        if round.closingDateHasPassed(today: today), let closing = round.closingDate {
            warnings.insert(.closingDatePassed(closing), at: 0)
        }
        if !rows.contains(where: { $0.chance.level.isAtLeastLikely }) {
            let options = EligibilityOptions(entry: round.entry)
            let suggestion = SchoolFinder.eligibleSchools(for: child, in: catalog, options: options)?
                .first { $0.chance.level.isAtLeastLikely && !list.schoolIDs.contains($0.provider.id) }
                .map { PreferenceWarning.Suggestion(schoolID: $0.provider.id, name: $0.provider.name,
                                                    distanceMetres: $0.distanceMetres, level: $0.chance.level) }
            warnings.append(.noLikelyPreference(suggestion: suggestion))
        }
        if list.schoolIDs.count < list.allowed {
            warnings.append(.fewerThanAllowed(named: list.schoolIDs.count, allowed: list.allowed))
        }
        self.rows = rows
        self.warnings = warnings
    }

    /// The list as a table for Markdown, CSV or printing.
    public func exportTable() -> ExportTable {
        let rows = self.rows.map { row in
            [String(row.rank), row.name, row.schoolID, row.distanceMetres.map(MetresText.format) ?? "not known",
             "\(row.chance.level.label): \(row.chance.reason)"]
        }
        var notes = [PreferenceReview.equalPreference]
        if let closing = round.closingDate { notes.append("Closing date: \(closing.long).") }
        if let offer = round.offerDay { notes.append("Offer day: \(offer.withWeekday).") }
        notes += warnings.map { "Warning: " + $0.message }
        notes += [SchoolFinder.distanceNote, "Chances are estimates from last year's figures, not promises."]
        return ExportTable(title: "\(child.name): preferences for \(round.title)",
                           headers: ["Rank", "School", "ID", "Distance", "Chance"], rows: rows, notes: notes)
    }

    /// How many preferences the council allows for a round (the manifest's, else the legal minimum).
    public static func allowed(for round: AdmissionsRound, council: Manifest.AdmissionsSettings?) -> Int {
        guard let council else { return AdmissionsFacts.minimumPreferences.value }
        return round.entry.isPrimaryRound ? council.primaryPreferences : council.secondaryPreferences
    }
}
