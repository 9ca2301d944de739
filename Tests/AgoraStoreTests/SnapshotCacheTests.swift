import AgoraStore
import CatalogGenerator
import ChoiceKit
import Foundation
import Testing

private enum CatalogSnapshotBlock {
    static let megabyte = 1 << 20
}

/// The snapshot cache never keeps half a file or a damaged one, and keeps what it writes private.
@Suite("Snapshot cache", .serialized)
struct SnapshotCacheTests {
    private struct Setup {
        let root: URL
        let catalogDirectory: String
        let source: DirectoryCatalogSource
        let catalog: Catalog
        let cache: SnapshotCache

        init(providers: Int = 120) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("agora-cache-\(UUID().uuidString)")
            catalogDirectory = root.appendingPathComponent("catalog").path
            try FileManager.default.createDirectory(atPath: catalogDirectory, withIntermediateDirectories: true)
            for (name, text) in CatalogGenerator.generate(seed: 11, providers: providers) {
                try Data(text.utf8).write(to: URL(fileURLWithPath: catalogDirectory).appendingPathComponent(name))
            }
            source = DirectoryCatalogSource(directory: catalogDirectory)
            catalog = try Catalog.load(from: source)
            cache = SnapshotCache(catalogDirectory: catalogDirectory, environment: ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path])
        }

        var cacheDirectory: String { cache.file.deletingLastPathComponent().path }
        func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory)) ?? [] }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func aSavedSnapshotIsUsedAndIsPrivate() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let previous = umask(0o022)
        defer { umask(previous) }
        #expect(setup.cache.save(setup.catalog, setup.source))
        let loaded = try #require(setup.cache.load(setup.source))
        #expect(loaded.providers == setup.catalog.providers)
        #expect(try mode(setup.cache.file.path) == 0o600)
        #expect(try mode(setup.cacheDirectory) == 0o700)
        #expect(setup.entries() == [setup.cache.file.lastPathComponent])
    }

    @Test func aDamagedSnapshotIsRemovedAndNotUsed() throws {
        let setup = try Setup()
        defer { setup.remove() }
        #expect(setup.cache.save(setup.catalog, setup.source))
        var bytes = [UInt8](try Data(contentsOf: setup.cache.file))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: setup.cache.file)
        #expect(setup.cache.load(setup.source) == nil)
        #expect(!FileManager.default.fileExists(atPath: setup.cache.file.path))
    }

    @Test func aSnapshotOfManyMegabytesIsWrittenAsItIsMadeAndReadsBackTheSame() throws {
        let setup = try Setup(providers: 9_000)
        defer { setup.remove() }
        #expect(setup.cache.save(setup.catalog, setup.source))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: setup.cache.file.path)[.size] as? Int)
        #expect(size > 2 * CatalogSnapshotBlock.megabyte, "records in several blocks, checksums over several megabytes")
        // As many bytes as made in memory (the header differs only in when it was made), and the
        // same catalog back.
        let inMemory = try #require(CatalogSnapshot.encode(setup.catalog, source: setup.source))
        let onDisk = try [UInt8](Data(contentsOf: setup.cache.file))
        #expect(onDisk.count == inMemory.count)
        #expect(onDisk.suffix(CatalogSnapshotBlock.megabyte) == inMemory.suffix(CatalogSnapshotBlock.megabyte))
        let loaded = try #require(setup.cache.load(setup.source))
        #expect(loaded.providers.count == setup.catalog.providers.count)
        for position in stride(from: 0, to: setup.catalog.providers.count, by: 97) {
            #expect(loaded.providers[position] == setup.catalog.providers[position])
        }
    }

    @Test func aCancelledSaveLeavesNothingBehind() throws {
        let setup = try Setup()
        defer { setup.remove() }
        // Cancelled after a few checks: part-way through writing.
        for checksBeforeCancel in 0..<8 {
            var checks = 0
            let saved = setup.cache.save(setup.catalog, setup.source) {
                checks += 1
                return checks > checksBeforeCancel
            }
            #expect(!saved)
            #expect(!setup.entries().contains { $0.contains(".partial-") }, "after \(checksBeforeCancel) checks")
            #expect(!FileManager.default.fileExists(atPath: setup.cache.file.path))
        }
    }

    @Test func backgroundWorkCancelledAtQuitFinishesOrCleansUp() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let cache = setup.cache, catalog = setup.catalog, source = setup.source
        let work = BackgroundWork { isCancelled in cache.save(catalog, source, isCancelled: isCancelled) }
        work.start()
        work.cancelAndWait()
        #expect(!setup.entries().contains { $0.contains(".partial-") })
        if FileManager.default.fileExists(atPath: cache.file.path) {
            #expect(cache.load(source) != nil)
        }
    }

    @Test func partialFilesOfEndedProcessesAreRemoved() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try PrivateFiles.makeDirectory(setup.cacheDirectory)
        // A process id that is not running: the largest a pid can be is far below this.
        let dead = setup.cache.file.path + ".partial-99999999"
        let mine = setup.cache.file.path + ".partial-\(getpid())"
        for path in [dead, mine] { _ = FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3])) }
        _ = setup.cache.load(setup.source)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: mine))
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int) ?? -1
    }
}
