import ChoiceKit
import Foundation

/// What stands at a catalog file's name in a case: bytes, nothing, or something that is not a
/// regular file at all.
public enum FuzzFile: Hashable, Sendable {
    case bytes([UInt8])
    case special(SpecialFile)
}

public enum SpecialFile: String, CaseIterable, Sendable {
    case directory, namedPipe, device, danglingLink
}

/// One input: a damaged catalog or a damaged snapshot, made from the run's seed and the case's
/// number alone, so any case can be made again (and saved) from those two numbers.
public struct FuzzCase: Sendable {
    public enum Input: Sendable {
        case catalog([String: FuzzFile])
        /// A snapshot of base `base` with its bytes damaged; without `checkingSums` the decoder
        /// behind the checksums is reached.
        case snapshot([UInt8], base: Int, checkingSums: Bool)
    }

    public let seed: UInt64
    public let index: UInt64
    public let input: Input
    /// The mutations applied, for reports.
    public let mutations: [String]

    public static func make(seed: UInt64, index: UInt64, corpus: FuzzCorpus = .shared) -> FuzzCase {
        var random = FuzzRandom(seed: seed, index: index)
        let baseNumber = random.below(corpus.bases.count)
        let base = corpus.bases[baseNumber]
        var applied: [String] = []
        if random.chance(1, in: 5) {
            var bytes = base.snapshot
            for _ in 0...random.below(3) { applied.append(SnapshotMutations.apply(&bytes, &random, corpus: corpus)) }
            return FuzzCase(seed: seed, index: index, input: .snapshot(bytes, base: baseNumber, checkingSums: random.chance(1, in: 3)),
                            mutations: applied)
        }
        var files = base.files.mapValues { FuzzFile.bytes($0) }
        for _ in 0...random.below(3) { applied.append(CatalogMutations.apply(&files, &random)) }
        return FuzzCase(seed: seed, index: index, input: .catalog(files), mutations: applied)
    }

    /// Writes the case where a person can try it: a catalog directory (with its special files), or
    /// the snapshot beside the catalog it was made from.
    public func save(to directory: URL, corpus: FuzzCorpus = .shared) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var notes = "seed \(seed), case \(index): \(mutations.joined(separator: "; "))\n"
        switch input {
        case .catalog(let files):
            try Self.write(files, to: directory)
            notes += "Try: agora catalog check \(directory.path)\n"
        case .snapshot(let bytes, let base, let checkingSums):
            try Self.write(corpus.bases[base].files.mapValues { FuzzFile.bytes($0) }, to: directory.appendingPathComponent("catalog"))
            try Data(bytes).write(to: directory.appendingPathComponent("damaged.snapshot"))
            notes += "A snapshot of catalog/ (checksums \(checkingSums ? "checked" : "not checked")): damaged.snapshot\n"
        }
        try Data(notes.utf8).write(to: directory.appendingPathComponent("CASE.txt"))
    }

    private static func write(_ files: [String: FuzzFile], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, file) in files {
            let path = directory.appendingPathComponent(name).path
            switch file {
            case .bytes(let bytes): try Data(bytes).write(to: URL(fileURLWithPath: path))
            case .special(let kind): SpecialFiles.make(kind, at: path)
            }
        }
    }
}

/// Real directories, pipes and device links, made once per process, for cases that put one where
/// a catalog file should be: the loader's own file reading meets them.
enum SpecialFiles {
    static let directory: String = {
        let path = NSTemporaryDirectory() + "agora-fuzz-specials-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for kind in SpecialFile.allCases { make(kind, at: path + "/" + kind.rawValue) }
        return path
    }()

    static func path(_ kind: SpecialFile) -> String { directory + "/" + kind.rawValue }

    static func make(_ kind: SpecialFile, at path: String) {
        switch kind {
        case .directory: try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        case .namedPipe: _ = mkfifo(path, 0o600)
        case .device: _ = symlink("/dev/zero", path)
        case .danglingLink: _ = symlink("/nonexistent/agora-fuzz", path)
        }
    }

    /// Removes this process's special files.
    static func removeAll() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A catalog source over a case's files: bytes from memory, special files read from disk through
/// the same `RegularFile.read` the directory source uses.
struct FuzzCatalogSource: CatalogSource {
    let files: [String: FuzzFile]
    let displayName = "catalog"

    func read(_ fileName: String) -> CatalogFileRead {
        switch files[fileName] {
        case nil: return .missing
        case .bytes(let bytes)?: return .bytes(bytes)
        case .special(let kind)?: return RegularFile.read(SpecialFiles.path(kind))
        }
    }
}
