import Dispatch
import Foundation

/// A checked catalog saved in binary, so the next launch on the same files skips parsing,
/// checking and indexing. A snapshot names the files it was made from and a fingerprint of their
/// bytes; if any byte differs it is not used. Where snapshots are kept is the caller's business.
public enum CatalogSnapshot {
    static let magic = Array("AGORA-CATALOG-SNAPSHOT".utf8)
    /// 2: schools carry admission arrangements and school days. 3: a checksum over the header and
    /// one over each section. 4: read in place — one table of shared strings, providers as records
    /// read one at a time, the whole index as flat arrays, the files' status beside their
    /// fingerprint, and a checksum per megabyte of the body. 5: fingerprints taken in four lanes.
    static let version: UInt8 = 5
    /// Manifest, its postcodes, warnings, shared strings, provider records and the index.
    static let sectionCount = 6
    /// Magic, version, header checksum and header length come before the header.
    static let fixedSize = magic.count + 1 + 8 + 4
    /// The body is checked in pieces of this size, on every core.
    static let chunkSize = 1 << 20

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
            // The manifest is wanted whole; the tables are fingerprinted without keeping them.
            let fingerprint: UInt64?
            if index == 0 {
                guard case .bytes(let bytes) = source.read(files[index]) else { return }
                first.set(0, bytes)
                fingerprint = Fingerprint.of(bytes)
            } else {
                fingerprint = source.fingerprint(files[index])
            }
            guard let fingerprint else { return }
            slots.set(index, Fingerprint.of(Array(files[index].utf8)) ^ fingerprint &* 31)
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
        encodeChunks(catalog, source: source, madeAt: FileStatus.now())
    }

    /// `madeAt`: when the files' status is taken, in seconds since 1970.
    static func encodeChunks(_ catalog: Catalog, source: any CatalogSource, madeAt: Int64) -> [[UInt8]]? {
        var pieces = PiecesSink()
        guard write(catalog, source: source, madeAt: madeAt, to: &pieces) else { return nil }
        return pieces.pieces
    }

    /// Writes the snapshot of `catalog` to `sink` as it is made (see `SnapshotSink`); false if the
    /// source's files cannot be read, the sink fails, or `isCancelled` says to stop.
    /// `holdingRecords`: encode the provider records once and keep them until written, rather
    /// than twice (quicker; the records, tens of megabytes for a national catalog, are held).
    public static func write(_ catalog: Catalog, source: any CatalogSource, madeAt: Int64 = FileStatus.now(),
                             holdingRecords: Bool = false,
                             to sink: inout some SnapshotSink, isCancelled: () -> Bool = { false }) -> Bool {
        let files = fileNames(of: catalog.manifest)
        // Status first, then the bytes: a file written in between shows a new status next time.
        let statuses = files.map { source.status($0) }
        // The files are read and fingerprinted on another core while the records are encoded.
        let read = Slots<(fingerprint: UInt64, first: [UInt8])?>(count: 1, initial: nil)
        let readDone = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            read.set(0, fingerprintAndFirstFile(of: source, files: files))
            readDone.signal()
        }
        let known = statuses.allSatisfy { $0 != nil } ? statuses.compactMap { $0 } : []
        let encoder = SnapshotEncoder(catalog: catalog, statuses: known, madeAt: madeAt, holdingRecords: holdingRecords)
        return encoder.write(to: &sink, isCancelled: isCancelled, fileFacts: {
            readDone.wait()
            return read.values[0].map { ($0.fingerprint, $0.first) }
        })
    }

    /// The manifest's bytes with its postcode list taken out, and the list as checked, apart: the
    /// list is most of a large manifest, and reading it back as numbers is far quicker than as
    /// JSON. A list the scanner cannot find stays in the manifest (then the second part says so).
    static func splitManifest(_ bytes: [UInt8], postcodes: [Manifest.PostcodeEntry]) -> ([UInt8], [UInt8]) {
        var out = SnapshotWriter()
        guard let range = PostcodeListReader.arrayRange(bytes) else {
            out.bool(false)
            return (bytes, out.bytes)
        }
        var rest = bytes
        rest.replaceSubrange(range, with: Array("[]".utf8))
        out.bool(true)
        out.list(postcodes) { writer, entry in
            writer.uniqueString(entry.postcode)
            writer.uniqueString(entry.town)
            writer.double(entry.location.latitude)
            writer.double(entry.location.longitude)
        }
        return (rest, out.bytes)
    }

    private static func readPostcodes(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> ManifestReader.Postcodes {
        guard try input.bool() else { return .read }
        return .given(try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
            let postcode = try reader.uniqueString(), town = try reader.uniqueString()
            let latitude = try reader.double(), longitude = try reader.double()
            guard GeoPoint.isValid(latitude: latitude, longitude: longitude) else { throw SnapshotReader.Corrupt() }
            return Manifest.PostcodeEntry(postcode: postcode, location: GeoPoint(latitude: latitude, longitude: longitude), town: town)
        })
    }

    /// Magic, version, the header's checksum and length, then the header.
    static func start(header: [UInt8]) -> [UInt8] {
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

    /// Reads a snapshot held in an array (a copy is kept for the catalog's lifetime).
    public static func read(_ data: [UInt8], source: any CatalogSource) -> Outcome {
        read(SnapshotStorage(copying: data), source: source, checkingSums: true)
    }

    /// Reads a snapshot in place. Nothing in it is used before its checksums match, and every
    /// length, count and position is checked against what there is, so damage of any kind gives
    /// `.damaged`, never a trap and never a catalog that differs from the one written. Providers
    /// are decoded when first asked for.
    public static func read(_ storage: SnapshotStorage, source: any CatalogSource) -> Outcome {
        read(storage, source: source, checkingSums: true)
    }

    /// As `read`; without the checksums only for fuzzing, which must reach the decoder behind them
    /// (then every provider is decoded at once, so a record that does not read is refused too).
    @_spi(Fuzzing)
    public static func read(_ data: [UInt8], source: any CatalogSource, checkingSums: Bool) -> Outcome {
        read(SnapshotStorage(copying: data), source: source, checkingSums: checkingSums)
    }

    static func read(_ storage: SnapshotStorage, source: any CatalogSource, checkingSums: Bool) -> Outcome {
        let bytes = storage.bytes
        guard let header = readHeader(bytes, checkingSums: checkingSums) else { return .damaged }
        guard isFresh(header, source: source) else { return .stale }
        guard let catalog = decodeSections(storage, header: header, source: source, checkingSums: checkingSums),
              checkingSums || catalog.records?.decodeAll() == true else { return .damaged }
        return .loaded(catalog.catalog)
    }

    /// Unchanged files: each file's status as recorded, taken when the file had settled; failing
    /// that (or where there is no status), the fingerprint of every byte.
    private static func isFresh(_ header: Header, source: any CatalogSource) -> Bool {
        header.statusesMatch(source) || fingerprint(of: source, files: header.files) == header.fingerprint
    }

    struct Header {
        let fingerprint: UInt64
        let files: [String]
        let statuses: [FileStatus]
        let madeAt: Int64
        let ranges: [Range<Int>]
        let bodyStart: Int
        let sums: [UInt64]

        /// Every file's status as recorded, taken when the files had settled.
        func statusesMatch(_ source: any CatalogSource) -> Bool {
            !statuses.isEmpty && statuses.allSatisfy { $0.settled(at: madeAt) }
                && zip(files, statuses).allSatisfy { source.status($0) == $1 }
        }
    }

    /// The header, or nil if it is not a sound snapshot header of this version whose sections
    /// exactly fill the rest of the file. `bytes` may be the start of a file of `fileSize` bytes,
    /// as long as it holds the whole header.
    static func readHeader(_ bytes: UnsafeBufferPointer<UInt8>, fileSize: Int? = nil, checkingSums: Bool) -> Header? {
        let total = fileSize ?? bytes.count
        guard bytes.count >= fixedSize, total >= bytes.count, bytes[0..<magic.count].elementsEqual(magic), bytes[magic.count] == version else { return nil }
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
              let statusValues = try? reader.integers(UInt64.self),
              statusValues.isEmpty || statusValues.count == names.count * 7,
              let madeAt = try? reader.integers(UInt64.self), madeAt.count == 1,
              let lengths = try? reader.list({ (input: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
                  try input.count(limit: Int(Int32.max))
              }),
              lengths.count == sectionCount,
              let sums = try? reader.integers(UInt64.self),
              reader.position == headerEnd else { return nil }
        var ranges: [Range<Int>] = []
        var start = headerEnd
        for length in lengths {
            guard length <= total - start else { return nil }
            ranges.append(start..<(start + length))
            start += length
        }
        guard start == total, sums.count == (total - headerEnd + chunkSize - 1) / chunkSize else { return nil }
        let files = names.map { String(decoding: $0, as: UTF8.self) }
        // Only plain names in the catalog directory, as a manifest may give.
        guard files.allSatisfy({ !$0.isEmpty && !$0.contains("/") && !$0.hasPrefix(".") && !$0.utf8.contains(0) }) else { return nil }
        let statuses = stride(from: 0, to: statusValues.count, by: 7).compactMap { FileStatus(values: Array(statusValues[$0..<($0 + 7)])) }
        return Header(fingerprint: stamp[0], files: files, statuses: statuses, madeAt: Int64(bitPattern: madeAt[0]),
                      ranges: ranges, bodyStart: headerEnd, sums: sums)
    }

    private struct Decoded {
        let catalog: Catalog
        let records: SnapshotRecords?
    }

    /// The index, the manifest, and every megabyte of the body against its checksum, as pieces of
    /// work the cores take as they come free (the index, the longest, first); providers are left
    /// in place. Nil when a checksum does not hold or a section does not read. The sections are
    /// decoded before the checksums are known: the decoders refuse anything malformed (they are
    /// fuzzed without checksums), and nothing decoded is used unless every checksum holds.
    private static func decodeSections(_ storage: SnapshotStorage, header: Header, source: any CatalogSource,
                                       checkingSums: Bool) -> Decoded? {
        let bytes = storage.bytes
        let ranges = header.ranges
        let manifest = Slots<Manifest?>(count: 1, initial: nil)
        let parts = Slots<IndexSection?>(count: 1, initial: nil)
        let mismatch = Slots<Bool>(count: 1, initial: false)
        DispatchQueue.concurrentPerform(iterations: 2 + (checkingSums ? header.sums.count : 0)) { part in
            let bytes = storage.bytes
            if part >= 2 {
                let chunk = part - 2
                let start = header.bodyStart + chunk * chunkSize
                let piece = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<min(bytes.count, start + chunkSize)])
                if Fingerprint.of(piece) != header.sums[chunk] { mismatch.set(0, true) }
            } else if part == 1 {
                var postcodesInput = SnapshotReader(bytes: bytes, range: ranges[1])
                guard let postcodes = try? readPostcodes(&postcodesInput), postcodesInput.atEnd else { return }
                let data = Array(bytes[ranges[0]])
                var reader = ManifestReader(file: source.displayPath(CatalogLoader.manifestFileName), bytes: data)
                let read = reader.read(data: data, postcodes: postcodes)
                manifest.set(0, reader.problems.contains { $0.severity == .error } ? nil : read)
            } else {
                var input = SnapshotReader(bytes: bytes, range: ranges[5])
                parts.set(0, try? readIndexSection(&input))
            }
        }
        guard !mismatch.values[0] else { return nil }
        var warningsInput = SnapshotReader(bytes: bytes, range: ranges[2])
        guard let manifest = manifest.values[0], let parts = parts.values[0],
              let warnings = try? readWarnings(&warningsInput), warningsInput.atEnd,
              let strings = StringTable(bytes: UnsafeBufferPointer(rebasing: bytes[ranges[3]]), ends: parts.stringEnds),
              let records = SnapshotRecords(storage: storage, records: ranges[4], ends: parts.recordEnds, strings: strings)
        else { return nil }
        let index = CatalogIndex(stored: parts.stored, postcodes: manifest.postcodes)
        return Decoded(catalog: Catalog(manifest: manifest, providers: ProviderTable(records: records), index: index,
                                        warnings: warnings),
                       records: records)
    }

    private struct IndexSection: Sendable {
        let stringEnds: [UInt32]
        let recordEnds: [UInt32]
        let stored: CatalogIndex.Stored
    }

    private static func readIndexSection(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> IndexSection {
        let stringEnds = try input.integers(UInt32.self)
        let recordEnds = try input.integers(UInt32.self)
        let stored = try IndexCoding.read(&input, count: recordEnds.count)
        guard input.atEnd else { throw SnapshotReader.Corrupt() }
        return IndexSection(stringEnds: stringEnds, recordEnds: recordEnds, stored: stored)
    }

    private static func readWarnings(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> [CatalogProblem] {
        try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
            let file = try reader.uniqueString()
            let line = try reader.optional { (inner: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try inner.int() }
            let field = try reader.uniqueString(), message = try reader.uniqueString(), fix = try reader.uniqueString()
            let warning = try reader.bool()
            return CatalogProblem(file: file, line: line, field: field, message: message, fix: fix,
                                  severity: warning ? .warning : .error)
        }
    }
}
