import AgoraStore
import AgoraUI
import CareBudget
import CatalogGenerator
import ChoiceKit
import Foundation

/// A care budget with ten years of weekly entries: how long a screen takes to open it from the
/// store and compute everything it shows (plan totals, warnings, balance, planned vs actual,
/// statement, projection and its chart); then the full-screen pages drawn from it.
enum BudgetBenchmark {
    static func run() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-bench-budget-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard let start = CalendarDate(year: 2016, month: 4, day: 4) else { return }
        let weeks = 520
        let setup = BudgetSetup(name: "Bench", start: start, weeklyBudget: Money(pounds: 350), weeklyContribution: Money(pounds: 40),
                                route: .mixed, split: BudgetSplit(directPayment: Money(pounds: 200), managed: Money(pounds: 150)),
                                assessedHoursPerWeek: Quantity(whole: 10), periodWeeks: weeks)
        let policies = BudgetPolicies(councilName: "Bench Council", published: CouncilPolicies(
            councilID: "council", asOf: start, url: "", paymentIntervalWeeks: 4, contingencyWeeks: 8,
            directPaymentsMayBuyCouncilServices: false, standardDisabilityRelatedExpenditure: Money(pounds: 20)))
        do {
            let store = try AgoraStore(directory: directory)
            try store.createBudget(setup, on: start)
            let services: [(PlanService, Payee, BudgetPart)] = [
                (.homeCare(hoursPerWeek: Quantity(hundredths: 750), hourlyRate: Money(pounds: 24)), .provider(id: "C1", name: "Home care"), .managed),
                (.dayCentre(daysPerWeek: Quantity(whole: 2), dayRate: Money(pounds: 60)), .provider(id: "C2", name: "Day centre"), .directPayment),
                (.personalAssistant(hoursPerWeek: Quantity(whole: 3), hourlyRate: Money(pounds: 14)), .person(name: "PA", closeRelativeInHousehold: false), .directPayment),
                (.respite(nights: 14, nightlyRate: Money(pounds: 140), startsOn: nil), .provider(id: "C3", name: "Care home"), .directPayment),
                (.oneOff(amount: Money(pounds: 300), on: nil), .person(name: "Equipment", closeRelativeInHousehold: false), .own),
            ]
            for (service, payee, part) in services {
                try store.addPlanLine(budget: "Bench", service: service, payee: payee, paidFrom: part, on: start)
            }
            // Each week: two day-centre invoices, three PA payments, a few sundries; a council payment
            // every four weeks, the contribution with it, and now and then a refund and a reversal.
            var drafts: [EntryDraft] = []
            var number = 0
            for week in 0..<weeks {
                let day = start.adding(days: week * 7)
                if week % 4 == 0 {
                    drafts.append(EntryDraft(date: day, kind: .receipt(.council), amount: Money(pounds: 640)))
                    drafts.append(EntryDraft(date: day, kind: .receipt(.own), amount: Money(pounds: 160)))
                }
                for index in 0..<10 {
                    let line = index < 2 ? 2 : index < 5 ? 3 : nil
                    drafts.append(EntryDraft(date: day.adding(days: index % 7), kind: .payment,
                                             amount: Money(pence: Int64(1_000 + (week * 37 + index * 101) % 6_000)),
                                             payee: .person(name: "Payee \(index)", closeRelativeInHousehold: false), planLine: line,
                                             receiptReference: "R\(week)-\(index)"))
                }
                if week % 13 == 5 { drafts.append(EntryDraft(date: day, kind: .refund, amount: Money(pounds: 12))) }
                number = drafts.count
                if week % 26 == 25 { drafts.append(EntryDraft(date: day, kind: .reversal(of: number - 3), amount: drafts[number - 4].amount)) }
            }
            try store.record(all: drafts, budget: "Bench")
            guard let asOf = Optional(start.adding(days: (weeks - 10) * 7)) else { return }

            // Opening the file happens once when the program starts; a screen reads the budget.
            var openFile: [Double] = []
            for _ in 0..<5 {
                let began = ContinuousClock.now
                _ = try AgoraStore(directory: directory)
                openFile.append(Measure.milliseconds(ContinuousClock.now - began))
            }
            let reopened = try AgoraStore(directory: directory)
            var open: [Double] = [], compute: [Double] = []
            var rows = 0
            for _ in 0..<20 {
                let began = ContinuousClock.now
                let stored = try reopened.budget(named: "Bench")
                let loaded = ContinuousClock.now
                let summary = PlanSummary(setup: stored.setup, plan: stored.plan)
                let warnings = PlanRules.check(setup: stored.setup, plan: stored.plan, policies: policies) { _ in nil }
                let balance = stored.ledger.balance
                let report = PlannedVsActual(setup: stored.setup, plan: stored.plan, ledger: stored.ledger, asOf: asOf)
                let statement = Statement(budgetName: "Bench", ledger: stored.ledger, from: asOf.adding(days: -28), to: asOf)
                let projection = Projection(setup: stored.setup, plan: stored.plan, ledger: stored.ledger, policies: policies, asOf: asOf)
                let chart = BalanceChart.lines(projection.series, width: 120, height: 12)
                let done = ContinuousClock.now
                rows = stored.ledger.entries.count
                if summary.lines.isEmpty || warnings.isEmpty || balance == Money(pence: Int64.min) || report.periods.isEmpty
                    || statement.rows.isEmpty || chart.isEmpty { print("unexpected empty result") }
                open.append(Measure.milliseconds(loaded - began))
                compute.append(Measure.milliseconds(done - loaded))
            }
            let total = zip(open, compute).map(+)
            print("Care budget: opening the database file median \(Measure.format(Measure.median(openFile))) ms (once, at start)")
            print("Care budget, \(rows) ledger entries over 10 years: read from the store median \(Measure.format(Measure.median(open))) ms; plan, warnings, planned vs actual, statement, projection and chart median \(Measure.format(Measure.median(compute))) ms; together median \(Measure.format(Measure.median(total))) ms, p99 \(Measure.format(Measure.percentile(total, 99))) ms (20 runs)")
            try screens(store: reopened, today: asOf)
        } catch {
            print("care budget benchmark failed: \(error)")
            exit(1)
        }
    }

    /// The full-screen journey on the same budget at 120×40: read from the store, then each page
    /// opened and drawn into a frame (the budget's page with its bar and projection in words, the
    /// projection with its chart, the ledger of every entry), each as one keystroke would.
    static func screens(store: AgoraStore, today: CalendarDate) throws {
        let catalog = try Catalog.load(from: InMemoryCatalogSource(texts: CatalogGenerator.generate(seed: 2026, providers: 160),
                                                                   displayName: "catalog"))
        let size = Size(width: 120, height: 40)
        var pages: [String: [Double]] = [:]
        let order = ["budget page", "projection and chart", "ledger"]
        for _ in 0..<20 {
            for (index, name) in order.enumerated() {
                let began = ContinuousClock.now
                let stored = try store.budget(named: "Bench")
                let budget = SavedBudget(setup: stored.setup, plan: stored.plan, ledger: stored.ledger)
                var state = AppState(catalog: catalog, size: size, today: today)
                switch index {
                case 0: state.context.push(BudgetFeature(budget: budget))
                case 1: state.context.push(ProjectionFeature(budget: budget))
                default: state.context.push(LedgerFeature(budget: budget))
                }
                _ = Update.apply(.resize(size), to: &state)
                let screen = Render.screen(state)
                pages[name, default: []].append(Measure.milliseconds(ContinuousClock.now - began))
                if screen.text.isEmpty { print("unexpected empty screen") }
            }
        }
        let parts = order.map { name in
            let times = pages[name] ?? []
            return "\(name) median \(Measure.format(Measure.median(times))) ms, p99 \(Measure.format(Measure.percentile(times, 99))) ms"
        }
        print("Care budget pages at 120×40, each read from the store, worked out and drawn: " + parts.joined(separator: "; ") + " (20 runs)")
    }
}
