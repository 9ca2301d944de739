/// Every filter a list of providers offers, once: its command-line option, the label the
/// full-screen filter panel shows, the kinds it fits, its group in the panel and its choices. The
/// panel and `agora list` both read this table, so a filter has one name and one meaning.
public enum ProviderFilter: String, CaseIterable, Hashable, Sendable {
    case within
    case ofstedAtLeast = "ofsted-at-least"
    case phase
    case age
    case gender
    case faith
    case faithDenomination = "faith-denomination"
    case cqcAtLeast = "cqc-at-least"
    case directPayments = "direct-payments"
    case councilList = "council-list"
    case vacancies
    case specialism
    case takingNewPatients = "taking-new-patients"
    case coversHome = "covers-home"
    case type
    case sector
    case organisation

    /// A tick box; one of a few choices (the first meaning "any"); or any number of choices.
    public enum Shape: Hashable, Sendable { case flag, one, several }

    /// `--direct-payments`.
    public var option: String { "--" + rawValue }

    /// The filters that fit a kind, in the panel's order.
    public static func available(for kind: ProviderKind) -> [ProviderFilter] {
        switch kind {
        case .school: return [.within, .ofstedAtLeast, .phase, .age, .gender, .faith, .faithDenomination, .type, .sector, .organisation]
        case .care: return [.within, .cqcAtLeast, .directPayments, .councilList, .vacancies, .specialism, .type, .sector, .organisation]
        case .gp: return [.within, .takingNewPatients, .coversHome, .cqcAtLeast, .type, .sector, .organisation]
        case .other: return [.within, .sector, .organisation]
        }
    }

    /// The kinds a filter fits, for "only for …" messages.
    public var kinds: [ProviderKind] { ProviderKind.allCases.filter { Self.available(for: $0).contains(self) } }

    public var shape: Shape {
        switch self {
        case .directPayments, .councilList, .vacancies, .takingNewPatients, .coversHome: return .flag
        case .within, .ofstedAtLeast, .age, .faith, .cqcAtLeast: return .one
        case .phase, .gender, .specialism, .type, .sector, .faithDenomination, .organisation: return .several
        }
    }

    /// The panel's label for the filter (for `several`, each choice has its own).
    public var label: String {
        switch self {
        case .within: return "Within"
        case .ofstedAtLeast: return "Ofsted at least"
        case .phase: return "Phase"
        case .age: return "Takes a child aged"
        case .gender: return "Pupils"
        case .faith: return "Religious character"
        case .faithDenomination: return "Which faith"
        case .cqcAtLeast: return "CQC rating at least"
        case .directPayments: return "Takes direct payments"
        case .councilList: return "On the council's list"
        case .vacancies: return "Care homes with vacancies"
        case .specialism: return "Specialisms"
        case .takingNewPatients: return "Taking new patients"
        case .coversHome: return "Covers my home"
        case .type: return "Type"
        case .sector: return "Who runs it"
        case .organisation: return "Organisation"
        }
    }

    /// The heading the panel shows it under.
    public func group(for kind: ProviderKind) -> String {
        switch self {
        case .within: return "Where"
        case .ofstedAtLeast: return "Ofsted"
        case .phase: return "Phase"
        case .age, .gender, .faith: return "Pupils"
        case .cqcAtLeast: return kind == .gp ? "Practice" : "Quality"
        case .directPayments, .councilList, .vacancies: return "Paying"
        case .specialism: return "Specialisms"
        case .takingNewPatients, .coversHome: return "Practice"
        case .type:
            switch kind {
            case .school: return "Type of school"
            case .care: return "Type of service"
            case .gp, .other: return "Type"
            }
        case .sector: return "Who runs it"
        case .faithDenomination: return "Which faith"
        case .organisation:
            switch kind {
            case .school: return "Trust or organisation"
            case .care, .gp, .other: return "Organisation"
            }
        }
    }

    /// What it does, in a sentence, under the panel and in `agora list --help`.
    public var explanation: String? {
        switch self {
        case .vacancies: return "Only care homes report vacancies: ticking this hides home care, day centres and other services."
        case .ofstedAtLeast: return "Report-card grades since November 2025; older single-word grades are paired with them by Agora (Expected standard with Good)."
        case .within: return "In a straight line from your home postcode."
        case .councilList: return "Providers the council buys from for the people it funds (its approved framework)."
        case .directPayments: return "Providers that say they take direct payments from the council."
        case .age: return "Schools whose statutory age range includes this age."
        case .coversHome: return "Practices whose catchment area includes your home postcode: they should register you."
        case .specialism: return "Services offering every specialism chosen."
        case .faithDenomination: return "Faith schools of the faiths ticked, as their records give their religious character."
        case .organisation: return "The trust, group, chain, council or contractor that runs it; any of those ticked."
        default: return nil
        }
    }

