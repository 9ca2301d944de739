import CatalogGenerator
import Foundation
import Testing
@_spi(Fuzzing) @testable import ChoiceKit

/// Snapshots read in place: providers decoded when asked for, the index used as stored, and the
/// files' freshness judged by their status before their bytes.
@Suite("Snapshots read in place", .serialized)
struct SnapshotInPlaceTests {
    /// A catalog directory on disk that counts how often each file's bytes are read.
    private final class CountingSource: CatalogSource, @unchecked Sendable {
        let inner: DirectoryCatalogSource
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        init(directory: String) { inner = DirectoryCatalogSource(directory: directory, displayName: "catalog") }
        var displayName: String { inner.displayName }
        func read(_ fileName: String) -> CatalogFileRead {
            lock.withLock { counts[fileName, default: 0] += 1 }
            return inner.read(fileName)
        }
        func status(_ fileName: String) -> FileStatus? { inner.status(fileName) }
        var reads: Int { lock.withLock { counts.values.reduce(0, +) } }
        func reset() { lock.withLock { counts = [:] } }
    }

    private func directory(seed: UInt64, providers: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agora-inplace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in CatalogGenerator.generate(seed: seed, providers: providers) {
            try Data(text.utf8).write(to: root.appendingPathComponent(name))
        }
        return root
    }

    private func snapshot(_ catalog: Catalog, _ source: any CatalogSource, madeAt: Int64) throws -> [UInt8] {
        try #require(CatalogSnapshot.encodeChunks(catalog, source: source, madeAt: madeAt)).reduce(into: []) { $0 += $1 }
    }

    /// Parts renumber their shared strings as they are joined (a number may need more bytes in
    /// the joined table than in its part): the result must be one pass's, whatever the parts.
    @Test func recordsEncodedInPartsAreThoseOfOnePass() throws {
        let catalog = try CatalogFixture(seed: 31, providers: 3_000).load()
        let whole = RecordsInParts(catalog.providers, parts: 1)
        #expect(whole.sharedStrings.count > 300)
        for parts in [2, 3, 7] {
            let split = RecordsInParts(catalog.providers, parts: parts)
            #expect(split.bytes == whole.bytes, "\(parts) parts")
            #expect(split.recordEnds == whole.recordEnds, "\(parts) parts")
            #expect(split.sharedStrings.bytes == whole.sharedStrings.bytes && split.sharedStrings.ends == whole.sharedStrings.ends)
        }
    }

    @Test func recordsHeldFromTheFirstEncodingGiveTheSameBytes() throws {
        // Over a megabyte of records, so more than one block is held.
        let fixture = CatalogFixture(seed: 29, providers: 8_000)
        let catalog = try fixture.load()
        var twice = PiecesSink(), held = PiecesSink()
        #expect(CatalogSnapshot.write(catalog, source: fixture.source, madeAt: 1_700_000_000, to: &twice))
        #expect(CatalogSnapshot.write(catalog, source: fixture.source, madeAt: 1_700_000_000, holdingRecords: true, to: &held))
        let bytes = twice.pieces.reduce(into: []) { $0 += $1 }
        #expect(bytes.count > 2 * SnapshotEncoder.blockSize)
        #expect(held.pieces.reduce(into: []) { $0 += $1 } == bytes)
        #expect(CatalogSnapshot.decode(bytes, source: fixture.source)?.providers.count == catalog.providers.count)
    }

    @Test func aByteChangedAnywhereAfterTheHeaderIsRefusedByItsChecksum() throws {
        let fixture = CatalogFixture(seed: 31, providers: 400)
        let catalog = try fixture.load()
        let bytes = try snapshot(catalog, fixture.source, madeAt: 1_700_000_000)
        guard case .loaded = CatalogSnapshot.read(bytes, source: fixture.source, checkingSums: true) else {
            Issue.record("the sound snapshot was not read")
            return
        }
        // Sections are decoded while their checksums are taken: whichever finishes first, a
        // change anywhere in the body (the index, the records, the manifest) is refused.
        let bodyStart = bytes.count - 3 * bytes.count / 4
        for position in stride(from: bodyStart, to: bytes.count, by: max(1, bytes.count / 40)) + [bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x20
            guard case .damaged = CatalogSnapshot.read(damaged, source: fixture.source, checkingSums: true) else {
                Issue.record("a change at byte \(position) of \(bytes.count) was not refused")
                continue
            }
        }
    }

