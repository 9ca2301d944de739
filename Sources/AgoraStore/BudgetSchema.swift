import GRDB

/// Tables for care budgets: the set-up, support plan lines and the ledger. Money is integer pence
/// in INTEGER columns; dates are ISO text. Ledger entries are never changed or deleted (triggers
/// refuse it): corrections are new entries that reverse old ones, and point at them.
enum BudgetSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: care budgets, plans and ledgers") { db in
            try db.create(table: "careBudget") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                table.column("start", .text).notNull()
                table.column("periodWeeks", .integer).notNull().check { $0 > 0 }
                table.column("weeklyBudgetPence", .integer).notNull().check { $0 >= 0 }
                table.column("weeklyContributionPence", .integer).notNull().check { $0 >= 0 }
                table.column("route", .text).notNull()
                table.column("directPaymentPence", .integer).notNull().check { $0 >= 0 }
                table.column("managedPence", .integer).notNull().check { $0 >= 0 }
                table.column("fundPence", .integer).notNull().check { $0 >= 0 }
                table.column("fundHolderID", .text)
                table.column("assessedHoursHundredths", .integer)
                table.column("createdOn", .text).notNull()
            }
            try db.create(table: "planLine") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("budgetID", .integer).notNull().references("careBudget", onDelete: .restrict)
                table.column("number", .integer).notNull()
                table.column("service", .text).notNull()
                table.column("quantityHundredths", .integer)
                table.column("nights", .integer)
                table.column("ratePence", .integer)
                table.column("amountPence", .integer)
                table.column("startsOn", .text)
                table.column("providerID", .text)
                table.column("payeeName", .text).notNull()
                table.column("closeRelativeInHousehold", .boolean).notNull().defaults(to: false)
                table.column("paidFrom", .text).notNull()
                table.column("note", .text).notNull().defaults(to: "")
                table.column("addedOn", .text).notNull()
                table.column("removedOn", .text)
                table.uniqueKey(["budgetID", "number"])
            }
            try db.create(table: "ledgerEntry") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("budgetID", .integer).notNull().references("careBudget", onDelete: .restrict)
                table.column("number", .integer).notNull()
                table.column("date", .text).notNull()
                table.column("kind", .text).notNull().check(sql: "kind IN ('receipt', 'payment', 'refund', 'reversal')")
                table.column("receiptSource", .text)
                table.column("amountPence", .integer).notNull().check { $0 > 0 }
                table.column("providerID", .text)
                table.column("payeeName", .text)
                table.column("closeRelativeInHousehold", .boolean).notNull().defaults(to: false)
                table.column("planLine", .integer)
                table.column("receiptReference", .text).notNull().defaults(to: "")
                table.column("note", .text).notNull().defaults(to: "")
                // A reversal points at the entry it reverses; an entry is reversed at most once.
                table.column("reversesID", .integer).unique().references("ledgerEntry", onDelete: .restrict)
                table.uniqueKey(["budgetID", "number"])
            }
            try db.execute(sql: """
                CREATE TRIGGER ledgerEntryNeverChanged BEFORE UPDATE ON ledgerEntry
                BEGIN SELECT RAISE(ABORT, 'ledger entries are never changed: record a reversal instead'); END;
                CREATE TRIGGER ledgerEntryNeverDeleted BEFORE DELETE ON ledgerEntry
                BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a reversal instead'); END;
                """)
        }
    }

    /// Registered after the school-choice tables of v2 and v3: migrations run in the order made.
    static func registerChanges(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: budget changes after a review") { db in
            // New amounts from a week of the budget year, only those the letter changed (NULL:
            // as before); at most one change starts in a week.
            try db.create(table: "budgetChange") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("budgetID", .integer).notNull().references("careBudget", onDelete: .restrict)
                table.column("fromDate", .text).notNull()
                table.column("weeklyBudgetPence", .integer).check { $0 > 0 }
                table.column("weeklyContributionPence", .integer).check { $0 >= 0 }
                table.column("managedPence", .integer).check { $0 >= 0 }
                table.column("assessedHoursHundredths", .integer).check { $0 >= 0 }
                table.column("note", .text).notNull().defaults(to: "")
                table.column("addedOn", .text).notNull()
                table.uniqueKey(["budgetID", "fromDate"])
            }
        }
    }
}