    /// The named choices of a `one` or `several` filter; a `one` filter's first is "any". The
    /// organisations and faiths come from the catalog, through `vocabulary`.
    public func choices(for kind: ProviderKind, vocabulary: FilterVocabulary = .empty) -> [FilterChoice] {
        switch self {
        case .within:
            return [FilterChoice("any", "any distance", .any)]
                + [500, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000].map { (metres: Double) in
                    let kilometres = metres / 1_000
                    let name = kilometres.rounded() == kilometres ? String(Int(kilometres)) : String(kilometres)
                    return FilterChoice(name, DistanceText.format(metres: metres), .metres(metres))
                }
        case .ofstedAtLeast:
            return [FilterChoice("any", "any", .any)] + OfstedFloor.allCases.map { FilterChoice(Self.slug($0.reportCardGrade.label), $0.reportCardGrade.label, .ofsted($0)) }
        case .age:
            return [FilterChoice("any", "any", .any)] + (2...19).map { FilterChoice(String($0), String($0), .age($0)) }
        case .faith:
            return [FilterChoice("any", "any", .any)] + FaithFilter.allCases.map { FilterChoice(Self.slug($0.label), $0.label, .faith($0)) }
        case .cqcAtLeast:
            return [FilterChoice("any", "any", .any)] + [CQCRating.requiresImprovement, .good, .outstanding].map {
                FilterChoice(Self.slug($0.label), $0.label, .cqc($0))
            }
        case .phase: return SchoolPhase.allCases.map { FilterChoice(Self.slug($0.label), $0.label, .phase($0)) }
        case .gender:
            return SchoolGender.allCases.map { FilterChoice($0.rawValue, $0 == .mixed ? "Mixed (boys and girls)" : "\($0.label) only", .gender($0)) }
        case .specialism: return CareSpecialism.allCases.map { FilterChoice(Self.slug($0.label), $0.label, .specialism($0)) }
        case .type:
            let labels: [String]
            switch kind {
            case .school: labels = SchoolType.allCases.map(\.label)
            case .care: labels = CareServiceType.allCases.map(\.label)
            case .gp: labels = GPPracticeType.allCases.map(\.label)
            case .other: labels = []
            }
            return labels.map { FilterChoice(Self.slug($0), $0, .subType($0)) }
        case .sector:
            return Sector.allCases.map { FilterChoice(Self.slug($0.label), $0.label.prefix(1).uppercased() + $0.label.dropFirst(), .sector($0)) }
        case .faithDenomination:
            return vocabulary.faiths.map { FilterChoice(Self.slug($0), $0, .faithDenomination($0)) }
        case .organisation:
            return (vocabulary.organisations[kind] ?? []).map { FilterChoice(Self.slug($0), $0, .organisation($0)) }
        case .directPayments, .councilList, .vacancies, .takingNewPatients, .coversHome:
            return []
        }
    }

    /// The label of a choice, whichever kind it belongs to.
    public static func label(of value: FilterChoice.Value, in filter: ProviderFilter) -> String {
        switch value {
        case .subType(let label), .organisation(let label), .faithDenomination(let label): return label
        default: break
        }
        for kind in ProviderKind.allCases {
            if let choice = filter.choices(for: kind).first(where: { $0.value == value }) { return choice.label }
        }
        return filter.label
    }

    /// The choice a person typed: its name or its label, in any case.
    public func choice(named text: String, for kind: ProviderKind, vocabulary: FilterVocabulary = .empty) -> FilterChoice? {
        let wanted = Self.slug(text)
        return choices(for: kind, vocabulary: vocabulary).first { $0.name == wanted || Self.slug($0.label) == wanted }
    }

    /// "Care home with nursing" -> "care-home-with-nursing"; "2.0 km" -> "2.0-km".
    public static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "." { out.append(character) } else if out.last != "-", !out.isEmpty { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out
    }

    // MARK: Reading and changing `ProviderFilters`

    /// A tick box's state.
    public func isOn(_ filters: ProviderFilters) -> Bool {
        switch self {
        case .directPayments: return filters.acceptsDirectPaymentsOnly
        case .councilList: return filters.onCouncilFrameworkOnly
        case .vacancies: return filters.withVacanciesOnly
        case .takingNewPatients: return filters.acceptingNewPatientsOnly
        case .coversHome: return filters.coversHomeOnly
        default: return isActive(in: filters)
        }
    }

    public func setFlag(_ on: Bool, in filters: inout ProviderFilters) {
        switch self {
        case .directPayments: filters.acceptsDirectPaymentsOnly = on
        case .councilList: filters.onCouncilFrameworkOnly = on
        case .vacancies: filters.withVacanciesOnly = on
        case .takingNewPatients: filters.acceptingNewPatientsOnly = on
        case .coversHome: filters.coversHomeOnly = on
        default: if !on { clear(in: &filters) }
        }
    }

