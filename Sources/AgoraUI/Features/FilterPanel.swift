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

        var isHeading: Bool { if case .heading = self { return true }; return false }
    }

    public let controls: [Control]
    public var cursor = ListCursor()

    public init(kind: ProviderKind) {
        controls = Self.controls(for: kind)
        cursor.selected = controls.firstIndex { !$0.isHeading } ?? 0
    }

    /// The controls that are not headings, numbered from 1 in plain mode.
    public var choices: [Control] { controls.filter { !$0.isHeading } }

    static let distances: [Double?] = [nil, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000]
    static let cqcFloors: [CQCRating?] = [nil, .requiresImprovement, .good, .outstanding]
    static let ofstedFloors: [OfstedFloor?] = [nil] + OfstedFloor.allCases.map(Optional.some)
    static let faiths: [FaithFilter?] = [nil] + FaithFilter.allCases.map(Optional.some)
    static let ages: [Int?] = [nil] + (2...19).map(Optional.some)

    public static func controls(for kind: ProviderKind) -> [Control] {
        var controls: [Control] = [.heading("Where"), .distance]
        switch kind {
        case .school:
            controls += [.heading("Ofsted"), .ofstedFloor, .heading("Phase")] + SchoolPhase.allCases.map(Control.phase)
            controls += [.heading("Pupils"), .childAge] + SchoolGender.allCases.map(Control.gender) + [.faith]
            controls += [.heading("Type of school")] + SchoolType.allCases.map { .subType($0.label) }
        case .care:
            controls += [.heading("Quality"), .minimumCQC, .heading("Paying")]
            controls += [.directPayments, .councilFramework, .vacancies]
            controls += [.heading("Specialisms")] + CareSpecialism.allCases.map(Control.specialism)
            controls += [.heading("Type of service")] + CareServiceType.allCases.map { .subType($0.label) }
        case .gp:
            controls += [.heading("Practice"), .acceptingNewPatients, .coversHome, .minimumCQC]
            controls += [.heading("Type")] + GPPracticeType.allCases.map { .subType($0.label) }
        case .other:
            break
        }
        controls += [.heading("Who runs it")] + Sector.allCases.map(Control.sector)
        return controls
    }

    /// A control's label and its value as the panel shows it.
    public static func describe(_ control: Control, _ filters: ProviderFilters, homeSet: Bool) -> (label: String, value: String) {
        func box(_ on: Bool) -> String { on ? "[x]" : "[ ]" }
        switch control {
        case .heading(let title): return (title, "")
        case .subType(let label): return (label, box(filters.subTypes.contains(label)))
        case .sector(let sector): return (sector.label.prefix(1).uppercased() + sector.label.dropFirst(), box(filters.sectors.contains(sector)))
        case .distance:
            guard homeSet else { return ("Within", "set a postcode (h)") }
            return ("Within", "◂ \(distanceLabel(filters.maximumDistanceMetres)) ▸")
        case .minimumCQC: return ("CQC rating at least", "◂ \(filters.minimumCQC?.label ?? "any") ▸")
        case .ofstedFloor: return ("Ofsted at least", "◂ \(ofstedLabel(filters.minimumOfsted)) ▸")
        case .phase(let phase): return (phase.label, box(filters.phases.contains(phase)))
        case .gender(let gender): return (gender == .mixed ? "Mixed (boys and girls)" : "\(gender.label) only", box(filters.genders.contains(gender)))
        case .faith: return ("Religious character", "◂ \(filters.faith?.label ?? "any") ▸")
        case .childAge: return ("Takes a child aged", "◂ \(filters.childAge.map { "\($0)" } ?? "any") ▸")
        case .acceptingNewPatients: return ("Taking new patients", box(filters.acceptingNewPatientsOnly))
        case .coversHome:
            guard homeSet else { return ("Covers my home", "set a postcode (h)") }
            return ("Covers my home", box(filters.coversHomeOnly))
        case .directPayments: return ("Takes direct payments", box(filters.acceptsDirectPaymentsOnly))
        case .councilFramework: return ("On the council's list", box(filters.onCouncilFrameworkOnly))
        case .vacancies: return ("Care homes with vacancies", box(filters.withVacanciesOnly))
        case .specialism(let specialism): return (specialism.label, box(filters.specialisms.contains(specialism)))
        }
    }

    static func distanceLabel(_ metres: Double?) -> String { metres.map { DistanceText.format(metres: $0) } ?? "any distance" }
    static func ofstedLabel(_ floor: OfstedFloor?) -> String {
        floor.map { "\($0.reportCardGrade.label) (older: \($0.historicalGrade.label))" } ?? "any"
    }

    /// What the selected control does, in a sentence, under the panel.
    public static func explanation(_ control: Control) -> String? {
        switch control {
        case .vacancies: return "Only care homes report vacancies: ticking this hides home care, day centres and other services."
        case .ofstedFloor: return "Report-card grades since November 2025; older single-word grades are paired with them by Agora (Expected standard with Good)."
        case .distance: return "In a straight line from your home postcode."
        case .councilFramework: return "Providers the council buys from for the people it funds (its approved framework)."
        case .directPayments: return "Providers that say they take direct payments from the council."
        case .childAge: return "Schools whose statutory age range includes this age."
        case .coversHome: return "Practices whose catchment area includes your home postcode: they should register you."
        default: return nil
        }
    }

    /// The named choices of a multi-choice control, for plain mode's "f 3 2 km".
    static func options(_ control: Control) -> [String]? {
        switch control {
        case .distance: return distances.map(distanceLabel)
        case .minimumCQC: return cqcFloors.map { $0?.label ?? "any" }
        case .ofstedFloor: return ofstedFloors.map { $0?.reportCardGrade.label ?? "any" }
        case .faith: return faiths.map { $0?.label ?? "any" }
        case .childAge: return ages.map { $0.map(String.init) ?? "any" }
        default: return nil
        }
    }

    /// Space/Enter (step 0), ← (step -1) or → (step +1) on a control.
    static func change(_ control: Control, _ filters: inout ProviderFilters, step: Int) {
        func toggle<T: Hashable>(_ set: inout Set<T>, _ value: T) {
            if set.contains(value) { set.remove(value) } else { set.insert(value) }
        }
        func cycle<T: Equatable>(_ options: [T], _ current: T) -> T {
            let index = options.firstIndex(of: current) ?? 0
            let move = step == 0 ? 1 : step
            return options[(index + move + options.count) % options.count]
        }
        switch control {
        case .heading: break
        case .subType(let label): if step == 0 { toggle(&filters.subTypes, label) }
        case .sector(let sector): if step == 0 { toggle(&filters.sectors, sector) }
        case .phase(let phase): if step == 0 { toggle(&filters.phases, phase) }
        case .gender(let gender): if step == 0 { toggle(&filters.genders, gender) }
        case .specialism(let specialism): if step == 0 { toggle(&filters.specialisms, specialism) }
        case .acceptingNewPatients: if step == 0 { filters.acceptingNewPatientsOnly.toggle() }
        case .coversHome: if step == 0 { filters.coversHomeOnly.toggle() }
        case .directPayments: if step == 0 { filters.acceptsDirectPaymentsOnly.toggle() }
        case .councilFramework: if step == 0 { filters.onCouncilFrameworkOnly.toggle() }
        case .vacancies: if step == 0 { filters.withVacanciesOnly.toggle() }
        case .distance: filters.maximumDistanceMetres = cycle(distances, filters.maximumDistanceMetres)
        case .minimumCQC: filters.minimumCQC = cycle(cqcFloors, filters.minimumCQC)
        case .ofstedFloor: filters.minimumOfsted = cycle(ofstedFloors, filters.minimumOfsted)
        case .faith: filters.faith = cycle(faiths, filters.faith)
        case .childAge: filters.childAge = cycle(ages, filters.childAge)
        }
    }

    /// Sets a control from typed words ("2 km", "good", "on"); nil means the words fit no choice.
    static func set(_ control: Control, to words: String, _ filters: inout ProviderFilters) -> Bool {
        // "2 km", "2km" and "2.0 km" all mean the same choice.
        func normal(_ text: String) -> String { text.lowercased().filter { !$0.isWhitespace }.replacingAll(".0km", with: "km") }
        let wanted = normal(words)
        if let options = options(control) {
            guard !wanted.isEmpty, let index = options.firstIndex(where: { normal($0) == wanted })
                ?? options.firstIndex(where: { normal($0).hasPrefix(wanted) }) else { return false }
            switch control {
            case .distance: filters.maximumDistanceMetres = distances[index]
            case .minimumCQC: filters.minimumCQC = cqcFloors[index]
            case .ofstedFloor: filters.minimumOfsted = ofstedFloors[index]
            case .faith: filters.faith = faiths[index]
            case .childAge: filters.childAge = ages[index]
            default: return false
            }
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
