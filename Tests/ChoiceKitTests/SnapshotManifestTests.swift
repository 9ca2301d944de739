import CatalogGenerator
import Foundation
import Testing
@_spi(Fuzzing) @testable import ChoiceKit

/// The manifest read from the start of a snapshot for a first frame: only when the snapshot is
/// sound and the files unchanged, and then the same as manifest.json's, without its postcodes.
@Suite("A first frame's manifest from the snapshot", .serialized)
struct SnapshotManifestTests {
    private struct Made {
        let root: URL
        let source: DirectoryCatalogSource
        let catalog: Catalog
        let file: String
    }

    /// A generated catalog on disk and its snapshot beside it, made `madeAt` (seconds).
    private func made(settled: Bool = true) throws -> Made {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agora-first-\(UUID().uuidString)")
        let directory = root.appendingPathComponent("catalog")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in CatalogGenerator.generate(seed: 8, providers: 400) {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let source = DirectoryCatalogSource(directory: directory.path)
        let catalog = try Catalog.load(from: source)
        let madeAt = settled ? FileStatus.now() + 60 : FileStatus.now()
        let bytes = try #require(CatalogSnapshot.encodeChunks(catalog, source: source, madeAt: madeAt)).reduce(into: []) { $0 += $1 }
        let file = root.appendingPathComponent("catalog.snapshot").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        return Made(root: root, source: source, catalog: catalog, file: file)
    }

    @Test func theManifestWithoutItsPostcodes() throws {
        let made = try made()
        defer { try? FileManager.default.removeItem(at: made.root) }
        let early = try #require(CatalogSnapshot.manifestOnly(path: made.file, source: made.source))
        let fromFile = try Catalog.manifestOnly(from: made.source)
        #expect(!made.catalog.manifest.postcodes.isEmpty)
        #expect(early.manifest.postcodes.isEmpty && fromFile.manifest.postcodes.isEmpty)
        #expect(early.manifest == fromFile.manifest)
        #expect(early.providers.isEmpty)
    }

    /// The form the fuzzer reads it in: from bytes, the files' freshness not asked.
    @Test func readFromBytesAsTheFuzzerDoes() throws {
        let fixture = CatalogFixture(seed: 5, providers: 300)
        let catalog = try fixture.load()
        let bytes = try #require(CatalogSnapshot.encode(catalog, source: fixture.source))
        let early = CatalogSnapshot.manifestOnly(size: bytes.count, source: fixture.source, checkingFreshness: false) { offset, count in
            offset + count <= bytes.count ? Array(bytes[offset..<(offset + count)]) : nil
        }
        var expected = catalog.manifest
        expected.postcodes = []
        #expect(early?.manifest == expected)
        #expect(CatalogSnapshot.manifestOnly(size: bytes.count, source: fixture.source, checkingFreshness: true) { offset, count in
            Array(bytes[offset..<(offset + count)])
        } == nil, "a source with no file status is never taken as fresh")
    }

    @Test func aChangedFileOrAnUnsettledOneMeansManifestJSON() throws {
        let made = try made()
        defer { try? FileManager.default.removeItem(at: made.root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: made.source.directory).appendingPathComponent("gp.csv"))
        #expect(CatalogSnapshot.manifestOnly(path: made.file, source: made.source) == nil)

        let unsettled = try self.made(settled: false)
        defer { try? FileManager.default.removeItem(at: unsettled.root) }
        #expect(CatalogSnapshot.manifestOnly(path: unsettled.file, source: unsettled.source) == nil)
    }

    @Test func anyDamageInWhatIsReadMeansManifestJSON() throws {
        let made = try made()
        defer { try? FileManager.default.removeItem(at: made.root) }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: made.file)))
        #expect(CatalogSnapshot.manifestOnly(path: "/nonexistent/catalog.snapshot", source: made.source) == nil)
        // A byte changed in the header, in the manifest, or the file cut short: never a manifest
        // that differs from the one written.
        for position in [0, 30, 60, bytes.count / 3, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x20
            try Data(damaged).write(to: URL(fileURLWithPath: made.file))
            let early = CatalogSnapshot.manifestOnly(path: made.file, source: made.source)
            #expect(early == nil || early?.manifest == made.catalog.manifest.withoutPostcodes, "byte \(position)")
        }
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: made.file))
        #expect(CatalogSnapshot.manifestOnly(path: made.file, source: made.source) == nil)
    }
}

private extension Manifest {
    var withoutPostcodes: Manifest {
        var copy = self
        copy.postcodes = []
        return copy
    }
}
