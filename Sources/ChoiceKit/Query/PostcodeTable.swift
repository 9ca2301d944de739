import Foundation

/// The catalog's postcodes by their canonical text, the table made once: at once, or on another
/// thread by `prepare()` while the catalog is already in use (a lookup before then makes it, or
/// waits for it).
final class PostcodeTable: @unchecked Sendable {
    private let lock = NSLock()
    private let entries: [Manifest.PostcodeEntry]
    /// Made under `lock`, once.
    private var table: [String: Manifest.PostcodeEntry]?

    init(_ entries: [Manifest.PostcodeEntry]) {
        self.entries = entries
    }

    /// A table made on another thread from now: the catalog is usable without it, and its first
    /// lookup waits for it if need be.
    static func madeElsewhere(_ entries: [Manifest.PostcodeEntry]) -> PostcodeTable {
        let table = PostcodeTable(entries)
        DispatchQueue.global(qos: .utility).async { table.prepare() }
        return table
    }

    func prepare() {
        lock.withLock { _ = made() }
    }

    func entry(_ canonical: String) -> Manifest.PostcodeEntry? {
        lock.withLock { made()[canonical] }
    }

    private func made() -> [String: Manifest.PostcodeEntry] {
        if let table { return table }
        var made: [String: Manifest.PostcodeEntry] = [:]
        made.reserveCapacity(entries.count)
        for entry in entries { made[entry.postcode] = entry }
        table = made
        return made
    }
}