    /// Whether this filter narrows the list at all.
    public func isActive(in filters: ProviderFilters) -> Bool {
        var cleared = filters
        clear(in: &cleared)
        return cleared != filters
    }

    public func clear(in filters: inout ProviderFilters) {
        switch self {
        case .within: filters.maximumDistanceMetres = nil
        case .ofstedAtLeast: filters.minimumOfsted = nil
        case .phase: filters.phases = []
        case .age: filters.childAge = nil
        case .gender: filters.genders = []
        case .faith: filters.faith = nil
        case .cqcAtLeast: filters.minimumCQC = nil
        case .specialism: filters.specialisms = []
        case .type: filters.subTypes = []
        case .sector: filters.sectors = []
        case .faithDenomination: filters.religiousCharacters = []
        case .organisation: filters.organisations = []
        case .directPayments, .councilList, .vacancies, .takingNewPatients, .coversHome: setFlag(false, in: &filters)
        }
    }

    /// Whether a choice of a `several` filter is ticked, or a `one` filter is set to it.
    public func isChosen(_ choice: FilterChoice.Value, in filters: ProviderFilters) -> Bool {
        switch choice {
        case .any: return !isActive(in: filters)
        case .metres(let metres): return filters.maximumDistanceMetres == metres
        case .ofsted(let floor): return filters.minimumOfsted == floor
        case .age(let age): return filters.childAge == age
        case .faith(let faith): return filters.faith == faith
        case .cqc(let rating): return filters.minimumCQC == rating
        case .phase(let phase): return filters.phases.contains(phase)
        case .gender(let gender): return filters.genders.contains(gender)
        case .specialism(let specialism): return filters.specialisms.contains(specialism)
        case .subType(let label): return filters.subTypes.contains(label)
        case .sector(let sector): return filters.sectors.contains(sector)
        case .faithDenomination(let faith): return filters.religiousCharacters.contains(faith)
        case .organisation(let name): return filters.organisations.contains(name)
        }
    }

    /// Sets a `one` filter to the choice, or ticks (or unticks) a choice of a `several` filter.
    public func choose(_ choice: FilterChoice.Value, _ on: Bool = true, in filters: inout ProviderFilters) {
        func mark<T: Hashable>(_ set: inout Set<T>, _ value: T) { if on { set.insert(value) } else { set.remove(value) } }
        switch choice {
        case .any: clear(in: &filters)
        case .metres(let metres): filters.maximumDistanceMetres = metres
        case .ofsted(let floor): filters.minimumOfsted = floor
        case .age(let age): filters.childAge = age
        case .faith(let faith): filters.faith = faith
        case .cqc(let rating): filters.minimumCQC = rating
        case .phase(let phase): mark(&filters.phases, phase)
        case .gender(let gender): mark(&filters.genders, gender)
        case .specialism(let specialism): mark(&filters.specialisms, specialism)
        case .subType(let label): mark(&filters.subTypes, label)
        case .sector(let sector): mark(&filters.sectors, sector)
        case .faithDenomination(let faith): mark(&filters.religiousCharacters, faith)
        case .organisation(let name): mark(&filters.organisations, name)
        }
    }

    /// What the filter asks for, in words, for "no results" messages: "--cqc-at-least outstanding".
    public func describe(_ filters: ProviderFilters, kind: ProviderKind) -> String? {
        guard isActive(in: filters) else { return nil }
        switch shape {
        case .flag: return option
        case .one, .several:
            if self == .within, let metres = filters.maximumDistanceMetres { return "\(option) \(DistanceText.format(metres: metres))" }
            // Names from the catalog, as typed: --organisation "Harbourside Homes Group Ltd".
            if self == .organisation || self == .faithDenomination {
                let names = self == .organisation ? filters.organisations : filters.religiousCharacters
                return names.sorted().map { "\(option) \"\($0)\"" }.joined(separator: " ")
            }
            let chosen = choices(for: kind).filter { $0.value != .any && isChosen($0.value, in: filters) }.map(\.name)
            return "\(option) \(chosen.joined(separator: ","))"
        }
    }
}

/// One named choice of a filter: `name` is typed on the command line, `label` is shown.
public struct FilterChoice: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case any
        case metres(Double)
        case ofsted(OfstedFloor)
        case age(Int)
        case faith(FaithFilter)
        case cqc(CQCRating)
        case phase(SchoolPhase)
        case gender(SchoolGender)
        case specialism(CareSpecialism)
        case subType(String)
        case sector(Sector)
        /// A faith as the catalog writes a school's religious character ("Roman Catholic").
        case faithDenomination(String)
        /// An organisation's name as the catalog writes it.
        case organisation(String)
    }

    public let name: String
    public let label: String
    public let value: Value

    init(_ name: String, _ label: String, _ value: Value) {
        self.name = name
        self.label = label
        self.value = value
    }
}