    @Test func providersAreDecodedWhenAskedForAndEqualTheFiles() throws {
        let fixture = CatalogFixture(seed: 23, providers: 500)
        let catalog = try fixture.load()
        let bytes = try #require(CatalogSnapshot.encode(catalog, source: fixture.source))
        let decoded = try #require(CatalogSnapshot.decode(bytes, source: fixture.source))
        #expect(decoded.providers.count == catalog.providers.count)
        // Out of order, and twice: the same provider object comes back the second time.
        for position in stride(from: catalog.providers.count - 1, through: 0, by: -7) {
            #expect(decoded.providers[position] == catalog.providers[position])
            #expect(decoded.providers[position] === decoded.providers[position])
        }
        for provider in catalog.providers.prefix(50) {
            #expect(decoded.provider(id: provider.id) == provider)
            #expect(decoded.hasNamesake(provider) == catalog.hasNamesake(provider))
        }
        #expect(decoded.provider(id: "no-such-id") == nil)
        for kind in ProviderKind.allCases {
            #expect(decoded.index.positions(of: kind) == catalog.index.positions(of: kind))
            #expect(decoded.sectorCounts(of: kind) == catalog.sectorCounts(of: kind))
        }
        var near = ProviderQuery(kind: .care, sort: SortOrder(field: .distance))
        near.origin = catalog.manifest.area.centre
        near.filters.acceptsDirectPaymentsOnly = true
        for query in [near, ProviderQuery(text: "hall"), ProviderQuery(kind: .school, sort: SortOrder(field: .ks2)),
                      ProviderQuery(kind: .care, sort: SortOrder(field: .cost))] {
            #expect(decoded.run(query) == catalog.run(query))
        }
    }

    @Test func settledUnchangedFilesAreNotReadAgain() throws {
        let root = try directory(seed: 3, providers: 300)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = CountingSource(directory: root.path)
        let catalog = try Catalog.load(from: source)
        // As if the snapshot had been made a minute after the files were last written.
        let bytes = try snapshot(catalog, source, madeAt: FileStatus.now() + 60)
        source.reset()
        let decoded = try #require(CatalogSnapshot.decode(bytes, source: source))
        #expect(source.reads == 0)
        #expect(decoded.providers == catalog.providers)
    }

    @Test func filesWrittenJustBeforeTheSnapshotAreCheckedByTheirBytes() throws {
        let root = try directory(seed: 3, providers: 300)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = CountingSource(directory: root.path)
        let catalog = try Catalog.load(from: source)
        let bytes = try snapshot(catalog, source, madeAt: FileStatus.now())
        source.reset()
        #expect(CatalogSnapshot.decode(bytes, source: source) != nil)
        #expect(source.reads > 0)
    }

