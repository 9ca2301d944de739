import ChoiceKit
import Foundation
import GRDB

/// The only writer of a citizen's own data: settings and shortlists now; profiles, budgets and
/// ledgers as they arrive. One SQLite file under the data directory.
public final class AgoraStore: Sendable {
    public static let fileName = "agora.sqlite"

    let database: DatabaseQueue
    /// Where the data lives, for messages ("your shortlist is kept in …").
    public let location: String

    /// Opens (creating if needed) the store in `directory`.
    public init(directory: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: directory, reason: error.localizedDescription)
        }
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        location = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(2)
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// A store that lives only in memory (tests, and when the data directory cannot be used).
    public static func inMemory() throws(StoreError) -> AgoraStore {
        do {
            let queue = try DatabaseQueue()
            try migrator.migrate(queue)
            return AgoraStore(database: queue, location: ":memory:")
        } catch {
            throw StoreError.cannotOpen(path: ":memory:", reason: "\(error)")
        }
    }

    private init(database: DatabaseQueue, location: String) {
        self.database = database
        self.location = location
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: settings and shortlist") { db in
            try db.create(table: "setting") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.create(table: "shortlistEntry") { table in
                table.primaryKey("providerID", .text)
                table.column("kind", .text).notNull()
                table.column("addedOn", .text).notNull()
                table.column("position", .integer).notNull()
            }
        }
        BudgetSchema.register(in: &migrator)
        SchoolChoiceTables.register(in: &migrator)
        return migrator
    }

    // MARK: - Settings

    public func setting(_ key: SettingKey) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue]) }
    }

    public func setSetting(_ key: SettingKey, to value: String?) throws(StoreError) {
        try write { db in
            if let value {
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key.rawValue, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key.rawValue])
            }
        }
    }

    // MARK: - Shortlist

    /// In the order things were added.
    public func shortlist() throws(StoreError) -> [ShortlistEntry] {
        try read { db in try ShortlistEntry.order(Column("position")).fetchAll(db) }
    }

    public func addToShortlist(providerID: String, kind: ProviderKind, on date: CalendarDate) throws(StoreError) {
        try write { db in
            let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM shortlistEntry") ?? 1
            try db.execute(sql: "INSERT OR IGNORE INTO shortlistEntry (providerID, kind, addedOn, position) VALUES (?, ?, ?, ?)",
                           arguments: [providerID, kind.rawValue, date.iso, next])
        }
    }

    public func removeFromShortlist(providerID: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM shortlistEntry WHERE providerID = ?", arguments: [providerID]) }
    }

    // MARK: - Plumbing

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try database.read(body) } catch { throw StoreError.failed(path: location, reason: "\(error)") }
    }

    func write(_ body: (Database) throws -> Void) throws(StoreError) {
        do { try database.write(body) } catch { throw StoreError.failed(path: location, reason: "\(error)") }
    }
}

/// Settings a citizen makes once and expects remembered.
public enum SettingKey: String, Sendable, CaseIterable {
    case homePostcode = "home_postcode"
    case theme
}

public struct ShortlistEntry: Codable, FetchableRecord, TableRecord, Hashable, Sendable {
    public static let databaseTableName = "shortlistEntry"
    public var providerID: String
    public var kind: String
    public var addedOn: String
    public var position: Int

    public var addedDate: CalendarDate? { CalendarDate.parseISO(addedOn) }
}

public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open your saved data at \(path) (\(reason)); choose another place with --data-dir"
        case .failed(let path, let reason):
            return "could not save to \(path) (\(reason)); your change was not kept"
        }
    }
}
