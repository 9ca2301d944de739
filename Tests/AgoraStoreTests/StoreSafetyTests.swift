import AgoraStore
import ChoiceKit
import Foundation
import GRDB
import Testing

/// Several copies of Agora at once, a database from a newer Agora, and who may read the files.
@Suite("Store: copies at once, newer databases, private files", .serialized)
struct StoreSafetyTests {
    let day = CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0)

    private func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("agora-store-\(UUID().uuidString)").path
    }

    @Test func copiesWritingAtOnceLoseNothingAndSeeEachOther() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let copies = 4, each = 30
        let failures = Failures()
        // Each thread is a copy of the program with its own connection, opened at the same moment.
        DispatchQueue.concurrentPerform(iterations: copies + 1) { copy in
            do {
                let store = try AgoraStore(directory: directory)
                if copy == copies {
                    // A reader all the while, as the full-screen program showing the shortlist.
                    for _ in 0..<(each * 2) { _ = try store.shortlist() }
                    return
                }
                for number in 0..<each {
                    try store.addToShortlist(providerID: "P\(copy)-\(number)", kind: .care, on: day)
                    try store.setSetting(.theme, to: "copy \(copy)")
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let seen = try AgoraStore(directory: directory).shortlist()
        #expect(seen.count == copies * each)
        #expect(Set(seen.map(\.position)).count == copies * each, "two entries were given the same position")
    }

    @Test func aLongReadInAnotherCopyDoesNotMakeAChangeFail() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try AgoraStore(directory: directory)
        try store.addToShortlist(providerID: "S1", kind: .school, on: day)
        // Another copy reads for three seconds (a long export, a slow disk) inside one transaction.
        let other = try DatabaseQueue(path: directory + "/" + AgoraStore.fileName)
        let reading = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? other.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shortlistEntry")
                reading.signal()
                Thread.sleep(forTimeInterval: 3)
            }
            done.signal()
        }
        reading.wait()
        let started = Date()
        try store.addToShortlist(providerID: "C4", kind: .care, on: day)
        #expect(Date().timeIntervalSince(started) < 1, "the change waited for the reader")
        done.wait()
        #expect(try store.shortlist().map(\.providerID) == ["S1", "C4"])
    }

    @Test func aChangeByOneCopyIsSeenByAnotherOnItsNextRead() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let program = try AgoraStore(directory: directory), command = try AgoraStore(directory: directory)
        #expect(try program.shortlist().isEmpty)
        try command.addToShortlist(providerID: "G2", kind: .gp, on: day)
        #expect(try program.shortlist().map(\.providerID) == ["G2"])
    }

    @Test func theStoreIsInWALMode() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AgoraStore(directory: directory).setSetting(.theme, to: "mono")
        let queue = try DatabaseQueue(path: directory + "/" + AgoraStore.fileName)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("a database from a newer Agora is refused and left as it is", arguments: ["migration", "user_version"])
    func newerDatabase(how: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + AgoraStore.fileName
        do {
            let store = try AgoraStore(directory: directory)
            try store.addToShortlist(providerID: "S1", kind: .school, on: day)
        }
        // What a newer Agora would leave: a migration this one does not know, or a higher version.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                if how == "migration" {
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
                } else {
                    try db.execute(sql: "PRAGMA user_version = 99")
                }
            }
            _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect {
            _ = try AgoraStore(directory: directory)
        } throws: { error in
            "\(error)".contains("was written by a newer version of Agora") && "\(error)".contains("update Agora")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
    }

    @Test func filesAreTheOwnersAloneWhateverTheUmask() throws {
        let parent = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let previous = umask(0o000)
        defer { umask(previous) }
        let directory = parent + "/share/agora"
        let store = try AgoraStore(directory: directory)
        try store.setSetting(.homePostcode, to: "KM1 1AA")
        for path in [parent + "/share", directory] { #expect(try mode(path) == 0o700, "\(path)") }
        for suffix in ["", "-wal", "-shm"] {
            let file = directory + "/" + AgoraStore.fileName + suffix
            if FileManager.default.fileExists(atPath: file) { #expect(try mode(file) == 0o600, "\(file)") }
        }
    }

    @Test func filesAnEarlierAgoraLeftReadableAreMadePrivate() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try AgoraStore(directory: directory)
        let file = directory + "/" + AgoraStore.fileName
        #expect(chmod(file, 0o644) == 0)
        _ = try AgoraStore(directory: directory)
        #expect(try mode(file) == 0o600)
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }
}

/// Messages collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
