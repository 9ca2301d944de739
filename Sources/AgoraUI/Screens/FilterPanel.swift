import ChoiceKit

/// The filter panel (`f`): a tick box or a choice for every filter the library has that fits the
/// kind of provider. Changes apply at once and the panel shows how many providers match.
public struct FilterPanel: Hashable, Sendable {
    public var key: ListKey
    public var selected = 0

    public init(key: ListKey) { self.key = key }

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
        case directPayments
        case councilFramework
        case vacancies
        case specialism(CareSpecialism)

        var isHeading: Bool { if case .heading = self { return true }; return false }
    }

    static let distances: [Double?] = [nil, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000]

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
            controls += [.heading("Practice"), .acceptingNewPatients, .minimumCQC]
            controls += [.heading("Type")] + GPPracticeType.allCases.map { .subType($0.label) }
        case .other:
            break
        }
        controls += [.heading("Who runs it")] + Sector.allCases.map(Control.sector)
        return controls
    }

    var controls: [Control] { Self.controls(for: key.kind) }

    /// The control's label and its current value as shown in the panel.
    static func describe(_ control: Control, _ filters: ProviderFilters, homeSet: Bool) -> (label: String, value: String) {
        func box(_ on: Bool) -> String { on ? "[x]" : "[ ]" }
        switch control {
        case .heading(let title): return (title, "")
        case .subType(let label): return (label, box(filters.subTypes.contains(label)))
        case .sector(let sector): return (sector.label.prefix(1).uppercased() + sector.label.dropFirst(), box(filters.sectors.contains(sector)))
        case .distance:
            guard homeSet else { return ("Within", "set a postcode with h") }
            return ("Within", filters.maximumDistanceMetres.map { "◂ \(DistanceText.format(metres: $0)) ▸" } ?? "◂ any distance ▸")
        case .minimumCQC:
            return ("CQC rating at least", "◂ \(filters.minimumCQC?.label ?? "any") ▸")
        case .ofstedFloor:
            return ("At least", "◂ \(filters.minimumOfsted.map { $0.reportCardGrade.label + " (older: \($0.historicalGrade.label))" } ?? "any") ▸")
        case .phase(let phase): return (phase.label, box(filters.phases.contains(phase)))
        case .gender(let gender): return (gender == .mixed ? "Mixed (boys and girls)" : "\(gender.label) only", box(filters.genders.contains(gender)))
        case .faith: return ("Religious character", "◂ \(filters.faith?.label ?? "any") ▸")
        case .childAge: return ("Child's age", "◂ \(filters.childAge.map { "\($0)" } ?? "any") ▸")
        case .acceptingNewPatients: return ("Taking new patients", box(filters.acceptingNewPatientsOnly))
        case .directPayments: return ("Takes direct payments", box(filters.acceptsDirectPaymentsOnly))
        case .councilFramework: return ("On the council's list", box(filters.onCouncilFrameworkOnly))
        case .vacancies: return ("Has vacancies", box(filters.withVacanciesOnly))
        case .specialism(let specialism): return (specialism.label, box(filters.specialisms.contains(specialism)))
        }
    }

    /// Space/Enter (step 0), ← (step -1) or → (step +1) on a control.
    static func change(_ control: Control, _ filters: inout ProviderFilters, step: Int) {
        func toggle<T: Hashable>(_ set: inout Set<T>, _ value: T) {
            if set.contains(value) { set.remove(value) } else { set.insert(value) }
        }
        func cycle<T: Equatable>(_ options: [T], _ current: T, _ step: Int) -> T {
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
        case .directPayments: if step == 0 { filters.acceptsDirectPaymentsOnly.toggle() }
        case .councilFramework: if step == 0 { filters.onCouncilFrameworkOnly.toggle() }
        case .vacancies: if step == 0 { filters.withVacanciesOnly.toggle() }
        case .distance: filters.maximumDistanceMetres = cycle(distances, filters.maximumDistanceMetres, step)
        case .minimumCQC:
            filters.minimumCQC = cycle([nil, CQCRating.requiresImprovement, .good, .outstanding], filters.minimumCQC, step)
        case .ofstedFloor:
            filters.minimumOfsted = cycle([nil] + OfstedFloor.allCases.map(Optional.some), filters.minimumOfsted, step)
        case .faith: filters.faith = cycle([nil] + FaithFilter.allCases.map(Optional.some), filters.faith, step)
        case .childAge: filters.childAge = cycle([nil] + (2...19).map(Optional.some), filters.childAge, step)
        }
    }

    /// Moves to the next control that is not a heading.
    mutating func move(_ step: Int) {
        let controls = self.controls
        var index = selected
        repeat {
            index += step
        } while controls.indices.contains(index) && controls[index].isHeading
        if controls.indices.contains(index) { selected = index }
    }

    mutating func selectFirst() {
        selected = 0
        if controls.first?.isHeading == true { move(1) }
    }
}
