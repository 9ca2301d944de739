import Dispatch
import Foundation

/// A checked catalog saved in binary, so the next launch on the same files skips parsing,
/// checking and indexing. A snapshot names the files it was made from and a fingerprint of their
/// bytes; if any byte differs it is not used. Where snapshots are kept is the caller's business.
public enum CatalogSnapshot {
    static let magic = Array("AGORA-CATALOG-SNAPSHOT".utf8)
    /// 2: schools carry admission arrangements and school days. 3: a checksum over the header and
    /// one over each section, verified before anything is used.
    static let version: UInt8 = 3
    /// Providers are written in blocks decoded in parallel.
    static let blocks = 4
    /// Manifest, warnings, the provider blocks and the index.
    static let sectionCount = 2 + blocks + 1
    /// Magic, version, header checksum and header length come before the header.
    static let fixedSize = magic.count + 1 + 8 + 4

    /// What reading a snapshot gave.
    public enum Outcome {
        case loaded(Catalog)
        /// Sound, but made from files that have since changed (or cannot be read).
        case stale
        /// Not a snapshot this program can use: damaged, cut short, or of another format version.
        case damaged
    }

    /// The files a catalog is made of: the manifest and the tables it names.
    public static func fileNames(of manifest: Manifest) -> [String] {
        [CatalogLoader.manifestFileName] + ProviderKind.allCases.compactMap { manifest.files[$0] }
    }

    /// A 64-bit fingerprint of the named files' names and bytes; nil if one cannot be read.
    public static func fingerprint(of source: any CatalogSource, files: [String]) -> UInt64? {
        fingerprintAndFirstFile(of: source, files: files)?.fingerprint
    }