    @Test func anEditOfTheSameSizeWithItsOldTimeRestoredIsSeen() throws {
        let root = try directory(seed: 3, providers: 300)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = CountingSource(directory: root.path)
        let catalog = try Catalog.load(from: source)
        let bytes = try snapshot(catalog, source, madeAt: FileStatus.now() + 60)
        let gp = root.appendingPathComponent("gp.csv")
        let before = try FileManager.default.attributesOfItem(atPath: gp.path)[.modificationDate] as? Date
        var text = try String(contentsOf: gp, encoding: .utf8)
        let name = try #require(catalog.providers(of: .gp).first?.name)
        let renamed = String(name.reversed())
        text = text.replacingOccurrences(of: name, with: renamed)
        // Written in place (same inode), same size, and its modification time put back.
        let handle = try FileHandle(forWritingTo: gp)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: before as Any], ofItemAtPath: gp.path)
        #expect(CatalogSnapshot.decode(bytes, source: source) == nil)
    }

    @Test func aTouchedButUnchangedFileStillUsesTheSnapshot() throws {
        let root = try directory(seed: 3, providers: 300)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = CountingSource(directory: root.path)
        let catalog = try Catalog.load(from: source)
        let bytes = try snapshot(catalog, source, madeAt: FileStatus.now() + 60)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)],
                                              ofItemAtPath: root.appendingPathComponent("care.csv").path)
        source.reset()
        #expect(CatalogSnapshot.decode(bytes, source: source) != nil)
        #expect(source.reads > 0)
    }

    @Test func aMappedSnapshotFileReadsTheSameAsBytes() throws {
        let root = try directory(seed: 4, providers: 200)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = DirectoryCatalogSource(directory: root.path)
        let catalog = try Catalog.load(from: source)
        let file = root.appendingPathComponent("catalog.snapshot")
        try Data(try #require(CatalogSnapshot.encode(catalog, source: source))).write(to: file)
        guard case .success(let storage) = SnapshotStorage.open(file.path) else {
            Issue.record("the snapshot file did not open")
            return
        }
        guard case .loaded(let decoded) = CatalogSnapshot.read(storage, source: source) else {
            Issue.record("the mapped snapshot was not used")
            return
        }
        #expect(decoded.providers == catalog.providers)
        if case .failure(.missing) = SnapshotStorage.open(root.appendingPathComponent("none").path) {} else {
            Issue.record("a missing snapshot was not reported as missing")
        }
    }

    @Test func withoutChecksumsADamagedRecordIsRefusedAtOnce() throws {
        let fixture = CatalogFixture(seed: 5, providers: 60)
        let catalog = try fixture.load()
        let bytes = try #require(CatalogSnapshot.encode(catalog, source: fixture.source))
        var loaded = 0, refused = 0
        for position in stride(from: bytes.count / 3, to: bytes.count * 2 / 3, by: 97) {
            var damaged = bytes
            damaged[position] ^= 0x20
            switch CatalogSnapshot.read(damaged, source: fixture.source, checkingSums: false) {
            case .loaded(let decoded):
                // Every record was decoded before the catalog was given: none reads as unreadable.
                #expect(!decoded.providers.contains { $0.id.hasPrefix("unreadable-") })
                loaded += 1
            case .damaged, .stale:
                refused += 1
            }
        }
        // Flips in the records mostly break them; some land in text and read as other text.
        #expect(refused > 0 && loaded + refused > 20)
    }
}

@Suite("Fingerprints taken in pieces")
struct FingerprintPieceTests {
    @Test func piecesOfAnySizeGiveTheFingerprintOfTheWhole() {
        var random = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 1_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let whole = Fingerprint.of(bytes)
            for cut in Set([0, 1, 3, length / 2, max(0, length - 1), length]) where cut <= length {
                var hasher = FingerprintHasher()
                bytes.withUnsafeBytes { raw in
                    hasher.add(UnsafeRawBufferPointer(rebasing: raw[0..<cut]))
                    hasher.add(UnsafeRawBufferPointer(rebasing: raw[cut..<length]))
                }
                #expect(hasher.value == whole, "length \(length) cut at \(cut)")
            }
        }
        // Lengths that differ only by trailing zero bytes differ.
        #expect(Fingerprint.of([1, 2, 3]) != Fingerprint.of([1, 2, 3, 0]))
        #expect(Fingerprint.of([UInt8](repeating: 0, count: 32)) != Fingerprint.of([UInt8](repeating: 0, count: 40)))
    }

    @Test func manyPiecesOfOneByteGiveTheFingerprintOfTheWhole() {
        let bytes = (0..<97).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var hasher = FingerprintHasher()
        bytes.withUnsafeBytes { raw in
            for offset in 0..<raw.count { hasher.add(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 1)])) }
        }
        #expect(hasher.value == Fingerprint.of(bytes))
    }

    @Test func everySingleBitFlippedChangesTheFingerprint() {
        // Whole blocks, whole words and loose bytes: a flip anywhere must show.
        let bytes = (0..<75).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let original = Fingerprint.of(bytes)
        var seen: Set<UInt64> = [original]
        for index in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[index] ^= 1 << bit
                seen.insert(Fingerprint.of(flipped))
            }
        }
        #expect(seen.count == bytes.count * 8 + 1)
    }

    @Test func aFileOnDiskIsFingerprintedAsItsBytes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agora-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = (0..<(3 << 20) + 5).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try Data(bytes).write(to: root.appendingPathComponent("big.csv"))
        let source = DirectoryCatalogSource(directory: root.path)
        #expect(source.fingerprint("big.csv") == Fingerprint.of(bytes))
        #expect(source.fingerprint("none.csv") == nil)
    }
}
