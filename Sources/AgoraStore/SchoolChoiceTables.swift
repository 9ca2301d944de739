import GRDB

/// Tables for choosing schools: children, their siblings' schools, ranked preferences, the
/// parent's priorities and the schools marked to compare. Removing a child removes the rest with it.
enum SchoolChoiceTables {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: children, preferences and priorities") { db in
            try db.create(table: "child") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique().collate(.nocase)
                table.column("bornOn", .text).notNull()
                table.column("homePostcode", .text).notNull()
                table.column("care", .text).notNull()
                table.column("faith", .text)
                table.column("ehcPlanSchoolID", .text)
                table.column("sex", .text)
                table.column("addedOn", .text).notNull()
            }
            try db.create(table: "childSibling") { table in
                table.column("childID", .integer).notNull().references("child", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("schoolID", .text).notNull()
                table.primaryKey(["childID", "schoolID"])
            }
            try db.create(table: "childPreference") { table in
                table.column("childID", .integer).notNull().references("child", onDelete: .cascade)
                table.column("rank", .integer).notNull()
                table.column("schoolID", .text).notNull()
                table.primaryKey(["childID", "rank"])
                table.uniqueKey(["childID", "schoolID"])
            }
            try db.create(table: "childPriority") { table in
                table.column("childID", .integer).notNull().references("child", onDelete: .cascade)
                table.column("priority", .text).notNull()
                table.column("weight", .integer).notNull().check { $0 >= 0 && $0 <= 5 }
                table.primaryKey(["childID", "priority"])
            }
        }
        migrator.registerMigration("v3: schools marked to compare") { db in
            try db.create(table: "childMarkedSchool") { table in
                table.column("childID", .integer).notNull().references("child", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("schoolID", .text).notNull()
                table.primaryKey(["childID", "schoolID"])
            }
        }
    }
}
