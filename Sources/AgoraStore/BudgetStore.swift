import CareBudget
import ChoiceKit
import Foundation
import GRDB

/// A budget as stored: its set-up, the plan's current lines and the whole ledger, read in one
/// transaction so a screen sees them consistent.
public struct StoredBudget: Hashable, Sendable {
    public let id: Int64
    public let setup: BudgetSetup
    public let plan: [PlanLine]
    public let ledger: Ledger
}

/// Why a budget change was not made. Nothing was written.
public enum BudgetStoreError: Error, Sendable, CustomStringConvertible {
    case store(StoreError)
    case noSuchBudget(String)
    case budgetExists(String)
    case noSuchLine(Int)
    case ledger(LedgerProblem)
    case budgetHasLedger(String, entries: Int)
    case changeOutsideYear(CalendarDate, start: CalendarDate, end: CalendarDate)
    case noSuchChange(CalendarDate)
    case changesConflict(String)

    /// "what is wrong — what to do".
    public var description: String {
        switch self {
        case .store(let error): return error.description
        case .noSuchBudget(let name): return "there is no budget called \"\(TextSafety.inert(name))\" — see your budgets with agora budget list"
        case .budgetExists(let name): return "there is already a budget called \"\(TextSafety.inert(name))\" — choose another name"
        case .noSuchLine(let number): return "there is no plan line \(number) — see the plan's lines with agora budget show"
        case .ledger(let problem): return problem.description
        case .budgetHasLedger(let name, let entries):
            return "\"\(TextSafety.inert(name))\" has \(entries) ledger entr\(entries == 1 ? "y" : "ies"), and a ledger is never deleted — keep the budget (a council may ask to see its account)"
        case .changeOutsideYear(let from, let start, let end):
            return "a change from \(from.long) is outside the budget year (\(start.long) to \(end.long)) — give a date within it"
        case .noSuchChange(let from):
            return "the budget has no change from \(from.long) — see its changes with agora budget show"
        case .changesConflict(let problem):
            return "\(problem) — take out or correct the later change first"
        }
    }
}

extension AgoraStore {
    // MARK: Budgets

    /// Creates a budget. Its name is unique (ignoring case).
    public func createBudget(_ setup: BudgetSetup, on date: CalendarDate) throws(BudgetStoreError) {
        try budgetWrite { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM careBudget WHERE name = ?", arguments: [setup.name]) != nil {
                throw BudgetStoreError.budgetExists(setup.name)
            }
            try db.execute(sql: """
                INSERT INTO careBudget (name, start, periodWeeks, weeklyBudgetPence, weeklyContributionPence, route,
                    directPaymentPence, managedPence, fundPence, fundHolderID, assessedHoursHundredths, createdOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [setup.name, setup.start.iso, setup.periodWeeks, setup.weeklyBudget.pence, setup.weeklyContribution.pence,
                                 setup.route.rawValue, setup.split.directPayment.pence, setup.split.managed.pence,
                                 setup.split.individualServiceFund.pence, setup.fundHolderID, setup.assessedHoursPerWeek?.hundredths,
                                 date.iso])
        }
    }

    /// Removes a budget set up by mistake, with its plan. A budget with ledger entries stays: its
    /// account is a record the council may ask to see.
    public func removeBudget(named name: String) throws(BudgetStoreError) {
        try budgetWrite { db in
            let stored = try Self.load(db, name: name)
            guard stored.ledger.entries.isEmpty else {
                throw BudgetStoreError.budgetHasLedger(stored.setup.name, entries: stored.ledger.entries.count)
            }
            try db.execute(sql: "DELETE FROM planLine WHERE budgetID = ?", arguments: [stored.id])
            try db.execute(sql: "DELETE FROM budgetChange WHERE budgetID = ?", arguments: [stored.id])
            try db.execute(sql: "DELETE FROM careBudget WHERE id = ?", arguments: [stored.id])
        }
    }

    /// Every budget's set-up, by name.
    public func budgets() throws(BudgetStoreError) -> [BudgetSetup] {
        try budgetRead { db in
            try Row.fetchAll(db, sql: "SELECT * FROM careBudget ORDER BY name").compactMap { row -> BudgetSetup? in
                guard var setup = Self.setup(row) else { return nil }
                setup.changes = try Self.changes(db, budgetID: row["id"])
                return setup
            }
        }
    }

    /// A budget with its plan and ledger.
    public func budget(named name: String) throws(BudgetStoreError) -> StoredBudget {
        try budgetRead { db in try Self.load(db, name: name) }
    }

    // MARK: Plan

    /// Adds a line to the plan; its number is one more than any line the budget ever had.
    @discardableResult
    public func addPlanLine(budget name: String, service: PlanService, payee: Payee, paidFrom: BudgetPart, note: String = "",
                            on date: CalendarDate) throws(BudgetStoreError) -> PlanLine {
        try budgetWrite { db in
            let id = try Self.budgetID(db, name: name)
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM planLine WHERE budgetID = ?", arguments: [id]) ?? 0) + 1
            let line = PlanLine(number: number, service: service, payee: payee, paidFrom: paidFrom, note: note)
            var columns = Self.serviceColumns(service)
            columns += [payee.providerID, payee.name, Self.isCloseRelative(payee), paidFrom.rawValue, note, date.iso]
            try db.execute(sql: """
                INSERT INTO planLine (budgetID, number, service, quantityHundredths, nights, ratePence, amountPence, startsOn,
                    providerID, payeeName, closeRelativeInHousehold, paidFrom, note, addedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments([id, number] + columns))
            return line
        }
    }

