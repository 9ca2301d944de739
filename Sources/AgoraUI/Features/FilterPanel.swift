import ChoiceKit

/// The filter panel (`f`) of a provider list: a tick box or a choice for every filter that fits
/// the kind. Changes apply at once; the list behind shows how many match.
public struct FilterPanel: Hashable, Sendable {
    public enum Control: Hashable, Sendable {
        case heading(String)
        case subType(String)
        case sector(Sector)
        case distance
        case minimumCQC
        case ofstedFloor
        case phase(SchoolPhase)
        case gender(SchoolGender)
        case faith
        case childAge
        case acceptingNewPatients
        case coversHome
        case directPayments
        case councilFramework
        case vacancies
        case specialism(CareSpecialism)
        case faithDenomination(String)
        case organisation(String)

        var isHeading: Bool { if case .heading = self { return true }; return false }
    }

    public let controls: [Control]
    public var cursor = ListCursor()

    /// `vocabulary` gives the catalog's organisations and faiths, each a tick box.
    public init(kind: ProviderKind, vocabulary: FilterVocabulary) {
        controls = Self.controls(for: kind, vocabulary: vocabulary)
        cursor.selected = controls.firstIndex { !$0.isHeading } ?? 0
    }

    /// The controls that are not headings, numbered from 1 in plain mode.
    public var choices: [Control] { controls.filter { !$0.isHeading } }

    /// The panel's controls for a kind, from the one table of filters (`ProviderFilter`) that the
    /// command line reads too: a heading for each group, one control per filter, one tick box per
    /// choice of a filter that takes several.
    public static func controls(for kind: ProviderKind, vocabulary: FilterVocabulary) -> [Control] {
        var controls: [Control] = []
        var group: String?
        for filter in ProviderFilter.available(for: kind) {
            let heading = filter.group(for: kind)
            if heading != group {
                controls.append(.heading(heading))
                group = heading
            }
            if filter.shape == .several {
                let choices = filter.choices(for: kind, vocabulary: vocabulary)
                // A catalog without any of these (no faith schools, say) shows no empty heading.
                if choices.isEmpty, controls.last == .heading(heading) {
                    controls.removeLast()
                    group = nil
                }
                controls += choices.compactMap { Control(choice: $0.value) }
            } else if let control = Control(single: filter) {
                controls.append(control)
            }
        }
        return controls
    }

    /// A control's label and its value as the panel shows it.
    public static func describe(_ control: Control, _ filters: ProviderFilters, homeSet: Bool) -> (label: String, value: String) {
        func box(_ on: Bool) -> String { on ? "[x]" : "[ ]" }
        guard let filter = control.filter else {
            if case .heading(let title) = control { return (title, "") }
            return ("", "")
        }
        if let choice = control.choice {
            return (ProviderFilter.label(of: choice, in: filter), box(filter.isChosen(choice, in: filters)))
        }
        if filter == .within || filter == .coversHome, !homeSet { return (filter.label, "set a postcode (h)") }
        switch filter.shape {
        case .flag, .several: return (filter.label, box(filter.isOn(filters)))
        case .one:
            let current: String
            switch filter {
            case .within: current = distanceLabel(filters.maximumDistanceMetres)
            case .ofstedAtLeast: current = ofstedLabel(filters.minimumOfsted)
            default: current = options(control)?[currentIndex(filter, filters)] ?? "any"
            }
            return (filter.label, "◂ \(current) ▸")
        }
    }

    static func distanceLabel(_ metres: Double?) -> String { metres.map { DistanceText.format(metres: $0) } ?? "any distance" }
    static func ofstedLabel(_ floor: OfstedFloor?) -> String {
        floor.map { "\($0.reportCardGrade.label) (older: \($0.historicalGrade.label))" } ?? "any"
    }

    /// What the selected control does, in a sentence, under the panel.
    public static func explanation(_ control: Control) -> String? { control.filter?.explanation }

    /// The named choices of a one-of-several control, for plain mode's "f 3 2 km".
    static func options(_ control: Control) -> [String]? {
        guard let filter = control.filter, control.choice == nil, filter.shape == .one else { return nil }
        return filter.choices(for: .school).map(\.label)
    }

    private static func currentIndex(_ filter: ProviderFilter, _ filters: ProviderFilters) -> Int {
        filter.choices(for: .school).firstIndex { filter.isChosen($0.value, in: filters) } ?? 0
    }

