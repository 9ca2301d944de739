import AgoraStore
import ChoiceKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new catalog made in a directory of its own beside where it will go, and put in place only
/// when it is whole and checked: the directory is swapped with the old one in one step where the
/// system can (`renameat2` with `RENAME_EXCHANGE` on Linux, `renamex_np` on macOS), else by two
/// renames that are undone if the second fails. Until then the target is untouched; a failure or
/// Ctrl-C removes the staging directory and leaves the target as it was.
final class CatalogStaging {
    let target: String
    let staging: String
    private let stagingParent: String

    /// Files in the target that are not the catalog's, carried into the new directory.
    private static let leftoverMarker = ".partial-"

    init(target: String) throws(Failure) {
        let absolute = URL(fileURLWithPath: target).standardizedFileURL
        self.target = absolute.path
        // The staging directory goes in the nearest directory that exists, so the final rename
        // stays on one file system.
        var parent = absolute.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: parent.path), parent.path != "/" { parent = parent.deletingLastPathComponent() }
        stagingParent = parent.path
        staging = parent.appendingPathComponent(".\(absolute.lastPathComponent).import-\(getpid())").path
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw Self.failure(target, FileProblem.words(errno: errno))
        }
    }

    static func failure(_ target: String, _ reason: String) -> Failure {
        .failed("cannot write the catalog to \(MessageText.path(target)): \(reason) — choose a directory you can write to for --into")
    }

    /// Starts writing the files, each flushed to the disk, on a thread of their own, so the disk
    /// works while the caller checks them; `waitForDisk()` says whether all of it got there.
    func write(_ files: [String: [UInt8]]) {
        writing = FilesWriting(files.sorted(by: { $0.key < $1.key }), into: staging)
    }

    /// Waits until the files are written and on the disk; the failure names the first that is not.
    func waitForDisk() throws(Failure) {
        guard let writing else { return }
        if let (name, reason) = writing.wait() { throw Self.failure(target, "\(name): \(reason)") }
    }

    private var writing: FilesWriting?

    /// Removes the staging directory and everything in it.
    func discard() {
        _ = writing?.wait()
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Puts the new catalog where the old one was (or where none was). Files of the old directory
    /// that are not the catalog's (a README, notes) come along.
    func moveIntoPlace(writtenNames: Set<String>) throws(Failure) {
        try waitForDisk()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path,
                                                        withIntermediateDirectories: true)
            } catch {
                throw Self.failure(target, FileProblem.words(for: error))
            }
            guard rename(staging, target) == 0 else { throw Self.failure(target, FileProblem.words(errno: errno)) }
            syncDirectory(URL(fileURLWithPath: target).deletingLastPathComponent().path)
            return
        }
        let extras = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [])
            .filter { !writtenNames.contains($0) && !$0.contains(Self.leftoverMarker) }
        var directories: [String] = []
        for name in extras {
            let from = target + "/" + name
            var entryIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: from, isDirectory: &entryIsDirectory) else { continue }
            if entryIsDirectory.boolValue {
                directories.append(name)
            } else {
                do { try FileManager.default.copyItem(atPath: from, toPath: staging + "/" + name) } catch {
                    throw Self.failure(target, "could not keep \(name): \(FileProblem.words(for: error))")
                }
            }
        }
        let old: String
        if Self.exchange(staging, target) {
            old = staging
        } else {
            old = staging + ".old"
            guard rename(target, old) == 0 else { throw Self.failure(target, FileProblem.words(errno: errno)) }
            guard rename(staging, target) == 0 else {
                let reason = FileProblem.words(errno: errno)
                rename(old, target)
                throw Self.failure(target, reason)
            }
        }
        for name in directories { rename(old + "/" + name, target + "/" + name) }
        syncDirectory(stagingParent)
        try? FileManager.default.removeItem(atPath: old)
    }

    private func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Swaps two paths in one step, where the system offers it; false when it does not.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 1 << 1 // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}

/// Files written and flushed to the disk (`fsync`) one after another on a thread of their own;
/// the first that fails stops the rest.
private final class FilesWriting: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the writing thread before `done` is signalled, read only after.
    private var failure: (name: String, reason: String)?
    private var waited = false

    init(_ files: [(key: String, value: [UInt8])], into directory: String) {
        Thread.detachNewThread { [self] in
            for (name, bytes) in files {
                if let reason = FileWriting.writeNew(directory + "/" + name, bytes) {
                    failure = (name, reason)
                    break
                }
            }
            done.signal()
        }
    }

    /// The first file that was not written to the disk, and why; nil when all were.
    func wait() -> (name: String, reason: String)? {
        if !waited {
            done.wait()
            waited = true
        }
        return failure
    }
}
