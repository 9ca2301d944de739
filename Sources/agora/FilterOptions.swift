import ArgumentParser
import ChoiceKit

/// `agora list`'s filters: one option per filter of the full-screen panel, named from the same
/// table (`ProviderFilter`) and applied through it, so both mean the same thing.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong(ProviderFilter.ofstedAtLeast.rawValue),
            help: ArgumentHelp("Schools: Ofsted at least needs-attention, expected-standard, strong-standard or exceptional (older grades paired).", valueName: "grade"))
    var ofstedAtLeast: String?

    @Option(name: .customLong(ProviderFilter.phase.rawValue),
            help: ArgumentHelp("Schools: nursery, primary, middle, secondary, all-through, 16-plus (several: a,b or repeat).", valueName: "phase"))
    var phase: [String] = []

    @Option(name: .customLong(ProviderFilter.age.rawValue),
            help: ArgumentHelp("Schools that take a child of this age (2 to 19).", valueName: "years"))
    var age: String?

    @Option(name: .customLong(ProviderFilter.gender.rawValue), help: ArgumentHelp("Schools: mixed, boys or girls (several allowed).", valueName: "pupils"))
    var gender: [String] = []

    @Option(name: .customLong(ProviderFilter.faith.rawValue),
            help: ArgumentHelp("Schools: faith-schools-only or no-religious-character.", valueName: "choice"))
    var faith: String?

    @Option(name: .customLong(ProviderFilter.cqcAtLeast.rawValue),
            help: ArgumentHelp("Care and GP practices: CQC rating at least requires-improvement, good or outstanding.", valueName: "rating"))
    var cqcAtLeast: String?

    @Flag(name: .customLong(ProviderFilter.directPayments.rawValue), help: "Care: only those that take direct payments.")
    var directPayments = false

    @Flag(name: .customLong(ProviderFilter.councilList.rawValue), help: "Care: only those on the council's list (its approved framework).")
    var councilList = false

    @Flag(name: .customLong(ProviderFilter.vacancies.rawValue), help: "Care: only care homes with vacancies.")
    var vacancies = false

    @Option(name: .customLong(ProviderFilter.specialism.rawValue),
            help: ArgumentHelp("Care: offering every one of these, e.g. dementia (several allowed).", valueName: "specialism"))
    var specialism: [String] = []

    @Flag(name: .customLong(ProviderFilter.takingNewPatients.rawValue), help: "GP practices: only those taking new patients.")
    var takingNewPatients = false

    @Flag(name: .customLong(ProviderFilter.coversHome.rawValue), help: "GP practices: only those whose catchment covers --near.")
    var coversHome = false

    @Option(name: .customLong(ProviderFilter.type.rawValue),
            help: ArgumentHelp("The type within the kind, e.g. free-school, home-care, branch-surgery (several allowed).", valueName: "type"))
    var type: [String] = []

    @Option(name: .customLong(ProviderFilter.sector.rawValue),
            help: ArgumentHelp("Who runs it: private-large-group, private-small-or-medium, voluntary-or-charity, social-enterprise, public (several allowed).", valueName: "sector"))
    var sector: [String] = []

    /// What was given, filter by filter (values split at commas).
    var given: [(ProviderFilter, [String])] {
        func split(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters() } }.filter { !$0.isEmpty }
        }
        var given: [(ProviderFilter, [String])] = []
        func add(_ filter: ProviderFilter, _ values: [String]) { if !values.isEmpty { given.append((filter, split(values))) } }
        func flag(_ filter: ProviderFilter, _ on: Bool) { if on { given.append((filter, [])) } }
        add(.ofstedAtLeast, ofstedAtLeast.map { [$0] } ?? [])
        add(.phase, phase)
        add(.age, age.map { [$0] } ?? [])
        add(.gender, gender)
        add(.faith, faith.map { [$0] } ?? [])
        add(.cqcAtLeast, cqcAtLeast.map { [$0] } ?? [])
        flag(.directPayments, directPayments)
        flag(.councilList, councilList)
        flag(.vacancies, vacancies)
        add(.specialism, specialism)
        flag(.takingNewPatients, takingNewPatients)
        flag(.coversHome, coversHome)
        add(.type, type)
        add(.sector, sector)
        return given
    }

    /// The filters as the library takes them; an option that does not fit the kind, or a value
    /// that is not one of the filter's choices, is refused with what would fit.
    func apply(kind: ProviderKind, to filters: inout ProviderFilters) throws(Failure) {
        for (filter, values) in given {
            guard ProviderFilter.available(for: kind).contains(filter) else {
                let kinds = filter.kinds.map { $0.inSentence }.joined(separator: " and ")
                let fitting = ProviderFilter.available(for: kind).map(\.option).joined(separator: ", ")
                throw Failure.usage("\(filter.option) is a filter for \(kinds), not \(kind.inSentence) — for \(kind.inSentence) use \(fitting)")
            }
            if filter.shape == .flag {
                filter.setFlag(true, in: &filters)
                continue
            }
            guard !values.isEmpty else { throw Failure.usage("\(filter.option) needs a value — use \(Self.names(filter, kind))") }
            if filter.shape == .one, values.count > 1 {
                throw Failure.usage("\(filter.option) takes one value, not \(values.count) — use one of \(Self.names(filter, kind))")
            }
            for value in values {
                guard let choice = filter.choice(named: value, for: kind) else {
                    throw Failure.usage("unknown \(filter.option) \(MessageText.quoted(value)) for \(kind.inSentence) — use \(Self.names(filter, kind))")
                }
                filter.choose(choice.value, in: &filters)
            }
        }
    }

    private static func names(_ filter: ProviderFilter, _ kind: ProviderKind) -> String {
        filter.choices(for: kind).map(\.name).joined(separator: ", ")
    }
}
