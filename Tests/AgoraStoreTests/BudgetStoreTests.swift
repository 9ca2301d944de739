import AgoraStore
import CareBudget
import ChoiceKit
import Foundation
import Testing

@Suite("Budgets in the store")
struct BudgetStoreTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) ?? CalendarDate(daysSinceEpoch: 0) }
    let start = Self.day(2026, 4, 6)

    var setup: BudgetSetup {
        BudgetSetup(name: "Mum", start: start, weeklyBudget: Money(pounds: 350), weeklyContribution: Money(pounds: 40), route: .mixed,
                    split: BudgetSplit(directPayment: Money(pounds: 200), managed: Money(pounds: 150)),
                    assessedHoursPerWeek: Quantity(hundredths: 1_050))
    }

    @Test func setUpPlanAndLedgerRoundTrip() throws {
        let store = try AgoraStore.inMemory()
        try store.createBudget(setup, on: start)
        #expect(throws: BudgetStoreError.self) { try store.createBudget(setup, on: start) }
        let care = try store.addPlanLine(budget: "mum", service: .homeCare(hoursPerWeek: Quantity(hundredths: 750), hourlyRate: Money(pounds: 24)),
                                         payee: .provider(id: "C3", name: "Swanton Home Care"), paidFrom: .managed, on: start)
        let stay = try store.addPlanLine(budget: "Mum", service: .respite(nights: 7, nightlyRate: Money(pounds: 140), startsOn: Self.day(2026, 8, 1)),
                                         payee: .provider(id: "C1", name: "Oak House"), paidFrom: .directPayment, on: start)
        try store.addPlanLine(budget: "Mum", service: .personalAssistant(hoursPerWeek: Quantity(whole: 3), hourlyRate: Money(pounds: 14)),
                              payee: .person(name: "Sam", closeRelativeInHousehold: true), paidFrom: .directPayment, on: start)
        try store.addPlanLine(budget: "Mum", service: .oneOff(amount: Money(pounds: 120), on: nil),
                              payee: .person(name: "Grab rails", closeRelativeInHousehold: false), paidFrom: .own, on: start)
        try store.removePlanLine(budget: "Mum", number: stay.number, on: start)
        #expect(throws: BudgetStoreError.self) { try store.removePlanLine(budget: "Mum", number: stay.number, on: start) }
        let receipt = try store.record(EntryDraft(date: start, kind: .receipt(.council), amount: Money(pounds: 640)), budget: "Mum")
        let payment = try store.record(EntryDraft(date: start.adding(days: 3), kind: .payment, amount: Money(pounds: 42),
                                                  payee: .person(name: "Sam", closeRelativeInHousehold: true), planLine: 3,
                                                  receiptReference: "INV-1", note: "week 1"), budget: "Mum")
        let loaded = try store.budget(named: "Mum")
        let reversal = try #require(loaded.ledger.reversalDraft(of: payment.number, on: start.adding(days: 4)))
        try store.record(reversal, budget: "Mum")
        let stored = try store.budget(named: "Mum")
        #expect(stored.setup == setup)
        #expect(stored.plan.map(\.number) == [care.number, 3, 4])
        #expect(stored.plan.first == care)
        #expect(stored.plan[1].payee == .person(name: "Sam", closeRelativeInHousehold: true))
        #expect(stored.ledger.entries.map(\.number) == [receipt.number, payment.number, 3])
        #expect(stored.ledger.entries[1] == payment)
        #expect(stored.ledger.entries[2].kind == .reversal(of: payment.number))
        #expect(stored.ledger.balance == Money(pounds: 640))
        #expect(try store.budgets().map(\.name) == ["Mum"])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func refusedEntriesWriteNothing() throws {
        let store = try AgoraStore.inMemory()
        try store.createBudget(setup, on: start)
        try store.record(EntryDraft(date: start, kind: .payment, amount: Money(pounds: 5)), budget: "Mum")
        try store.record(EntryDraft(date: start, kind: .reversal(of: 1), amount: Money(pounds: 5)), budget: "Mum")
        for draft in [EntryDraft(date: start, kind: .reversal(of: 1), amount: Money(pounds: 5)),
                      EntryDraft(date: start, kind: .reversal(of: 2), amount: Money(pounds: 5)),
                      EntryDraft(date: start, kind: .payment, amount: Money(pounds: 5), planLine: 9),
            EntryDraft(date: start.adding(days: -1), kind: .payment, amount: Money(pounds: 5)),
            EntryDraft(date: setup.end.adding(days: 1), kind: .receipt(.own), amount: Money(pounds: 5))] {
            #expect(throws: BudgetStoreError.self) { try store.record(draft, budget: "Mum") }
        }
        #expect(throws: BudgetStoreError.self) {
            try store.record(EntryDraft(date: start, kind: .payment, amount: Money(pounds: 5)), budget: "Dad")
        }
        #expect(try store.budget(named: "Mum").ledger.entries.count == 2)
    }

    /// A budget set up by mistake goes with its plan; one with a ledger stays.
    @Test func onlyABudgetWithoutLedgerEntriesIsRemoved() throws {
        let store = try AgoraStore.inMemory()
        try store.createBudget(setup, on: start)
        var typo = setup
        typo.name = "Mum 2"
        try store.createBudget(typo, on: start)
        try store.addPlanLine(budget: "Mum 2", service: .oneOff(amount: Money(pounds: 120), on: nil),
                              payee: .person(name: "Grab rails", closeRelativeInHousehold: false), paidFrom: .own, on: start)
        try store.record(EntryDraft(date: start, kind: .receipt(.council), amount: Money(pounds: 640)), budget: "Mum")
        #expect(throws: BudgetStoreError.self) { try store.removeBudget(named: "Mum") }
        do {
            try store.removeBudget(named: "Mum")
        } catch {
            #expect(error.description.hasPrefix("\"Mum\" has 1 ledger entry, and a ledger is never deleted"))
        }
        try store.removeBudget(named: "mum 2")
        #expect(try store.budgets().map(\.name) == ["Mum"])
        #expect(throws: BudgetStoreError.self) { try store.removeBudget(named: "Mum 2") }
        #expect(try store.budget(named: "Mum").ledger.entries.count == 1)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aStaysWeeklyRateIsKept() throws {
        let store = try AgoraStore.inMemory()
        try store.createBudget(setup, on: start)
        let stay = PlanService.respite(nights: 14, nightlyRate: Money(pence: 13_071), startsOn: nil, weeklyRate: Money(pounds: 915))
        try store.addPlanLine(budget: "Mum", service: stay, payee: .provider(id: "C1", name: "Oak House"), paidFrom: .directPayment, on: start)
        #expect(try store.budget(named: "Mum").plan.first?.service == stay)
        #expect(try store.budget(named: "Mum").plan.first?.service.singleCost == Money(pounds: 1_830))
    }

    @Test func changesAfterAReviewAreKeptReplacedAndTakenOut() throws {
        let store = try AgoraStore.inMemory()
        try store.createBudget(setup, on: start)
        let review = BudgetChange(from: Self.day(2026, 10, 5), weeklyBudget: Money(pounds: 400), note: "annual review")
        #expect(try store.addChange(review, budget: "mum", on: start) == false)
        let april = BudgetChange(from: Self.day(2027, 3, 1), weeklyContribution: Money(pounds: 380))
        try store.addChange(april, budget: "Mum", on: start)
        var saved = try store.budget(named: "Mum").setup
        #expect(saved.changes == [review, april])
        #expect(try store.budgets().first?.changes == [review, april], "the list reads them too")
        #expect(saved.terms(on: Self.day(2026, 10, 5)).split == BudgetSplit(directPayment: Money(pounds: 250), managed: Money(pounds: 150)))
        // The council's later letter for the same week stands.
        let corrected = BudgetChange(from: Self.day(2026, 10, 5), weeklyBudget: Money(pounds: 390))
        #expect(try store.addChange(corrected, budget: "Mum", on: start) == true)
        saved = try store.budget(named: "Mum").setup
        #expect(saved.changes.first?.weeklyBudget == Money(pounds: 390))
        // Without the review, March's contribution of £380 would exceed the £350 budget: refused.
        #expect(throws: BudgetStoreError.self) { try store.removeChange(budget: "Mum", from: Self.day(2026, 10, 5)) }
        #expect(throws: BudgetStoreError.self) { try store.removeChange(budget: "Mum", from: Self.day(2026, 11, 2)) }
        #expect(throws: BudgetStoreError.self) {
            try store.addChange(BudgetChange(from: Self.day(2028, 1, 3), weeklyBudget: Money(pounds: 1)), budget: "Mum", on: start)
        }
        try store.removeChange(budget: "Mum", from: Self.day(2027, 3, 1))
        try store.removeChange(budget: "Mum", from: Self.day(2026, 10, 5))
        #expect(try store.budget(named: "Mum").setup.changes.isEmpty)
        // A budget set up by mistake goes with its changes.
        try store.addChange(review, budget: "Mum", on: start)
        try store.removeBudget(named: "Mum")
        #expect(try store.budgets().isEmpty)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func anImportIsRecordedWholeOrNotAtAll() throws {
        let store = try AgoraStore.inMemory()
        try store.createBudget(setup, on: start)
        let good = [EntryDraft(date: start, kind: .receipt(.council), amount: Money(pounds: 640)),
                    EntryDraft(date: start, kind: .payment, amount: Money(pounds: 40)),
                    EntryDraft(date: start, kind: .reversal(of: 2), amount: Money(pounds: 40))]
        #expect(try store.record(all: good, budget: "Mum").map(\.number) == [1, 2, 3])
        let bad = [EntryDraft(date: start, kind: .payment, amount: Money(pounds: 1)),
                   EntryDraft(date: start, kind: .reversal(of: 2), amount: Money(pounds: 40))]
        #expect(throws: BudgetStoreError.self) { try store.record(all: bad, budget: "Mum") }
        let ledger = try store.budget(named: "Mum").ledger
        #expect(ledger.entries.count == 3 && ledger.balance == Money(pounds: 640) && ledger.entries[2].kind == .reversal(of: 2))
    }

    @Test func historyCannotBeEditedEvenDirectly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-budget-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let store = try AgoraStore(directory: directory)
            try store.createBudget(setup, on: start)
            try store.record(EntryDraft(date: start, kind: .payment, amount: Money(pounds: 5)), budget: "Mum")
        }
        let reopened = try AgoraStore(directory: directory)
        #expect(try reopened.budget(named: "Mum").ledger.balance == Money(pounds: -5))
        #expect(throws: (any Error).self) { try reopened.executeForTesting("UPDATE ledgerEntry SET amountPence = 1") }
        #expect(throws: (any Error).self) { try reopened.executeForTesting("DELETE FROM ledgerEntry") }
        #expect(throws: (any Error).self) { try reopened.executeForTesting("INSERT INTO ledgerEntry (budgetID, number, date, kind, amountPence) VALUES (1, 9, '2026-04-06', 'payment', -5)") }
        #expect(try reopened.budget(named: "Mum").ledger.entries.count == 1)
    }

    @Test func twoWritersOnOneFileLoseNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-budget-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AgoraStore(directory: directory).createBudget(setup, on: start)
        let start = self.start
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    guard let store = try? AgoraStore(directory: directory) else { return }
                    for index in 0..<50 {
                        _ = try? store.record(EntryDraft(date: start, kind: .receipt(.own), amount: Money(pence: Int64(writer * 1000 + index + 1))),
                                              budget: "Mum")
                    }
                }
            }
        }
        let ledger = try AgoraStore(directory: directory).budget(named: "Mum").ledger
        #expect(ledger.entries.count == 100)
        #expect(ledger.entries.map(\.number) == Array(1...100))
        #expect(ledger.balance == Money(pence: (1...50).reduce(0) { $0 + Int64($1) + Int64($1 + 1000) }))
    }
}
