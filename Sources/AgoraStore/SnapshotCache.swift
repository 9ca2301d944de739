import ChoiceKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Snapshots of large catalog directories, kept under `$XDG_CACHE_HOME/agora` (else
/// `~/.cache/agora`), so the next launch on the same files skips parsing, checking and indexing.
/// A snapshot is used only if its checksums hold and every byte of the catalog's files is as it
/// was; a damaged one is removed at once, a stale one replaced once the files are loaded.
///
/// Writing never leaves half a snapshot: bytes go to `NAME.partial-PID` beside the final name,
/// which is renamed into place only when complete. A write that is cancelled removes its partial
/// file; partial files of processes that no longer run (killed mid-write) are removed next time.
public struct SnapshotCache: Sendable {
    /// Smaller catalogs load in a few milliseconds; a snapshot would not help them.
    public static let minimumProviders = 5_000

    public let file: URL

    public init(catalogDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.cache"
        }
        let absolute = URL(fileURLWithPath: catalogDirectory).standardizedFileURL.path
        // FNV-1a of the directory's path: one snapshot per catalog directory.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        file = URL(fileURLWithPath: base).appendingPathComponent("agora")
            .appendingPathComponent("catalog-\(String(hash, radix: 16)).snapshot")
    }

    private var directory: String { file.deletingLastPathComponent().path }
    private static let partialMarker = ".partial-"

    /// The catalog from its snapshot, or nil (no snapshot, stale, or damaged: a damaged one is
    /// removed). Leftovers of interrupted writes are cleared first.
    public func load(_ source: any CatalogSource) -> Catalog? {
        removeLeftovers()
        guard case .success(let storage) = SnapshotStorage.open(file.path) else { return nil }
        switch CatalogSnapshot.read(storage, source: source) {
        case .loaded(let catalog): return catalog
        case .stale: return nil
        case .damaged:
            unlink(file.path)
            return nil
        }
    }

    /// The manifest alone from the snapshot, when it is sound and the files unchanged (see
    /// `CatalogSnapshot.manifestOnly`); nil otherwise. Reads a megabyte or so and removes nothing.
    public func manifestOnly(_ source: any CatalogSource) -> Catalog? {
        CatalogSnapshot.manifestOnly(path: file.path, source: source)
    }

    /// Writes the snapshot of `catalog`; checks `isCancelled` between pieces of work and, when it
    /// says so, stops and removes what it wrote. True when the snapshot is in place.
    /// `holdingRecords`: quicker, for a caller with memory to spare (see `CatalogSnapshot.write`).
    @discardableResult
    public func save(_ catalog: Catalog, _ source: any CatalogSource, holdingRecords: Bool = false,
                     isCancelled: () -> Bool = { false }) -> Bool {
        guard !isCancelled(), (try? PrivateFiles.makeDirectory(directory)) != nil else { return false }
        let partial = file.path + Self.partialMarker + String(getpid())
        unlink(partial)
        guard let descriptor = try? PrivateFiles.createFile(partial) else { return false }
        // Written as it is made, so the records are never all held in memory at once.
        var sink = SnapshotFileSink(descriptor: descriptor)
        var complete = CatalogSnapshot.write(catalog, source: source, holdingRecords: holdingRecords,
                                             to: &sink, isCancelled: isCancelled)
        complete = complete && fsync(descriptor) == 0
        close(descriptor)
        // The rename is the last step: before it nothing is in place, after it all is.
        guard complete, !isCancelled(), rename(partial, file.path) == 0 else {
            unlink(partial)
            return false
        }
        return true
    }

    /// Removes `*.partial-PID` files in the cache directory whose process no longer runs.
    public func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names {
            guard let marker = name.range(of: Self.partialMarker, options: .backwards),
                  let pid = Int32(name[marker.upperBound...]), pid > 0 else { continue }
            if pid == getpid() { continue }
            if kill(pid, 0) == -1, errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}

/// Work that may run on a thread of its own and be cancelled: used for writing a snapshot while
/// the person already uses the program. At quit, `cancelAndWait` makes sure the work has either
/// finished or stopped and cleaned up, so the program never exits half-way through a write.
public final class BackgroundWork: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var started = false
    private let finished = DispatchSemaphore(value: 0)
    private let work: @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) -> Void

    public init(_ work: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) -> Void) {
        self.work = work
    }

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Runs the work on a new thread (once).
    public func start() {
        guard begin() else { return }
        Thread.detachNewThread { [self] in
            work { [self] in isCancelled }
            finished.signal()
        }
    }

    /// Runs the work here and now (once).
    public func run() {
        guard begin() else { return }
        work { [self] in isCancelled }
        finished.signal()
    }

    /// Asks the work to stop at its next check and waits until it has (or has finished).
    public func cancelAndWait() {
        let wasStarted: Bool = lock.withLock {
            cancelled = true
            return started
        }
        if wasStarted {
            finished.wait()
            finished.signal()
        }
    }

    private func begin() -> Bool {
        lock.withLock {
            guard !started, !cancelled else { return false }
            started = true
            return true
        }
    }
}

/// A snapshot written straight to its (partial) file.
private struct SnapshotFileSink: SnapshotSink {
    let descriptor: Int32

    func append(_ bytes: [UInt8]) -> Bool { (try? PrivateFiles.writeAll(bytes, to: descriptor)) != nil }

    func rewriteStart(_ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written, off_t(written))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
