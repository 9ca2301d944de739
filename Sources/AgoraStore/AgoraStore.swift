import ChoiceKit
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only writer of a citizen's own data: settings, shortlists, children and their school
/// preferences, care budgets and ledgers. One SQLite file under the data directory, in WAL mode so
/// several copies of Agora (the full-screen program and a command at once) read while one writes;
/// writers take turns (each change one immediate transaction, waiting up to `busyTimeout` for the
/// other), and every read sees what any copy last committed. The file and the directories made for
/// it are the person's alone (0600, 0700). A database written by a newer Agora is refused, untouched.
public final class AgoraStore: Sendable {
    public static let fileName = "agora.sqlite"
    /// Written to `PRAGMA user_version` once the migrations are applied; a file with a higher one
    /// comes from a newer Agora.
    public static let schemaVersion = 1
    /// How long a write waits for another copy's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 10

    let database: any DatabaseWriter
    /// Where the data lives, for messages ("your shortlist is kept in …").
    public let location: String

    /// Opens (creating if needed) the store in `directory`.
    public init(directory: String) throws(StoreError) {
        do {
            try PrivateFiles.makeDirectory(directory)
        } catch {
            throw StoreError.cannotOpen(path: directory, reason: error.reason)
        }
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        location = path
        if FileManager.default.fileExists(atPath: path) {
            // Looked at read-only first: a newer Agora's file must not be changed in any way.
            try Self.refuseIfNewer(path)
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                PrivateFiles.restrict(path + suffix)
            }
        } else {
            // Created here, 0600, so SQLite (and its -wal and -shm files, which take the file's
            // mode) never make it readable by others, whatever the umask.
            do {
                close(try PrivateFiles.createFile(path))
            } catch where FileManager.default.fileExists(atPath: path) {
                // Another copy created it at the same moment: fine.
            } catch {
                throw StoreError.cannotOpen(path: path, reason: error.reason)
            }
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(Self.busyTimeout)
            let pool = try Self.openPool(path, configuration)
            // Checked again with the connection that migrates: another copy may have just written.
            let (newer, current) = try pool.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let newer = try version > Self.schemaVersion || Self.migrator.hasBeenSuperseded(db)
                return (newer, try !newer && version == Self.schemaVersion && Self.migrator.hasCompletedMigrations(db))
            }
            if newer { throw StoreError.newerVersion(path: path) }
            // Most launches: nothing to migrate, so no write transaction at all.
            if current {
                database = pool
                return
            }
            // Two copies opening a new store at the same moment both try the first migrations; the
            // one that loses finds them done when it tries again.
            var attempts = 0
            while true {
                do {
                    try Self.migrator.migrate(pool)
                    break
                } catch where attempts < 3 {
                    attempts += 1
                }
            }
            try pool.write { db in
                if try (Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) < Self.schemaVersion {
                    try db.execute(sql: "PRAGMA user_version = \(Self.schemaVersion)")
                }
            }
            database = pool
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Opens the pool, trying again for a while when another copy is switching the same new file to
    /// WAL at that moment: SQLite reports that as busy without calling the busy handler.
    private static func openPool(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        var attempts = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempts < 250 {
                attempts += 1
                usleep(20_000)
            }
        }
    }

    /// Throws `newerVersion` if the file at `path` has migrations this Agora does not know or a
    /// higher schema version. Opened read-only, so the file is left exactly as it is.
    static func refuseIfNewer(_ path: String) throws(StoreError) {
        var newer = false
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(busyTimeout)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let hasMigrations = try db.tableExists("grdb_migrations")
                newer = try version > schemaVersion || (hasMigrations && migrator.hasBeenSuperseded(db))
            }
            try queue.close()
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        if newer { throw StoreError.newerVersion(path: path) }
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

    private init(database: any DatabaseWriter, location: String) {
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
        BudgetSchema.registerChanges(in: &migrator)
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

    /// Empties the shortlist in one transaction; returns how many entries there were.
    @discardableResult
    public func clearShortlist() throws(StoreError) -> Int {
        var removed = 0
        try write { db in
            try db.execute(sql: "DELETE FROM shortlistEntry")
            removed = db.changesCount
        }
        return removed
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
    /// The file comes from a newer Agora (migrations or a schema version this one does not know).
    case newerVersion(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open your saved data at \(path) (\(reason)) — choose another place with --data-dir"
        case .newerVersion(let path):
            return "your saved data at \(path) was written by a newer version of Agora, so this one leaves it exactly as it is — update Agora to use it, or choose another place with --data-dir"
        case .failed(let path, let reason):
            return "could not save to \(path) (\(reason)), so your change was not kept — check there is room and that you may write there, then try again"
        }
    }
}
