import AgoraStore
import Foundation
import Testing

/// The ledger never loses an entry it reported as saved: programs killed at random moments while
/// recording, and two programs recording at once.
@Suite("Ledger durability", .serialized)
struct LedgerDurabilityTests {
    /// Starts `agora budget receive` and kills it after `delay`; returns what it printed before dying.
    static func receive(amountPence: Int, data: URL, killAfter delay: TimeInterval?) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = AgoraBinary.url
        let amount = "\(amountPence / 100).\(amountPence % 100 < 10 ? "0" : "")\(amountPence % 100)"
        process.arguments = ["budget", "receive", "Mum", "--amount", amount, "--date", "2026-04-06", "--from", "own",
                             "--data-dir", data.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func statementAmounts(_ data: URL) throws -> [String: String] {
        let csv = try AgoraBinary.run(["budget", "statement", "Mum", "--format", "csv", "--data-dir", data.path]).stdout
        var byEntry: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if cells.count > 7 { byEntry[String(cells[0])] = String(cells[7]) }
        }
        return byEntry
    }

    static func newBudget(_ data: URL) throws {
        let run = try AgoraBinary.run(["budget", "new", "Mum", "--weekly", "350", "--mode", "direct", "--start", "2026-04-06",
                                       "--data-dir", data.path])
        #expect(run.status == 0)
    }

    @Test func killedWritersNeverLoseAReportedEntry() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try Self.newBudget(data)
        // How long one run takes, so the kills land across the whole of it, writing included.
        let started = Date()
        _ = try Self.receive(amountPence: 1, data: data, killAfter: nil)
        let typical = max(0.02, Date().timeIntervalSince(started))
        var generator = SystemRandomNumberGenerator()
        var reported: [String: String] = [:] // entry number -> amount, from "Saved entry N: … of £X"
        var kills = 0
        var run = 1
        while kills < 200, run < 700 {
            run += 1
            // Every tenth run is left to finish, so some entries are always reported saved however
            // slow a busy machine makes the others.
            let delay = run % 10 == 0 ? nil : Double.random(in: 0...typical, using: &generator)
            let result = try Self.receive(amountPence: run, data: data, killAfter: delay)
            if result.status != 0 { kills += 1 }
            if let saved = result.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Saved entry ") }) {
                let number = saved.dropFirst("Saved entry ".count).prefix { $0.isNumber }
                let amount = saved.split(separator: "£").dropFirst().first?.prefix { $0 != " " } ?? ""
                reported[String(number)] = amount.replacingOccurrences(of: ",", with: "")
            }
        }
        #expect(kills >= 200, "only \(kills) runs were killed")
        #expect(!reported.isEmpty, "no run was killed after saving; the kills did not reach the writes")
        let stored = try Self.statementAmounts(data)
        for (number, amount) in reported {
            #expect(stored[number] == amount, "entry \(number) of £\(amount) was reported saved but the ledger has \(stored[number] ?? "nothing")")
        }
        let check = try AgoraBinary.run(["budget", "list", "--data-dir", data.path])
        #expect(check.status == 0)
        #expect(try Self.integrity(data) == "ok")
    }

    @Test func twoProgramsRecordingAtOnceLoseNothing() async throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try Self.newBudget(data)
        let perWriter = 25
        let statuses = await withTaskGroup(of: [Int32].self) { group in
            for writer in 0..<2 {
                group.addTask {
                    (0..<perWriter).map { index in
                        (try? Self.receive(amountPence: 100 + writer * 1_000 + index, data: data, killAfter: nil).status) ?? -1
                    }
                }
            }
            var all: [Int32] = []
            for await statuses in group { all += statuses }
            return all
        }
        #expect(statuses.allSatisfy { $0 == 0 })
        let stored = try Self.statementAmounts(data)
        #expect(stored.count == 2 * perWriter)
        #expect(Set(stored.keys) == Set((1...(2 * perWriter)).map(String.init)))
        #expect(try Self.integrity(data) == "ok")
    }

    /// `PRAGMA integrity_check` on the file the programs wrote.
    static func integrity(_ data: URL) throws -> String {
        try AgoraStore(directory: data.path).integrityCheck()
    }
}
