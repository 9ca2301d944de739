import ChoiceKit
import GRDB
import SchoolChoice

/// Children, their preference lists, the parent's priorities and the schools marked to compare.
/// Each call is one transaction, so a change is kept whole or not at all.
extension AgoraStore {
    public func addChild(_ child: ChildProfile, on date: CalendarDate) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO child (name, bornOn, homePostcode, care, faith, ehcPlanSchoolID, sex, addedOn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [child.name, child.dateOfBirth.iso, child.homePostcode, child.care.rawValue, child.faith,
                                 child.ehcPlanSchoolID, child.sex?.rawValue, date.iso])
            let id = db.lastInsertedRowID
            for (position, school) in child.siblingSchoolIDs.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO childSibling (childID, position, schoolID) VALUES (?, ?, ?)",
                               arguments: [id, position, school])
            }
        }
    }

    /// Changes a saved child's profile (the name too) in one transaction, keeping their
    /// preferences, priorities and marked schools.
    public func updateChild(named name: String, to child: ChildProfile) throws(StoreError) {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.failed(path: "", reason: "no child named \(name)")
            }
            try db.execute(sql: """
                UPDATE child SET name = ?, bornOn = ?, homePostcode = ?, care = ?, faith = ?, ehcPlanSchoolID = ?, sex = ?
                WHERE id = ?
                """, arguments: [child.name, child.dateOfBirth.iso, child.homePostcode, child.care.rawValue, child.faith,
                                 child.ehcPlanSchoolID, child.sex?.rawValue, id])
            try db.execute(sql: "DELETE FROM childSibling WHERE childID = ?", arguments: [id])
            for (position, school) in child.siblingSchoolIDs.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO childSibling (childID, position, schoolID) VALUES (?, ?, ?)",
                               arguments: [id, position, school])
            }
        }
    }

    /// Schools marked to compare, in the order they were marked.
    public func markedSchools(ofChild name: String) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT m.schoolID FROM childMarkedSchool m JOIN child c ON c.id = m.childID
                WHERE c.name = ? COLLATE NOCASE ORDER BY m.position
                """, arguments: [name])
        }
    }

    /// Replaces the child's marked schools at once.
    public func setMarkedSchools(_ schoolIDs: [String], ofChild name: String) throws(StoreError) {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.failed(path: "", reason: "no child named \(name)")
            }
            try db.execute(sql: "DELETE FROM childMarkedSchool WHERE childID = ?", arguments: [id])
            for (position, school) in schoolIDs.enumerated() {
                try db.execute(sql: "INSERT OR IGNORE INTO childMarkedSchool (childID, position, schoolID) VALUES (?, ?, ?)",
                               arguments: [id, position, school])
            }
        }
    }

    /// In the order they were added.
    public func children() throws(StoreError) -> [ChildProfile] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM child ORDER BY id").compactMap { try Self.profile($0, db) }
        }
    }

    /// Names match without regard to case.
    public func child(named name: String) throws(StoreError) -> ChildProfile? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM child WHERE name = ? COLLATE NOCASE", arguments: [name])
                .flatMap { try Self.profile($0, db) }
        }
    }

    /// Removes the child with their preferences and priorities; false if there was none.
    @discardableResult
    public func removeChild(named name: String) throws(StoreError) -> Bool {
        var removed = false
        try write { db in
            try db.execute(sql: "DELETE FROM child WHERE name = ? COLLATE NOCASE", arguments: [name])
            removed = db.changesCount > 0
        }
        return removed
    }

    /// School ids, first preference first; empty when none are set.
    public func preferences(ofChild name: String) throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT p.schoolID FROM childPreference p JOIN child c ON c.id = p.childID
                WHERE c.name = ? COLLATE NOCASE ORDER BY p.rank
                """, arguments: [name])
        }
    }

    /// Replaces the child's whole list at once.
    public func setPreferences(_ schoolIDs: [String], ofChild name: String) throws(StoreError) {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.failed(path: "", reason: "no child named \(name)")
            }
            try db.execute(sql: "DELETE FROM childPreference WHERE childID = ?", arguments: [id])
            for (index, school) in schoolIDs.enumerated() {
                try db.execute(sql: "INSERT INTO childPreference (childID, rank, schoolID) VALUES (?, ?, ?)",
                               arguments: [id, index + 1, school])
            }
        }
    }

    /// Nil when the parent has not set any.
    public func priorities(ofChild name: String) throws(StoreError) -> ParentPriorities? {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.priority, p.weight FROM childPriority p JOIN child c ON c.id = p.childID WHERE c.name = ? COLLATE NOCASE
                """, arguments: [name])
            guard !rows.isEmpty else { return nil }
            var weights: [Priority: Int] = [:]
            for row in rows {
                if let priority = Priority(rawValue: row["priority"]) { weights[priority] = row["weight"] }
            }
            return ParentPriorities(weights: weights)
        }
    }

    public func setPriorities(_ priorities: ParentPriorities, ofChild name: String) throws(StoreError) {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM child WHERE name = ? COLLATE NOCASE", arguments: [name]) else {
                throw StoreError.failed(path: "", reason: "no child named \(name)")
            }
            for priority in Priority.allCases {
                try db.execute(sql: """
                    INSERT INTO childPriority (childID, priority, weight) VALUES (?, ?, ?)
                    ON CONFLICT(childID, priority) DO UPDATE SET weight = excluded.weight
                    """, arguments: [id, priority.rawValue, priorities.weight(priority)])
            }
        }
    }

    /// A stored row as a profile; a row whose date cannot be read is skipped rather than trusted.
    private static func profile(_ row: Row, _ db: Database) throws -> ChildProfile? {
        guard let born = CalendarDate.parseISO(row["bornOn"]) else { return nil }
        let id: Int64 = row["id"]
        let siblings = try String.fetchAll(db, sql: "SELECT schoolID FROM childSibling WHERE childID = ? ORDER BY position",
                                           arguments: [id])
        let sex: String? = row["sex"]
        return ChildProfile(name: row["name"], dateOfBirth: born, homePostcode: row["homePostcode"], siblingSchoolIDs: siblings,
                            care: CareHistory(rawValue: row["care"]) ?? .none, faith: row["faith"],
                            ehcPlanSchoolID: row["ehcPlanSchoolID"], sex: sex.flatMap(ChildSex.init(rawValue:)))
    }
}
