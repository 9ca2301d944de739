import CareBudget
import ChoiceKit
import GRDB

/// A budget's new amounts after a review: kept, replaced for the same week, taken out, read back.
extension AgoraStore {
    /// Saves new amounts from a week of the year, in place of any change already starting that
    /// week (`ChangeInput` merges the two). Returns whether one was replaced.
    @discardableResult
    public func addChange(_ change: BudgetChange, budget name: String, on date: CalendarDate) throws(BudgetStoreError) -> Bool {
        try budgetWrite { db in
            let stored = try Self.load(db, name: name)
            guard change.from >= stored.setup.start, change.from <= stored.setup.end else {
                throw BudgetStoreError.changeOutsideYear(change.from, start: stored.setup.start, end: stored.setup.end)
            }
            var changed = stored.setup
            changed.changes = stored.setup.changes.filter { $0.from != change.from } + [change]
            if let problem = changed.termsProblem { throw BudgetStoreError.changesConflict(problem) }
            try db.execute(sql: "DELETE FROM budgetChange WHERE budgetID = ? AND fromDate = ?", arguments: [stored.id, change.from.iso])
            let replaced = db.changesCount > 0
            try db.execute(sql: """
                INSERT INTO budgetChange (budgetID, fromDate, weeklyBudgetPence, weeklyContributionPence, managedPence,
                    assessedHoursHundredths, note, addedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stored.id, change.from.iso, change.weeklyBudget?.pence, change.weeklyContribution?.pence,
                                 change.managedShare?.pence, change.assessedHoursPerWeek?.hundredths, change.note, date.iso])
            return replaced
        }
    }

    /// Takes out a change entered by mistake: the amounts before it apply again, and later
    /// changes apply to them (refused if they would no longer hold together).
    public func removeChange(budget name: String, from: CalendarDate) throws(BudgetStoreError) {
        try budgetWrite { db in
            let stored = try Self.load(db, name: name)
            guard stored.setup.changes.contains(where: { $0.from == from }) else { throw BudgetStoreError.noSuchChange(from) }
            var changed = stored.setup
            changed.changes.removeAll { $0.from == from }
            if let problem = changed.termsProblem { throw BudgetStoreError.changesConflict(problem) }
            try db.execute(sql: "DELETE FROM budgetChange WHERE budgetID = ? AND fromDate = ?", arguments: [stored.id, from.iso])
        }
    }

    static func changes(_ db: Database, budgetID: Int64) throws -> [BudgetChange] {
        try Row.fetchAll(db, sql: "SELECT * FROM budgetChange WHERE budgetID = ? ORDER BY fromDate", arguments: [budgetID])
            .compactMap { row -> BudgetChange? in
                guard let from = CalendarDate.parseISO(row["fromDate"]) else { return nil }
                func money(_ column: String) -> Money? { (row[column] as Int64?).map { Money(pence: $0) } }
                let hours: Int? = row["assessedHoursHundredths"]
                return BudgetChange(from: from, weeklyBudget: money("weeklyBudgetPence"), weeklyContribution: money("weeklyContributionPence"),
                                    managedShare: money("managedPence"), assessedHoursPerWeek: hours.map(Quantity.init(hundredths:)),
                                    note: row["note"])
            }
    }
}