    /// Takes a line out of the plan. The line stays in the store (entries may point at it).
    public func removePlanLine(budget name: String, number: Int, on date: CalendarDate) throws(BudgetStoreError) {
        try budgetWrite { db in
            let id = try Self.budgetID(db, name: name)
            try db.execute(sql: "UPDATE planLine SET removedOn = ? WHERE budgetID = ? AND number = ? AND removedOn IS NULL",
                           arguments: [date.iso, id, number])
            if db.changesCount == 0 { throw BudgetStoreError.noSuchLine(number) }
        }
    }

    // MARK: Ledger

    /// Records one entry in its own transaction, checked against the ledger as it is at that
    /// moment: recorded entirely or not at all. Returns the entry as saved, with its number.
    @discardableResult
    public func record(_ draft: EntryDraft, budget name: String) throws(BudgetStoreError) -> LedgerEntry {
        try budgetWrite { db in
            let stored = try Self.load(db, name: name)
            let lines = Set(try Int.fetchAll(db, sql: "SELECT number FROM planLine WHERE budgetID = ?", arguments: [stored.id]))
            if let problem = Ledger.datingProblem(draft.date, setup: stored.setup, today: nil)
                ?? stored.ledger.problem(with: draft, planLines: lines) { throw BudgetStoreError.ledger(problem) }
            let number = stored.ledger.nextNumber
            var reverses: Int64? = nil
            if case .reversal(let target) = draft.kind {
                reverses = try Int64.fetchOne(db, sql: "SELECT id FROM ledgerEntry WHERE budgetID = ? AND number = ?",
                                              arguments: [stored.id, target])
            }
            var receiptSource: String? = nil
            if case .receipt(let source) = draft.kind { receiptSource = source.rawValue }
            try db.execute(sql: """
                INSERT INTO ledgerEntry (budgetID, number, date, kind, receiptSource, amountPence, providerID, payeeName,
                    closeRelativeInHousehold, planLine, receiptReference, note, reversesID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stored.id, number, draft.date.iso, draft.kind.code, receiptSource, draft.amount.pence,
                                 draft.payee?.providerID, draft.payee?.name, Self.isCloseRelative(draft.payee), draft.planLine,
                                 draft.receiptReference, draft.note, reverses])
            return draft.entry(number: number)
        }
    }

    /// Records many entries in one transaction (an import): all of them or none, each checked
    /// against the ledger as it stands after the ones before it.
    @discardableResult
    public func record(all drafts: [EntryDraft], budget name: String) throws(BudgetStoreError) -> [LedgerEntry] {
        try budgetWrite { db in
            let stored = try Self.load(db, name: name)
            let lines = Set(try Int.fetchAll(db, sql: "SELECT number FROM planLine WHERE budgetID = ?", arguments: [stored.id]))
            var entries = stored.ledger.entries
            var ids = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT number, id FROM ledgerEntry WHERE budgetID = ?",
                                                                        arguments: [stored.id]).map { ($0["number"] as Int, $0["id"] as Int64) })
            var saved: [LedgerEntry] = []
            let insert = try db.makeStatement(sql: """
                INSERT INTO ledgerEntry (budgetID, number, date, kind, receiptSource, amountPence, providerID, payeeName,
                    closeRelativeInHousehold, planLine, receiptReference, note, reversesID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for draft in drafts {
                // Only a reversal needs the entries before it to be checked; the rest are checked alone.
                var isReversal = false
                if case .reversal = draft.kind { isReversal = true }
                let ledger = isReversal ? Ledger(entries: entries) : Ledger.empty
                if let problem = Ledger.datingProblem(draft.date, setup: stored.setup, today: nil)
                    ?? ledger.problem(with: draft, planLines: lines) { throw BudgetStoreError.ledger(problem) }
                let number = (entries.last?.number ?? 0) + 1
                var reverses: Int64? = nil
                if case .reversal(let target) = draft.kind { reverses = ids[target] }
                var receiptSource: String? = nil
                if case .receipt(let source) = draft.kind { receiptSource = source.rawValue }
                try insert.execute(arguments: [stored.id, number, draft.date.iso, draft.kind.code, receiptSource, draft.amount.pence,
                                               draft.payee?.providerID, draft.payee?.name, Self.isCloseRelative(draft.payee),
                                               draft.planLine, draft.receiptReference, draft.note, reverses])
                ids[number] = db.lastInsertedRowID
                let entry = draft.entry(number: number)
                entries.append(entry)
                saved.append(entry)
            }
            return saved
        }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws(BudgetStoreError) -> String {
        try budgetRead { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    // MARK: Reading rows

    static func load(_ db: Database, name: String) throws -> StoredBudget {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM careBudget WHERE name = ?", arguments: [name]),
              var setup = setup(row) else { throw BudgetStoreError.noSuchBudget(name) }
        let id: Int64 = row["id"]
        setup.changes = try changes(db, budgetID: id)
        let plan = try Row.fetchAll(db, sql: "SELECT * FROM planLine WHERE budgetID = ? AND removedOn IS NULL ORDER BY number",
                                    arguments: [id]).compactMap(planLine)
        var entries: [LedgerEntry] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT e.number, e.date, e.kind, e.receiptSource, e.amountPence, e.providerID, e.payeeName,
                e.closeRelativeInHousehold, e.planLine, e.receiptReference, e.note, r.number
            FROM ledgerEntry e LEFT JOIN ledgerEntry r ON r.id = e.reversesID
            WHERE e.budgetID = ? ORDER BY e.number
            """, arguments: [id])
        while let row = try cursor.next() {
            if let entry = entry(row) { entries.append(entry) }
        }
        return StoredBudget(id: id, setup: setup, plan: plan, ledger: Ledger(entries: entries))
    }

    static func budgetID(_ db: Database, name: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM careBudget WHERE name = ?", arguments: [name]) else {
            throw BudgetStoreError.noSuchBudget(name)
        }
        return id
    }

    static func setup(_ row: Row) -> BudgetSetup? {
        guard let start = CalendarDate.parseISO(row["start"]), let route = BudgetRoute(rawValue: row["route"]) else { return nil }
        let hours: Int? = row["assessedHoursHundredths"]
        return BudgetSetup(name: row["name"], start: start, weeklyBudget: Money(pence: row["weeklyBudgetPence"]),
                           weeklyContribution: Money(pence: row["weeklyContributionPence"]), route: route,
                           split: BudgetSplit(directPayment: Money(pence: row["directPaymentPence"]), managed: Money(pence: row["managedPence"]),
                                              individualServiceFund: Money(pence: row["fundPence"])),
                           fundHolderID: row["fundHolderID"], assessedHoursPerWeek: hours.map(Quantity.init(hundredths:)),
                           periodWeeks: row["periodWeeks"])
    }

    static func payee(providerID: String?, name: String?, closeRelative: Bool) -> Payee? {
        if let providerID { return .provider(id: providerID, name: name ?? providerID) }
        return name.map { .person(name: $0, closeRelativeInHousehold: closeRelative) }
    }

    static func isCloseRelative(_ payee: Payee?) -> Bool {
        if case .person(_, true)? = payee { return true }
        return false
    }

    static func planLine(_ row: Row) -> PlanLine? {
        guard let kind = PlanServiceKind(rawValue: row["service"]), let part = BudgetPart(rawValue: row["paidFrom"]),
              let payee = payee(providerID: row["providerID"], name: row["payeeName"], closeRelative: row["closeRelativeInHousehold"])
        else { return nil }
        let quantity = (row["quantityHundredths"] as Int?).map(Quantity.init(hundredths:))
        let rate = (row["ratePence"] as Int64?).map(Money.init(pence:))
        let amount = (row["amountPence"] as Int64?).map(Money.init(pence:))
        let startsOn = (row["startsOn"] as String?).flatMap(CalendarDate.parseISO)
        let service: PlanService
        switch kind {
        case .homeCare:
            guard let quantity, let rate else { return nil }
            service = .homeCare(hoursPerWeek: quantity, hourlyRate: rate)
        case .personalAssistant:
            guard let quantity, let rate else { return nil }
            service = .personalAssistant(hoursPerWeek: quantity, hourlyRate: rate)
        case .dayCentre:
            guard let quantity, let rate else { return nil }
            service = .dayCentre(daysPerWeek: quantity, dayRate: rate)
        case .respite:
            guard let nights = row["nights"] as Int?, let rate else { return nil }
            // A stay from a home priced by the week keeps that weekly rate in the amount column.
            service = .respite(nights: nights, nightlyRate: rate, startsOn: startsOn, weeklyRate: amount)
        case .careHome:
            guard let rate else { return nil }
            service = .careHome(weeklyRate: rate)
        case .oneOff:
            guard let amount else { return nil }
            service = .oneOff(amount: amount, on: startsOn)
        }
        return PlanLine(number: row["number"], service: service, payee: payee, paidFrom: part, note: row["note"])
    }

    /// quantityHundredths, nights, ratePence, amountPence, startsOn.
    static func serviceColumns(_ service: PlanService) -> [(any DatabaseValueConvertible)?] {
        switch service {
        case .homeCare(let hours, let rate): return ["home-care", hours.hundredths, nil, rate.pence, nil, nil]
        case .personalAssistant(let hours, let rate): return ["personal-assistant", hours.hundredths, nil, rate.pence, nil, nil]
        case .dayCentre(let days, let rate): return ["day-centre", days.hundredths, nil, rate.pence, nil, nil]
        case .respite(let nights, let rate, let start, let weekly): return ["respite", nil, nights, rate.pence, weekly?.pence, start?.iso]
        case .careHome(let rate): return ["care-home", nil, nil, rate.pence, nil, nil]
        case .oneOff(let amount, let date): return ["one-off", nil, nil, nil, amount.pence, date?.iso]
        }
    }

    /// A ledger row by column position (the order of the SELECT in `load`): read by index,
    /// since a screen reads thousands of them.
    static func entry(_ row: Row) -> LedgerEntry? {
        guard let date = CalendarDate.parseISO(row[1] as String) else { return nil }
        let kind: EntryKind
        switch row[2] as String {
        case "receipt":
            guard let source = ReceiptSource(rawValue: (row[3] as String?) ?? "") else { return nil }
            kind = .receipt(source)
        case "payment": kind = .payment
        case "refund": kind = .refund
        case "reversal":
            guard let target = row[11] as Int? else { return nil }
            kind = .reversal(of: target)
        default: return nil
        }
        return LedgerEntry(number: row[0], date: date, kind: kind, amount: Money(pence: row[4]),
                           payee: payee(providerID: row[5], name: row[6], closeRelative: row[7]),
                           planLine: row[8], receiptReference: row[9], note: row[10])
    }

    // MARK: Transactions

    /// One immediate transaction: the write lock is taken at the start, so two programs writing at
    /// once wait for each other (up to the busy timeout) instead of failing half way.
    func budgetWrite<T>(_ body: (Database) throws -> T) throws(BudgetStoreError) -> T {
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw BudgetStoreError.store(.failed(path: location, reason: "the transaction returned nothing")) }
                return result
            }
        } catch let error as BudgetStoreError {
            throw error
        } catch {
            throw BudgetStoreError.store(.failed(path: location, reason: "\(error)"))
        }
    }

    func budgetRead<T>(_ body: (Database) throws -> T) throws(BudgetStoreError) -> T {
        do {
            return try database.read(body)
        } catch let error as BudgetStoreError {
            throw error
        } catch {
            throw BudgetStoreError.store(.failed(path: location, reason: "\(error)"))
        }
    }
}

extension AgoraStore {
    /// Runs raw SQL; for tests that check the store refuses edits to history.
    public func executeForTesting(_ sql: String) throws {
        try database.write { db in try db.execute(sql: sql) }
    }
}
