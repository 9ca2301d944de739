import ArgumentParser
import ChoiceKit

/// `agora list`'s filters: one option per filter of the full-screen panel, named from the same
/// table (`ProviderFilter`) and applied through it, so both mean the same thing.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong(ProviderFilter.ofstedAtLeast.rawValue),
            help: ArgumentHelp("Schools: Ofsted at least needs-attention, expected-standard, strong-standard or exceptional (older grades paired).", valueName: "grade"), completion: CatalogCompletion.choices(of: .ofstedAtLeast))
    var ofstedAtLeast: [String] = []

    @Option(name: .customLong(ProviderFilter.phase.rawValue),
            help: ArgumentHelp("Schools: nursery, primary, middle, secondary, all-through, 16-plus (several: a,b or repeat).", valueName: "phase"), completion: CatalogCompletion.choices(of: .phase))
    var phase: [String] = []

    @Option(name: .customLong(ProviderFilter.age.rawValue),
            help: ArgumentHelp("Schools that take a child of this age (2 to 19).", valueName: "years"))
    var age: [String] = []

    @Option(name: .customLong(ProviderFilter.gender.rawValue), help: ArgumentHelp("Schools: mixed, boys or girls (several allowed).", valueName: "pupils"), completion: CatalogCompletion.choices(of: .gender))
    var gender: [String] = []

    @Option(name: .customLong(ProviderFilter.faith.rawValue),
            help: ArgumentHelp("Schools: faith-schools-only or no-religious-character.", valueName: "choice"), completion: CatalogCompletion.choices(of: .faith))
    var faith: [String] = []

    @Option(name: .customLong(ProviderFilter.faithDenomination.rawValue),
            help: ArgumentHelp("Schools: of this faith, as their religious character is written, e.g. roman-catholic or \"Church of England\" (several allowed).", valueName: "faith"), completion: CatalogCompletion.faiths)
    var faithDenomination: [String] = []

    @Option(name: .customLong(ProviderFilter.cqcAtLeast.rawValue),
            help: ArgumentHelp("Care and GP practices: CQC rating at least requires-improvement, good or outstanding.", valueName: "rating"), completion: CatalogCompletion.choices(of: .cqcAtLeast))
    var cqcAtLeast: [String] = []

    @Flag(name: .customLong(ProviderFilter.directPayments.rawValue), help: "Care: only those that take direct payments.")
    var directPayments = false

    @Flag(name: .customLong(ProviderFilter.councilList.rawValue), help: "Care: only those on the council's list (its approved framework).")
    var councilList = false

    @Flag(name: .customLong(ProviderFilter.vacancies.rawValue), help: "Care: only care homes with vacancies.")
    var vacancies = false

    @Option(name: .customLong(ProviderFilter.specialism.rawValue),
            help: ArgumentHelp("Care: offering every one of these, e.g. dementia (several allowed).", valueName: "specialism"), completion: CatalogCompletion.choices(of: .specialism))
    var specialism: [String] = []

    @Flag(name: .customLong(ProviderFilter.takingNewPatients.rawValue), help: "GP practices: only those taking new patients.")
    var takingNewPatients = false

    @Flag(name: .customLong(ProviderFilter.coversHome.rawValue), help: "GP practices: only those whose catchment covers --near.")
    var coversHome = false

    @Option(name: .customLong(ProviderFilter.type.rawValue),
            help: ArgumentHelp("The type within the kind, e.g. free-school, home-care, branch-surgery (several allowed).", valueName: "type"), completion: CatalogCompletion.choices(of: .type))
    var type: [String] = []

    @Option(name: .customLong(ProviderFilter.sector.rawValue),
            help: ArgumentHelp("Who runs it: private-large-group, private-small-or-medium, voluntary-or-charity, social-enterprise, public (several allowed).", valueName: "sector"), completion: CatalogCompletion.choices(of: .sector))
    var sector: [String] = []

    @Option(name: .customLong(ProviderFilter.organisation.rawValue),
            help: ArgumentHelp("Run by this trust, group, chain, council or contractor, by its name (repeat for several).", valueName: "name"), completion: CatalogCompletion.organisations)
    var organisation: [String] = []

    /// What was given, filter by filter (values split at commas).
    /// An organisation's name may hold a comma, so several organisations are given by repeating
    /// the option instead.
    var given: [(ProviderFilter, [String])] {
        func split(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters() } }.filter { !$0.isEmpty }
        }
        var given: [(ProviderFilter, [String])] = []
        func add(_ filter: ProviderFilter, _ values: [String]) {
            guard !values.isEmpty else { return }
            given.append((filter, filter == .organisation ? values.map { $0.trimmingCharacters() }.filter { !$0.isEmpty } : split(values)))
        }
        func flag(_ filter: ProviderFilter, _ on: Bool) { if on { given.append((filter, [])) } }
        add(.ofstedAtLeast, ofstedAtLeast)
        add(.phase, phase)
        add(.age, age)
        add(.gender, gender)
        add(.faith, faith)
        add(.faithDenomination, faithDenomination)
        add(.cqcAtLeast, cqcAtLeast)
        flag(.directPayments, directPayments)
        flag(.councilList, councilList)
        flag(.vacancies, vacancies)
        add(.specialism, specialism)
        flag(.takingNewPatients, takingNewPatients)
        flag(.coversHome, coversHome)
        add(.type, type)
        add(.sector, sector)
        add(.organisation, organisation)
        return given
    }

    /// The filters as the library takes them; an option that does not fit the kind, or a value
    /// that is not one of the filter's choices, is refused with what would fit.
    func apply(kind: ProviderKind, vocabulary: FilterVocabulary, to filters: inout ProviderFilters) throws(Failure) {
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
            let names = Self.names(filter, kind, vocabulary)
            guard !values.isEmpty else { throw Failure.usage("\(filter.option) needs a value — use \(names)") }
            if filter.shape == .one, values.count > 1 {
                throw Failure.usage("\(filter.option) takes one value, not \(values.count) — use one of \(names)")
            }
            for value in values {
                guard let choice = filter.choice(named: value, for: kind, vocabulary: vocabulary) else {
                    throw Failure.usage("unknown \(filter.option) \(MessageText.quoted(value)) for \(kind.inSentence) — use \(names)")
                }
                filter.choose(choice.value, in: &filters)
            }
        }
    }

    /// The values a filter takes, as typed: catalog names as they are written, quoted when they
    /// hold a space; fixed choices by their short names.
    private static func names(_ filter: ProviderFilter, _ kind: ProviderKind, _ vocabulary: FilterVocabulary) -> String {
        let choices = filter.choices(for: kind, vocabulary: vocabulary)
        guard !choices.isEmpty else { return "nothing: no \(kind.inSentence) in this catalog have one, so leave it out" }
        switch filter {
        case .organisation, .faithDenomination:
            return choices.map { $0.label.contains(" ") ? MessageText.quoted($0.label) : $0.label }.joined(separator: ", ")
        default:
            return choices.map(\.name).joined(separator: ", ")
        }
    }
}