    /// Space/Enter (step 0), ← (step -1) or → (step +1) on a control.
    static func change(_ control: Control, _ filters: inout ProviderFilters, step: Int) {
        guard let filter = control.filter else { return }
        if let choice = control.choice {
            if step == 0 { filter.choose(choice, !filter.isChosen(choice, in: filters), in: &filters) }
            return
        }
        switch filter.shape {
        case .flag, .several:
            if step == 0 { filter.setFlag(!filter.isOn(filters), in: &filters) }
        case .one:
            let choices = filter.choices(for: .school)
            let move = step == 0 ? 1 : step
            let next = (currentIndex(filter, filters) + move + choices.count) % choices.count
            filter.choose(choices[next].value, in: &filters)
        }
    }

    /// Sets a control from typed words ("2 km", "good", "on"); false means the words fit no choice.
    static func set(_ control: Control, to words: String, _ filters: inout ProviderFilters) -> Bool {
        // "2 km", "2km" and "2.0 km" all mean the same choice.
        func normal(_ text: String) -> String { text.lowercased().filter { !$0.isWhitespace }.replacingAll(".0km", with: "km") }
        let wanted = normal(words)
        if let filter = control.filter, let options = options(control) {
            guard !wanted.isEmpty, let index = options.firstIndex(where: { normal($0) == wanted })
                ?? options.firstIndex(where: { normal($0).hasPrefix(wanted) }) else { return false }
            filter.choose(filter.choices(for: .school)[index].value, in: &filters)
            return true
        }
        let on: Bool
        switch wanted {
        case "on", "yes", "y", "tick", "x": on = true
        case "off", "no", "n", "untick": on = false
        default: return false
        }
        let isOn = describe(control, filters, homeSet: true).value == "[x]"
        if isOn != on { change(control, &filters, step: 0) }
        return true
    }
}

extension FilterPanel.Control {
    /// The filter a control sets.
    public var filter: ProviderFilter? {
        switch self {
        case .heading: return nil
        case .subType: return .type
        case .sector: return .sector
        case .distance: return .within
        case .minimumCQC: return .cqcAtLeast
        case .ofstedFloor: return .ofstedAtLeast
        case .phase: return .phase
        case .gender: return .gender
        case .faith: return .faith
        case .childAge: return .age
        case .acceptingNewPatients: return .takingNewPatients
        case .coversHome: return .coversHome
        case .directPayments: return .directPayments
        case .councilFramework: return .councilList
        case .vacancies: return .vacancies
        case .specialism: return .specialism
        case .faithDenomination: return .faithDenomination
        case .organisation: return .organisation
        }
    }

    /// For a tick box among several choices, the choice it ticks.
    var choice: FilterChoice.Value? {
        switch self {
        case .subType(let label): return .subType(label)
        case .sector(let sector): return .sector(sector)
        case .phase(let phase): return .phase(phase)
        case .gender(let gender): return .gender(gender)
        case .specialism(let specialism): return .specialism(specialism)
        case .faithDenomination(let faith): return .faithDenomination(faith)
        case .organisation(let name): return .organisation(name)
        default: return nil
        }
    }

    init?(choice: FilterChoice.Value) {
        switch choice {
        case .subType(let label): self = .subType(label)
        case .sector(let sector): self = .sector(sector)
        case .phase(let phase): self = .phase(phase)
        case .gender(let gender): self = .gender(gender)
        case .specialism(let specialism): self = .specialism(specialism)
        case .faithDenomination(let faith): self = .faithDenomination(faith)
        case .organisation(let name): self = .organisation(name)
        default: return nil
        }
    }

    init?(single filter: ProviderFilter) {
        switch filter {
        case .within: self = .distance
        case .cqcAtLeast: self = .minimumCQC
        case .ofstedAtLeast: self = .ofstedFloor
        case .faith: self = .faith
        case .age: self = .childAge
        case .takingNewPatients: self = .acceptingNewPatients
        case .coversHome: self = .coversHome
        case .directPayments: self = .directPayments
        case .councilList: self = .councilFramework
        case .vacancies: self = .vacancies
        case .phase, .gender, .specialism, .type, .sector, .faithDenomination, .organisation: return nil
        }
    }
}
