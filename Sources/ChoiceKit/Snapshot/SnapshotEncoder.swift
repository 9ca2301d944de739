import Foundation

/// Where a snapshot goes as it is made: its pieces in file order, then its start (magic, version
/// and header) once more when the checksums are known, over the same number of bytes as first.
public protocol SnapshotSink {
    mutating func append(_ bytes: [UInt8]) -> Bool
    mutating func rewriteStart(_ bytes: [UInt8]) -> Bool
}

/// The pieces held in memory (for tests and fuzzing, and `CatalogSnapshot.encode`).
struct PiecesSink: SnapshotSink {
    var pieces: [[UInt8]] = []

    mutating func append(_ bytes: [UInt8]) -> Bool {
        pieces.append(bytes)
        return true
    }

    mutating func rewriteStart(_ bytes: [UInt8]) -> Bool {
        guard let first = pieces.first, first.count == bytes.count else { return false }
        pieces[0] = bytes
        return true
    }
}

/// Writes a snapshot without holding its provider records: they are encoded once to learn the
/// shared strings and where each record ends (which come before them in the file), then again as
/// they are written. The header goes first with its checksums left at zero, and is written again
/// at the end; its size does not change. With `holdingRecords` the first encoding is kept and
/// written instead (quicker, for a caller with tens of megabytes to spare).
struct SnapshotEncoder {
    let catalog: Catalog
    let statuses: [FileStatus]
    let madeAt: Int64
    var holdingRecords = false

    /// What the snapshot says of the catalog's files: their fingerprint, and the manifest's bytes.
    typealias FileFacts = (fingerprint: UInt64, manifest: [UInt8])

    /// Records are passed on in blocks of about this size.
    static let blockSize = 1 << 20
    /// Held records of this many providers or more are encoded in parts on every core.
    static let partsFrom = 5_000

    /// `fileFacts` is asked once the records are encoded (so the files can be read meanwhile);
    /// nil from it (a file could not be read) ends the write.
    func write(to sink: inout some SnapshotSink, isCancelled: () -> Bool, fileFacts: () -> FileFacts?) -> Bool {
        var warnings = SnapshotWriter()
        warnings.list(catalog.warnings) { out, problem in
            out.uniqueString(problem.file); out.optional(problem.line) { $0.int($1) }; out.uniqueString(problem.field)
            out.uniqueString(problem.message); out.uniqueString(problem.fix); out.bool(problem.severity == .warning)
        }
        // First pass: the shared strings and the record ends, one block held at a time (or, when
        // the records are held anyway, all of them encoded in parts on every core).
        var records = SnapshotWriter()
        var recordEnds: [UInt32] = []
        var recordsLength = 0
        var held: [[UInt8]] = []
        var sharedStrings: TokenTable
        if holdingRecords, catalog.providers.count >= Self.partsFrom {
            let parts = RecordsInParts(catalog.providers, parts: ProcessInfo.processInfo.activeProcessorCount)
            (recordEnds, recordsLength, sharedStrings) = (parts.recordEnds, parts.bytes.count, parts.sharedStrings)
            held = [parts.bytes]
        } else {
            recordEnds.reserveCapacity(catalog.providers.count)
            func endBlock() {
                let block = records.takeBytes()
                recordsLength += block.count
                if holdingRecords { held.append(block) }
            }
            for provider in catalog.providers {
                ProviderCoding.write(provider, &records)
                recordEnds.append(UInt32(truncatingIfNeeded: recordsLength + records.bytes.count))
                if records.bytes.count >= Self.blockSize { endBlock() }
            }
            endBlock()
            sharedStrings = records.sharedStrings
        }
        if isCancelled() { return false }
        guard let facts = fileFacts() else { return false }
        let strings = sharedStrings.bytes, stringEnds = sharedStrings.ends
        var index = SnapshotWriter()
        index.integers(stringEnds)
        index.integers(recordEnds)
        IndexCoding.write(catalog.index.stored, &index)
        let (manifestRest, postcodes) = CatalogSnapshot.splitManifest(facts.manifest, postcodes: catalog.manifest.postcodes)
        let lengths = [manifestRest.count, postcodes.count, warnings.bytes.count, strings.count, recordsLength, index.bytes.count]
        let chunks = (lengths.reduce(0, +) + CatalogSnapshot.chunkSize - 1) / CatalogSnapshot.chunkSize

        guard !isCancelled(), sink.append(start(facts.fingerprint, lengths: lengths, sums: Array(repeating: 0, count: chunks))) else { return false }
        var summer = ChunkSummer()
        for section in [manifestRest, postcodes, warnings.bytes, strings] {
            summer.add(section)
            guard !isCancelled(), sink.append(section) else { return false }
        }
        // Second pass: the same bytes (the shared strings are numbered in the same order).
        var again = SnapshotWriter()
        var written = 0
        func pass(_ block: [UInt8]) -> Bool {
            written += block.count
            summer.add(block)
            return sink.append(block)
        }
        if holdingRecords {
            for index in held.indices {
                guard !isCancelled(), pass(held[index]) else { return false }
                held[index] = []
            }
        } else {
            for provider in catalog.providers {
                ProviderCoding.write(provider, &again)
                if again.bytes.count >= Self.blockSize {
                    guard !isCancelled(), pass(again.takeBytes()) else { return false }
                }
            }
            guard !isCancelled(), pass(again.takeBytes()) else { return false }
        }
        guard written == recordsLength else { return false }
        summer.add(index.bytes)
        guard !isCancelled(), sink.append(index.bytes) else { return false }
        let sums = summer.finish()
        return sums.count == chunks && !isCancelled() && sink.rewriteStart(start(facts.fingerprint, lengths: lengths, sums: sums))
    }

    /// Magic, version, the header's checksum and length, then the header.
    private func start(_ fingerprint: UInt64, lengths: [Int], sums: [UInt64]) -> [UInt8] {
        var header = SnapshotWriter()
        header.integers([fingerprint])
        header.list(CatalogSnapshot.fileNames(of: catalog.manifest).map { Array($0.utf8) }) { $0.raw($1) }
        header.integers(statuses.flatMap(\.values))
        header.integers([UInt64(bitPattern: madeAt)])
        header.list(lengths) { $0.varint(UInt64($1)) }
        header.integers(sums)
        return CatalogSnapshot.start(header: header.bytes)
    }
}

/// The checksum of each `chunkSize` piece of the body, taken as the bytes go by.
private struct ChunkSummer {
    private var hasher = FingerprintHasher()
    private var filled = 0
    private var sums: [UInt64] = []

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let take = min(CatalogSnapshot.chunkSize - filled, raw.count - offset)
                hasher.add(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + take)]))
                filled += take
                offset += take
                if filled == CatalogSnapshot.chunkSize {
                    sums.append(hasher.value)
                    hasher = FingerprintHasher()
                    filled = 0
                }
            }
        }
    }

    mutating func finish() -> [UInt64] {
        if filled > 0 { sums.append(hasher.value) }
        return sums
    }
}
