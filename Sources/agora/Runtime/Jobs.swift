import AgoraStore
import AgoraUI
import ChoiceKit
import Foundation

/// Outcomes waiting for the main loop, posted from any thread; posting also wakes the loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Outcome] = []
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ outcome: Outcome) {
        lock.lock()
        waiting.append(outcome)
        lock.unlock()
        wake()
    }

    func drain() -> [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        let out = waiting
        waiting = []
        return out
    }
}

/// Loads a catalog in full (a directory's from its snapshot or files); its failure carries the
/// catalog's messages.
typealias CatalogLoadWork = @Sendable (_ place: CatalogPlace) throws(Failure) -> Catalog

/// Background jobs, each on its own thread, reporting progress to the inbox and stopping at the
/// next safe point when cancelled.
final class JobRunner: @unchecked Sendable {
    /// Guards the sets below; signalled when a job ends.
    private let lock = NSCondition()
    private var cancelled: Set<RequestID> = []
    private var running: Set<RequestID> = []
    let inbox: Inbox
    private let loadCatalog: CatalogLoadWork?

    init(inbox: Inbox, loadCatalog: CatalogLoadWork? = nil) {
        self.inbox = inbox
        self.loadCatalog = loadCatalog
    }

    func start(_ id: RequestID, _ job: JobRequest) {
        lock.lock()
        // Loading a catalog writes nothing, so quitting need not wait for it.
        if case .loadCatalog = job {} else { running.insert(id) }
        lock.unlock()
        startThread(id, job)
    }

    private func startThread(_ id: RequestID, _ job: JobRequest) {
        Thread.detachNewThread { [self] in
            let outcome = run(id, job)
            // Posted before the job counts as finished, so whoever waits for it sees its news.
            inbox.post(outcome)
            lock.lock()
            running.remove(id)
            cancelled.remove(id)
            lock.broadcast()
            lock.unlock()
        }
    }

    /// Asks every running job to stop at its next safe point and waits until each has stopped
    /// or finished (an export then leaves its whole file or none), so the program never ends
    /// half-way through a write.
    func cancelAllAndWait() {
        lock.lock()
        cancelled.formUnion(running)
        while !running.isEmpty { lock.wait() }
        lock.unlock()
    }

    func cancel(_ id: RequestID) {
        lock.lock()
        if running.contains(id) { cancelled.insert(id) }
        lock.unlock()
    }

    /// Marks a job cancelled before it starts, so a test can see the cancelled path whatever the
    /// timing of threads.
    func cancelBeforeStart(_ id: RequestID) {
        lock.lock()
        cancelled.insert(id)
        lock.unlock()
    }

    /// True while any job is still running (the loop then must not block forever on input alone).
    var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !running.isEmpty
    }

    func isCancelled(_ id: RequestID) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled.contains(id)
    }

    private func run(_ id: RequestID, _ job: JobRequest) -> Outcome {
        switch job {
        case .export(let document, let path):
            return ExportJob(id: id, document: document, path: path, runner: self).run()
        case .loadCatalog(let place):
            guard let loadCatalog else { return .jobFailed(id, message: "this program cannot load a catalog here.") }
            do {
                return .catalogLoaded(id, CatalogDelivery(try loadCatalog(place)))
            } catch {
                return .jobFailed(id, message: error.description)
            }
        }
    }
}

/// Writes a document to a file in pieces, with progress, all or nothing: the text goes to a
/// temporary file beside the target, which replaces the target only when complete.
struct ExportJob {
    let id: RequestID
    let document: ExportDocument
    let path: String
    let runner: JobRunner

    static let pieceSize = 64 * 1024

    func run() -> Outcome {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .jobFailed(id, message: "the folder \(folder.path) does not exist. Give a file name in a folder that does.")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .jobFailed(id, message: "\(target.path) is a folder. Give a file name, e.g. shortlist.csv.")
        }
        FileWriting.removeLeftovers(in: folder.path, of: [".\(target.lastPathComponent)"])
        let partial = folder.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        // Exports carry a person's budget, children or shortlist: readable by the owner only, as
        // the data directory is.
        guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = try? FileHandle(forWritingTo: partial) else {
            return .jobFailed(id, message: "cannot write in \(folder.path) (no permission, or the disk is full).")
        }
        let bytes = Array(document.text.utf8)
        var written = 0
        do {
            while written < bytes.count {
                if runner.isCancelled(id) {
                    try? handle.close()
                    try? FileManager.default.removeItem(at: partial)
                    return .cancelled(id)
                }
                let end = min(bytes.count, written + Self.pieceSize)
                try handle.write(contentsOf: bytes[written..<end])
                written = end
                runner.inbox.post(.progress(id, done: written, total: bytes.count))
            }
            try handle.synchronize()
            try handle.close()
            // rename(2) puts the new file in place of any old one in a single step: the old file
            // is there, whole, until the new one is (Foundation's replaceItemAt lost it on Linux).
            guard rename(partial.path, target.path) == 0 else {
                let problem = FileProblem.words(errno: errno)
                try? FileManager.default.removeItem(at: partial)
                return .jobFailed(id, message: "could not write \(target.path): \(problem).")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: partial)
            return .jobFailed(id, message: "could not write \(target.path): \(FileProblem.words(for: error)).")
        }
        return .finished(id, message: "Saved \(document.title.lowercased()) to \(target.path)")
    }
}
