import AgoraStore
import ArgumentParser
import CareBudget
import ChoiceKit

struct BudgetPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Add lines to the support plan from the catalog, or remove them.",
        subcommands: [AddPlanLine.self, RemovePlanLine.self])
}

struct AddPlanLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a line: a provider (or a named personal assistant) and how much of their service.",
        discussion: """
        Give one of --hours-per-week (home care, personal assistant), --days-per-week (day centre), --nights or --weeks \
        (a short stay in a care home), --long-term (living in a care home) or --one-off AMOUNT. The rate is the catalog's \
        (the council's rate for the managed part) unless --rate gives the agreed one.
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(help: ArgumentHelp("A provider id from the catalog, e.g. C12.", valueName: "id"), completion: CatalogCompletion.ids(of: [.care])) var provider: String?
    @Option(help: ArgumentHelp("A personal assistant you employ, by name (instead of --provider).", valueName: "name")) var person: String?
    @Flag(name: .customLong("close-relative"), help: "The person is a close relative living in the same household.") var closeRelative = false
    @Option(name: .customLong("hours-per-week"), help: ArgumentHelp("Hours of care a week.", valueName: "n")) var hoursPerWeek: String?
    @Option(name: .customLong("days-per-week"), help: ArgumentHelp("Days a week.", valueName: "n")) var daysPerWeek: String?
    @Option(help: ArgumentHelp("Nights of a short stay.", valueName: "n")) var nights: Int?
    @Option(help: ArgumentHelp("Weeks of a short stay.", valueName: "n")) var weeks: Int?
    @Flag(name: .customLong("long-term"), help: "Living in the care home for the long term.") var longTerm = false
    @Option(name: .customLong("one-off"), parsing: .unconditional, help: ArgumentHelp("A one-off item's cost.", valueName: "amount")) var oneOff: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The agreed rate per hour, day, night or week.", valueName: "amount")) var rate: String?
    @Option(help: ArgumentHelp("The date of a stay or one-off item.", valueName: "date")) var on: String?
    @Option(name: .customLong("paid-from"), help: ArgumentHelp("direct, managed, isf or own (default: what the budget and provider suit).", valueName: "part"))
    var paidFrom: String?
    @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String = ""

    mutating func run() throws {
        try reportingFailures {
            let quantities = [hoursPerWeek != nil, daysPerWeek != nil, nights != nil, weeks != nil, longTerm, oneOff != nil].filter { $0 }.count
            guard quantities == 1 else {
                throw Failure.usage("give exactly one of --hours-per-week, --days-per-week, --nights, --weeks, --long-term or --one-off — see agora budget plan add --help")
            }
            guard (provider == nil) != (person == nil) else {
                throw Failure.usage("give either --provider ID or --person NAME — one of them says who is paid")
            }
            let hours = try hoursPerWeek.map { try BudgetInput.quantity($0, option: "--hours-per-week", unit: "hours", range: 0...168) }
            let days = try daysPerWeek.map { try BudgetInput.quantity($0, option: "--days-per-week", unit: "days", range: 0...7) }
            if let nights, !(1...365).contains(nights) { throw Failure.usage("--nights: \(nights) is not from 1 to 365 — give the nights of the stay") }
            if let weeks, !(1...52).contains(weeks) { throw Failure.usage("--weeks: \(weeks) is not from 1 to 52 — give the weeks of the stay") }
            let oneOffAmount = try BudgetInput.optionalAmount(oneOff, option: "--one-off")
            let agreedRate = try BudgetInput.optionalAmount(rate, option: "--rate")
            let date = try on.map { try BudgetInput.date($0, option: "--on") }
            let note = try BudgetInput.plainText(note, option: "--note")
            var part: BudgetPart? = nil
            if let paidFrom {
                guard let value = BudgetPart(rawValue: paidFrom.lowercased()) else {
                    throw Failure.usage("--paid-from: \"\(TextSafety.inert(paidFrom))\" is not a part of a budget — use direct, managed, isf or own")
                }
                part = value
            }
            let catalog = try global.loadCatalog().catalog
            let store = try BudgetInput.store(global)
            let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name) }
            let setup = stored.setup
            // A plan is for its budget year: a stay or an item outside it is not paid from this budget.
            if let date, date < setup.start || date > setup.end {
                throw Failure.usage("--on: \(date.long) is outside the budget year (\(setup.start.long) to \(setup.end.long)) — plan it in that year's budget")
            }

            let service: PlanService
            let payee: Payee
            let paid: BudgetPart
            if let person {
                let personName = try BudgetInput.plainText(person.trimmingCharacters(in: .whitespaces), option: "--person", longest: 80)
                if let oneOffAmount {
                    // Something bought once from a shop or a person: grab rails, a key safe.
                    service = .oneOff(amount: oneOffAmount, on: date)
                } else {
                    guard let hours, let agreedRate else {
                        throw Failure.usage("a personal assistant line needs --hours-per-week N and --rate AMOUNT (the agreed hourly rate); something bought once needs --one-off AMOUNT")
                    }
                    service = .personalAssistant(hoursPerWeek: hours, hourlyRate: agreedRate)
                }
                payee = .person(name: personName, closeRelativeInHousehold: closeRelative)
                paid = part ?? (setup.latestTerms.split.directPayment > .zero ? .directPayment : .own)
            } else {
                let id = provider ?? ""
                guard let found = catalog.provider(id: id), let care = found.care else {
                    throw Failure.usage("--provider: \"\(TextSafety.inert(id))\" is not a care provider in the catalog — see agora list --kind care")
                }
                let kind: PlanServiceKind
                if hours != nil { kind = care.mainService == .personalAssistantAgency ? .personalAssistant : .homeCare }
                else if days != nil { kind = .dayCentre }
                else if nights != nil || weeks != nil { kind = .respite }
                else if longTerm { kind = .careHome }
                else { kind = .oneOff }
                let councilRun = PlanRules.isCouncilRun(found, policies: BudgetPolicies(manifest: catalog.manifest))
                paid = part ?? Self.defaultPart(setup: setup, care: care, plan: stored.plan,
                                                councilRunWithoutDirectPayment: councilRun && BudgetPolicies(manifest: catalog.manifest).directPaymentsMayBuyCouncilServices != true)
                switch ProviderPricing.service(kind: kind, care: care, paidFrom: paid, quantity: hours ?? days,
                                               nights: nights ?? weeks.map { $0 * 7 }, oneOff: oneOffAmount, startsOn: date,
                                               agreedRate: agreedRate) {
                case .success(let value): service = value
                case .failure(let problem): throw Failure.usage(problem.explanation)
                }
                payee = .provider(id: found.id, name: found.name)
            }
            if paid != .own, setup.latestTerms.split.weekly(paid) == .zero {
                throw Failure.usage("--paid-from: this budget has no \(paid.label) part — use \((setup.latestTerms.split.parts.map(\.rawValue) + ["own"]).joined(separator: ", "))")
            }
            let line = try BudgetInput.stored { () throws(BudgetStoreError) in
                try store.addPlanLine(budget: setup.name, service: service, payee: payee, paidFrom: paid, note: note, on: BudgetInput.today)
            }
            let plan = stored.plan + [line]
            let summary = PlanSummary(setup: setup, plan: plan)
            let cost = line.service.weeklyCost.map { "\($0.formatted) a week (\(line.annualCost(weeks: setup.periodWeeks).formatted) a year)" }
                ?? line.annualCost(weeks: setup.periodWeeks).formatted
            print("Saved line \(line.number): \(line.service.kind.label), \(BudgetText.safe(payee.display)), \(BudgetText.safe(line.service.quantityText)) = \(cost), paid from \(paid.label).")
            print("\(summary.bar.cells(width: 40))  \(summary.bar.words)")
            let warnings = PlanRules.check(setup: setup, plan: plan, policies: BudgetPolicies(manifest: catalog.manifest)) { catalog.provider(id: $0) }
            print(BudgetText.warnings(warnings), terminator: "")
        }
    }

    /// A single-route budget pays from its one part. A mixed one uses the managed part for a
    /// council-run service the direct payment may not buy, and for a provider on the council's list
    /// while that part has room; the direct payment otherwise.
    static func defaultPart(setup: BudgetSetup, care: CareDetails, plan: [PlanLine], councilRunWithoutDirectPayment: Bool) -> BudgetPart {
        let parts = setup.latestTerms.split.parts
        guard parts.count > 1 else { return parts.first ?? .own }
        // A council-run service the direct payment may not buy goes to the managed part.
        if councilRunWithoutDirectPayment, parts.contains(.managed) { return .managed }
        let managedUsed = plan.filter { $0.paidFrom == .managed }.reduce(Money.zero) { $0 + $1.weeklyEquivalent(weeks: setup.periodWeeks) }
        if care.onCouncilFramework == true, parts.contains(.managed), managedUsed < setup.latestTerms.split.managed { return .managed }
        return parts.contains(.directPayment) ? .directPayment : parts[0]
    }
}

struct RemovePlanLine: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take a line out of the plan.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Argument(help: "The line's number.") var line: Int

    mutating func run() throws {
        try reportingFailures {
            let store = try BudgetInput.store(global)
            try BudgetInput.stored { () throws(BudgetStoreError) in try store.removePlanLine(budget: name, number: line, on: BudgetInput.today) }
            print("Removed line \(line) from the plan. Entries recorded against it stay in the ledger.")
        }
    }
}