    /// The fingerprint, and the bytes of the first file (the manifest), from one reading.
    private static func fingerprintAndFirstFile(of source: any CatalogSource, files: [String]) -> (fingerprint: UInt64, first: [UInt8])? {
        let slots = Slots<UInt64?>(count: files.count, initial: nil)
        let first = Slots<[UInt8]>(count: 1, initial: [])
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            guard case .bytes(let bytes) = source.read(files[index]) else { return }
            slots.set(index, Fingerprint.of(Array(files[index].utf8)) ^ Fingerprint.of(bytes) &* 31)
            if index == 0 { first.set(0, bytes) }
        }
        var combined: UInt64 = 0x9E37_79B9_7F4A_7C15
        for value in slots.values {
            guard let value else { return nil }
            combined = Fingerprint.mix(combined ^ value)
        }
        return (combined, first.values[0])
    }

    /// The snapshot of `catalog`, loaded from `source`, as one array of bytes; nil if the source's
    /// files cannot be read.
    public static func encode(_ catalog: Catalog, source: any CatalogSource) -> [UInt8]? {
        encodeChunks(catalog, source: source)?.reduce(into: []) { $0 += $1 }
    }

    /// The snapshot in pieces, to be written one after another (no second copy of the whole). The
    /// manifest is kept as the bytes it was read from, so reading it back gives exactly what the
    /// files give (a rewritten manifest would round its coordinates and radius).
    public static func encodeChunks(_ catalog: Catalog, source: any CatalogSource) -> [[UInt8]]? {
        guard let read = fingerprintAndFirstFile(of: source, files: fileNames(of: catalog.manifest)) else { return nil }
        return encodeChunks(catalog, fingerprint: read.fingerprint, manifest: read.first)
    }

    static func encodeChunks(_ catalog: Catalog, fingerprint: UInt64, manifest: [UInt8]) -> [[UInt8]] {
        var sections: [[UInt8]] = []
        sections.append(manifest)
        var warnings = SnapshotWriter()
        warnings.list(catalog.warnings) { out, problem in
            out.string(problem.file); out.optional(problem.line) { $0.int($1) }; out.string(problem.field)
            out.string(problem.message); out.string(problem.fix); out.bool(problem.severity == .warning)
        }
        sections.append(warnings.bytes)
        let perBlock = (catalog.providers.count + blocks - 1) / blocks
        for block in 0..<blocks {
            var out = SnapshotWriter(reserving: perBlock * 240)
            let slice = catalog.providers.dropFirst(block * perBlock).prefix(perBlock)
            out.varint(UInt64(slice.count))
            for provider in slice { ProviderCoding.write(provider, &out) }
            sections.append(out.bytes)
        }
        var index = SnapshotWriter()
        let search = catalog.index.search.parts
        index.list(search.tokens) { $0.raw($1) }
        index.integers(search.starts)
        index.integers(search.postings)
        index.integers(catalog.index.nameRank)
        sections.append(index.bytes)

        var header = SnapshotWriter()
        header.integers([fingerprint])
        header.list(fileNames(of: catalog.manifest).map { Array($0.utf8) }) { $0.raw($1) }
        header.list(sections) { $0.varint(UInt64($1.count)) }
        header.integers(sections.map { Fingerprint.of($0) })
        return [start(header: header.bytes)] + sections
    }

    /// Magic, version, the header's checksum and length, then the header.
    private static func start(header: [UInt8]) -> [UInt8] {
        var lengthAndHeader: [UInt8] = []
        withUnsafeBytes(of: UInt32(header.count).littleEndian) { lengthAndHeader.append(contentsOf: $0) }
        lengthAndHeader += header
        var start = magic
        start.append(version)
        withUnsafeBytes(of: Fingerprint.of(lengthAndHeader).littleEndian) { start.append(contentsOf: $0) }
        return start + lengthAndHeader
    }

    /// The catalog, if the snapshot reads cleanly and the source's files are exactly those it was
    /// made from; otherwise nil (and the caller loads the files the ordinary way).
    public static func decode(_ data: [UInt8], source: any CatalogSource) -> Catalog? {
        if case .loaded(let catalog) = read(data, source: source) { return catalog }
        return nil
    }

    /// Reads a snapshot. Nothing in it is used before its checksum matches, and every length and
    /// count is checked against the bytes there are, so damage of any kind gives `.damaged`, never
    /// a trap and never a catalog that differs from the one written.
    public static func read(_ data: [UInt8], source: any CatalogSource) -> Outcome {
        read(data, source: source, checkingSums: true)
    }

    /// As `read`; without the checksums only for fuzzing, which must reach the decoder behind them.
    @_spi(Fuzzing)
    public static func read(_ data: [UInt8], source: any CatalogSource, checkingSums: Bool) -> Outcome {
        guard let header = data.withUnsafeBufferPointer({ readHeader($0, checkingSums: checkingSums) }) else { return .damaged }
        guard fingerprint(of: source, files: header.files) == header.fingerprint else { return .stale }
        guard let catalog = decodeSections(data, header: header, source: source, checkingSums: checkingSums) else {
            return .damaged
        }
        return .loaded(catalog)
    }

    private struct Header {
        let fingerprint: UInt64
        let files: [String]
        let ranges: [Range<Int>]
        let sums: [UInt64]
    }

    /// The header, or nil if it is not a sound snapshot header of this version whose sections
    /// exactly fill the rest of the file.
    private static func readHeader(_ bytes: UnsafeBufferPointer<UInt8>, checkingSums: Bool) -> Header? {
        guard bytes.count >= fixedSize, bytes[0..<magic.count].elementsEqual(magic), bytes[magic.count] == version else { return nil }
        func little(_ offset: Int, _ count: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<count { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            return value
        }
        let storedSum = little(magic.count + 1, 8)
        let headerLength = Int(little(magic.count + 9, 4))
        guard headerLength <= bytes.count - fixedSize else { return nil }
        let headerEnd = fixedSize + headerLength
        if checkingSums {
            let covered = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[(magic.count + 9)..<headerEnd])
            guard Fingerprint.of(covered) == storedSum else { return nil }
        }
        var reader = SnapshotReader(bytes: bytes, range: fixedSize..<headerEnd)
        guard let stamp = try? reader.integers(UInt64.self), stamp.count == 1,
              let names = try? reader.list({ (input: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try input.raw() }),
              !names.isEmpty, names.count <= 16,
              let lengths = try? reader.list({ (input: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
                  try input.count(limit: Int(Int32.max))
              }),
              lengths.count == sectionCount,
              let sums = try? reader.integers(UInt64.self), sums.count == sectionCount,
              reader.position == headerEnd else { return nil }
        var ranges: [Range<Int>] = []
        var start = headerEnd
        for length in lengths {
            guard length <= bytes.count - start else { return nil }
            ranges.append(start..<(start + length))
            start += length
        }
        guard start == bytes.count else { return nil }
        let files = names.map { String(decoding: $0, as: UTF8.self) }
        // Only plain names in the catalog directory, as a manifest may give.
        guard files.allSatisfy({ !$0.isEmpty && !$0.contains("/") && !$0.hasPrefix(".") && !$0.utf8.contains(0) }) else { return nil }
        return Header(fingerprint: stamp[0], files: files, ranges: ranges, sums: sums)
    }

    private static func decodeSections(_ data: [UInt8], header: Header, source: any CatalogSource,
                                       checkingSums: Bool) -> Catalog? {
        // Manifest, warnings, provider blocks and the index, each on whichever thread is free; each
        // section's checksum is checked before it is read.
        let results = DecodedParts(blocks: blocks)
        DispatchQueue.concurrentPerform(iterations: header.ranges.count) { part in
            data.withUnsafeBufferPointer { bytes in
                let range = header.ranges[part]
                if checkingSums {
                    let section = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[range])
                    guard Fingerprint.of(section) == header.sums[part] else { return results.setDamaged() }
                }
                decodeSection(part, bytes, ranges: header.ranges, source: source, into: results)
            }
        }
        return assemble(results)
    }

    private static func decodeSection(_ part: Int, _ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>],
                                      source: any CatalogSource, into results: DecodedParts) {
        var input = SnapshotReader(bytes: bytes, range: ranges[part])
        switch part {
        case 0:
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[0]]), as: UTF8.self)
            var manifestReader = ManifestReader(file: source.displayPath(CatalogLoader.manifestFileName), text: text)
            let manifest = manifestReader.read(data: Array(text.utf8))
            results.setManifest(manifestReader.problems.contains { $0.severity == .error } ? nil : manifest)
        case 1:
            results.setWarnings(try? input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
                let file = try reader.string()
                let line = try reader.optional { (inner: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try inner.int() }
                let field = try reader.string(), message = try reader.string(), fix = try reader.string()
                let warning = try reader.bool()
                return CatalogProblem(file: file, line: line, field: field, message: message, fix: fix,
                                      severity: warning ? .warning : .error)
            })
        case ranges.count - 1:
            results.setIndex(try? readIndex(&input))
        default:
            results.setBlock(part - 2, try? input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
                try ProviderCoding.read(&reader)
            })
        }
    }

    private static func assemble(_ results: DecodedParts) -> Catalog? {
        guard !results.damaged, let manifest = results.manifest, let warnings = results.warnings,
              let index = results.index else { return nil }
        var providers: [Provider] = []
        for block in results.blocks {
            guard let block else { return nil }
            providers += block
        }
        var positionByID: [String: Int32] = [:]
        positionByID.reserveCapacity(providers.count)
        for (position, provider) in providers.enumerated() { positionByID[provider.id] = Int32(position) }
        let search = SearchIndex(tokens: index.tokens, starts: index.starts, postings: index.postings, providerCount: providers.count)
        guard positionByID.count == providers.count, index.nameRank.count == providers.count,
              index.nameRank.allSatisfy({ Int($0) < providers.count }), search.isConsistent else { return nil }
        return Catalog(manifest: manifest, providers: providers, positionByID: positionByID, warnings: warnings,
                       prebuilt: (search, index.nameRank))
    }

    private struct IndexParts: Sendable {
        var tokens: [[UInt8]]
        var starts: [Int32]
        var postings: [Int32]
        var nameRank: [UInt32]
    }

    private static func readIndex(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> IndexParts {
        let tokens = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.raw() }
        return IndexParts(tokens: tokens, starts: try input.integers(Int32.self), postings: try input.integers(Int32.self),
                          nameRank: try input.integers(UInt32.self))
    }

    /// What the parallel decoders produce; each slot is written by one iteration only.
    private final class DecodedParts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var manifest: Manifest?
        private(set) var warnings: [CatalogProblem]?
        private(set) var index: IndexParts?
        private(set) var blocks: [[Provider]?]
        private(set) var damaged = false

        init(blocks: Int) { self.blocks = Array(repeating: nil, count: blocks) }

        func setManifest(_ value: Manifest?) { lock.withLock { manifest = value } }
        func setWarnings(_ value: [CatalogProblem]?) { lock.withLock { warnings = value } }
        func setIndex(_ value: IndexParts?) { lock.withLock { index = value } }
        func setBlock(_ number: Int, _ value: [Provider]?) { lock.withLock { blocks[number] = value } }
        func setDamaged() { lock.withLock { damaged = true } }
    }
}

/// A fast 64-bit fingerprint (not cryptographic: it notices edits, it does not resist forgery).
enum Fingerprint {
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// Every byte counts: flipping any bit changes the result (with odds of a miss of 1 in 2^64).
    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ mix(word)) &* 0x9E37_79B9_7F4A_7C15
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
        return mix(hash ^ tail)
    }
}
