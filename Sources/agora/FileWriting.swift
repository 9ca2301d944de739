import AgoraStore
import ChoiceKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files the commands write where the person says (`catalog generate --out DIR`): each written
/// beside its final name and renamed into place, so an interrupted run leaves whole files, and
/// every failure said in words ("a part of the path is a file, not a directory"), never as an
/// error domain and number.
enum FileWriting {
    static func writeCatalog(_ files: [String: String], to directory: String) throws(Failure) {
        func failure(_ reason: String) -> Failure {
            .failed("cannot write the catalog to \(MessageText.path(directory)): \(reason) — choose a directory you can write to for --out")
        }
        if let blocker = firstFileOnThePath(directory) {
            throw failure("\(MessageText.path(blocker)) is a file, not a directory")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw failure(FileProblem.words(for: error))
        }
        removeLeftovers(in: directory, of: Set(files.keys))
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if let problem = replace(path, with: Array(text.utf8)) { throw failure("\(name): \(problem)") }
        }
    }

    /// Partial files of earlier runs that were killed mid-write (`NAME.partial-PID` whose process
    /// no longer runs), for the files about to be written.
    static func removeLeftovers(in directory: String, of names: Set<String>) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries {
            guard let marker = entry.range(of: ".partial-", options: .backwards), names.contains(String(entry[..<marker.lowerBound])),
                  let pid = Int32(entry[marker.upperBound...]), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == -1, errno == ESRCH { unlink(URL(fileURLWithPath: directory).appendingPathComponent(entry).path) }
        }
    }

    /// One text file (a report), written beside its name and renamed into place.
    static func writeText(_ text: String, to path: String, option: String) throws(Failure) {
        if let blocker = firstFileOnThePath(URL(fileURLWithPath: path).deletingLastPathComponent().path) {
            throw Failure.failed("cannot write \(MessageText.path(path)): \(MessageText.path(blocker)) is a file, not a directory — choose another file for \(option)")
        }
        let url = URL(fileURLWithPath: path)
        removeLeftovers(in: url.deletingLastPathComponent().path, of: [url.lastPathComponent])
        if let problem = replace(path, with: Array(TextSafety.inertLines(text).utf8)) {
            throw Failure.failed("cannot write \(MessageText.path(path)): \(problem) — choose a file you can write for \(option)")
        }
    }

    /// The first existing path above and including `path` that is not a directory, if any.
    private static func firstFileOnThePath(_ path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var candidates: [String] = []
        while url.path != "/" && !url.path.isEmpty {
            candidates.append(url.path)
            url.deleteLastPathComponent()
        }
        for candidate in candidates.reversed() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return nil }
            if !isDirectory.boolValue { return candidate }
        }
        return nil
    }

    /// Writes `bytes` to `NAME.partial-PID` and renames it to `path`; nil when done, else why not.
    private static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        let partial = path + ".partial-\(getpid())"
        unlink(partial)
        var problem = writeNew(partial, bytes)
        if problem == nil, rename(partial, path) != 0 { problem = FileProblem.words(errno: errno) }
        if problem != nil { unlink(partial) }
        return problem
    }

    /// Makes the file at `path` (which must not exist) holding `bytes`, flushed to the disk; nil
    /// when done, else why not.
    static func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return FileProblem.words(errno: errno) }
        defer { close(descriptor) }
        do {
            try PrivateFiles.writeAll(bytes, to: descriptor)
        } catch {
            return error.reason
        }
        return fsync(descriptor) == 0 ? nil : FileProblem.words(errno: errno)
    }
}
