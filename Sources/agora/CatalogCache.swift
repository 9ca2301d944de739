import ChoiceKit
import Foundation

/// Snapshots of large catalog directories, kept under `$XDG_CACHE_HOME/agora` (else
/// `~/.cache/agora`), so the next launch on the same files skips parsing, checking and indexing.
/// A snapshot is used only if every byte of the catalog's files is as it was; anything else
/// (missing, stale, damaged, unwritable) falls back to loading the files, silently.
struct CatalogCache: Sendable {
    /// Smaller catalogs load in a few milliseconds; a snapshot would not help them.
    static let minimumProviders = 5_000

    let file: URL

    init(catalogDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
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

    func load(_ source: any CatalogSource) -> Catalog? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return CatalogSnapshot.decode([UInt8](data), source: source)
    }

    func save(_ catalog: Catalog, _ source: any CatalogSource) {
        guard let fingerprint = CatalogSnapshot.fingerprint(of: source, files: CatalogSnapshot.fileNames(of: catalog.manifest))
        else { return }
        let chunks = CatalogSnapshot.encodeChunks(catalog, fingerprint: fingerprint)
        let directory = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Written beside the final name and renamed, so a reader never sees half a snapshot.
        let partial = directory.appendingPathComponent(file.lastPathComponent + ".partial-\(getpid())")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: partial) else { return }
        defer { try? FileManager.default.removeItem(at: partial) }
        do {
            for chunk in chunks { try handle.write(contentsOf: chunk) }
            try handle.close()
            _ = try? FileManager.default.removeItem(at: file)
            try FileManager.default.moveItem(at: partial, to: file)
        } catch {
            try? handle.close()
        }
    }
}
