import AgoraUI
import ChoiceKit
import Foundation
import Testing
@testable import agora

/// The runtime's side of the effect loop, with failures injected: what the store and the file
/// system answer comes back as outcomes the UI can show.
@Suite("Runtime: store effects and jobs")
struct RuntimeTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0)

    @Test func aWriteWithNowhereToSaveFailsWithAMessage() {
        let effects = StoreEffects(store: nil, today: Self.today)
        let outcome = effects.carryOut(RequestID(7), .setHomePostcode("KM1 9UY"))
        guard case .failed(let id, let message) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(id == RequestID(7))
        #expect(message.contains("nowhere to save"))
        #expect(effects.shortlist() == nil)
    }

    @Test func exportsWriteWholeFilesOrNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = Inbox(wake: {})
        let runner = JobRunner(inbox: inbox)
        let text = String(repeating: "Ashford Court,Care home\n", count: 20_000)
        let target = folder.appendingPathComponent("list.csv")
        runner.start(RequestID(1), .export(ExportDocument(title: "Shortlist", text: text), path: target.path))
        while runner.isBusy { Thread.sleep(forTimeInterval: 0.005) }
        let outcomes = inbox.drain()
        #expect(outcomes.contains { if case .progress(RequestID(1), _, _) = $0 { return true }; return false })
        #expect(outcomes.last == .finished(RequestID(1), message: "Saved shortlist to \(target.path)"))
        #expect(try String(contentsOf: target, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["list.csv"], "no partial file left")
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "an export is the owner's alone, as the data directory is")

        runner.start(RequestID(2), .export(ExportDocument(title: "Shortlist", text: "x"), path: "/no/such/folder/list.csv"))
        while runner.isBusy { Thread.sleep(forTimeInterval: 0.005) }
        guard case .jobFailed(RequestID(2), let message)? = inbox.drain().last else {
            Issue.record("a missing folder did not fail the job")
            return
        }
        #expect(message.contains("does not exist"))
    }

    @Test func anExportClearsWhatAKilledExportLeftBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // What a kill -9 during an export leaves: the partial file of a process that no longer runs.
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(".list.csv.partial-99999999").path,
                                               contents: Data("Ashford".utf8)))
        let inbox = Inbox(wake: {})
        let runner = JobRunner(inbox: inbox)
        runner.start(RequestID(4), .export(ExportDocument(title: "Shortlist", text: "a,b\n"), path: folder.appendingPathComponent("list.csv").path))
        runner.cancelAllAndWait()
        #expect(!runner.isBusy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }.isEmpty)
    }

    /// Saving again under the same name (or over a file of one's own) replaces the file.
    @Test func anExportReplacesAFileOfTheSameName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("notes.csv")
        try "my notes\n".write(to: target, atomically: false, encoding: .utf8)
        let inbox = Inbox(wake: {})
        let runner = JobRunner(inbox: inbox)
        for (number, text) in ["a,b\n", "c,d\n"].enumerated() {
            runner.start(RequestID(10 + number), .export(ExportDocument(title: "Shortlist", text: text), path: target.path))
            while runner.isBusy { Thread.sleep(forTimeInterval: 0.005) }
            #expect(inbox.drain().last == .finished(RequestID(10 + number), message: "Saved shortlist to \(target.path)"))
            #expect(try String(contentsOf: target, encoding: .utf8) == text)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.csv"])
    }

    @Test func endingTheProgramLeavesAnExportWholeOrNotThere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = Inbox(wake: {})
        let runner = JobRunner(inbox: inbox)
        let text = String(repeating: "Ashford Court,Care home\n", count: 400_000)
        let target = folder.appendingPathComponent("big.csv")
        runner.start(RequestID(5), .export(ExportDocument(title: "Shortlist", text: text), path: target.path))
        // As the program does when it ends (a quit or a signal) with the export under way.
        runner.cancelAllAndWait()
        #expect(!runner.isBusy)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        switch inbox.drain().last {
        case .cancelled(RequestID(5))?: #expect(names.isEmpty)
        case .finished(RequestID(5), _)?:
            #expect(names == ["big.csv"])
            #expect(try String(contentsOf: target, encoding: .utf8) == text)
        case let other: Issue.record("the export neither finished nor stopped: \(String(describing: other))")
        }
    }

    @Test func aCancelledExportLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = Inbox(wake: {})
        let runner = JobRunner(inbox: inbox)
        // Cancelled before it starts writing: it stops at its first safe point.
        runner.cancelBeforeStart(RequestID(3))
        runner.start(RequestID(3), .export(ExportDocument(title: "Shortlist", text: String(repeating: "y", count: 1_000_000)),
                                           path: folder.appendingPathComponent("big.csv").path))
        while runner.isBusy { Thread.sleep(forTimeInterval: 0.005) }
        #expect(inbox.drain().last == .cancelled(RequestID(3)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
