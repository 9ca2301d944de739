/// Little binary writer for snapshots: varints, doubles, and shared strings referred to by their
/// number in one table (organisations, towns and labels repeat thousands of times), so any one
/// provider's record can be read on its own.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []
    /// The shared strings, numbered by their bytes in the order first written: the table's bytes
    /// and ends are the snapshot's string table as it is stored.
    private(set) var sharedStrings = TokenTable()
    /// Where each shared string's number was written in `bytes`, when asked for (records encoded
    /// in parts are renumbered afterwards).
    private(set) var stringReferences: [Int] = []
    private var recordsStringReferences = false

    init(reserving capacity: Int = 0, recordingStringReferences: Bool = false) {
        bytes.reserveCapacity(capacity)
        recordsStringReferences = recordingStringReferences
    }

    /// The bytes written so far, handed over and cleared; the shared strings stay numbered.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) { Self.appendVarint(value, to: &bytes) }

    /// Seven bits a byte, low first, the high bit set on all but the last.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A varint this writer wrote at `offset` of `bytes`, and how many bytes it takes (for bytes
    /// already trusted; `SnapshotReader` checks what it reads back).
    static func writtenVarint(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt64, length: Int) {
        var value: UInt64 = 0, length = 0
        while true {
            let byte = bytes[offset + length]
            value |= UInt64(byte & 0x7F) << (7 * UInt64(length))
            length += 1
            if byte < 0x80 { return (value, length) }
        }
    }

    mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 { bytes.append(UInt8(bits & 0xFF)); bits >>= 8 }
    }

    mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    /// The string's number in the shared table (added to it when new).
    mutating func string(_ value: String) {
        var copy = value
        let number = copy.withUTF8 { sharedStrings.intern($0) }
        if recordsStringReferences { stringReferences.append(bytes.count) }
        varint(number)
    }

    /// A string unlikely to repeat (a name, an address): written as it is, with no lookup.
    mutating func uniqueString(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: [UInt8]) {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        guard let value else { byte(0); return }
        byte(1)
        write(&self, value)
    }

    mutating func list<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        varint(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    /// A whole array of fixed-width integers, as little-endian bytes.
    mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        varint(UInt64(values.count))
        // Index arrays run to hundreds of thousands of values: copied whole where the machine's
        // order is already little-endian (every platform Agora builds for), else one by one.
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values {
            var little = value.littleEndian
            withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
        }
        #endif
    }
}

/// Reads what `SnapshotWriter` wrote. Any inconsistency throws; a snapshot that does not read
/// cleanly is simply not used.
struct SnapshotReader {
    struct Corrupt: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    private let end: Int
    private let strings: StringTable?

    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, strings: StringTable? = nil) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
        self.strings = strings
    }

    var atEnd: Bool { position == end }

    mutating func byte() throws(Corrupt) -> UInt8 {
        guard position < end else { throw Corrupt() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(Corrupt) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
            guard shift < 64 else { throw Corrupt() }
        }
    }

    mutating func count(limit: Int = 50_000_000) throws(Corrupt) -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw Corrupt() }
        return Int(value)
    }

    mutating func int() throws(Corrupt) -> Int {
        let raw = try varint()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    mutating func double() throws(Corrupt) -> Double {
        guard position + 8 <= end else { throw Corrupt() }
        var bits: UInt64 = 0
        for offset in 0..<8 { bits |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func bool() throws(Corrupt) -> Bool { try byte() != 0 }

    mutating func string() throws(Corrupt) -> String {
        let number = try varint()
        guard let strings, number < UInt64(strings.count), let text = strings.string(at: Int(number)) else { throw Corrupt() }
        return text
    }

    mutating func uniqueString() throws(Corrupt) -> String {
        let length = try count()
        guard position + length <= end else { throw Corrupt() }
        defer { position += length }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
    }

    mutating func raw() throws(Corrupt) -> [UInt8] {
        let length = try count()
        guard position + length <= end else { throw Corrupt() }
        defer { position += length }
        return Array(bytes[position..<(position + length)])
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(Corrupt) -> T) throws(Corrupt) -> T? {
        try byte() == 0 ? nil : read(&self)
    }

    mutating func list<T>(_ read: (inout SnapshotReader) throws(Corrupt) -> T) throws(Corrupt) -> [T] {
        let count = try self.count()
        var values: [T] = []
        // Every element takes at least a byte: a corrupt count cannot make us reserve more.
        values.reserveCapacity(min(count, end - position))
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func integers<T: FixedWidthInteger>(_ type: T.Type) throws(Corrupt) -> [T] {
        let count = try self.count()
        let size = MemoryLayout<T>.size
        guard count <= (end - position) / size else { throw Corrupt() }
        let source = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[position..<(position + count * size)])
        let values = [T](unsafeUninitializedCapacity: count) { target, initialised in
            UnsafeMutableRawBufferPointer(target).copyMemory(from: source)
            initialised = count
        }
        position += count * size
        #if _endian(little)
        return values
        #else
        return values.map { T(littleEndian: $0) }
        #endif
    }

    /// A case of an enum by its position in `allCases`.
    mutating func oneOf<T: IndexedCase>(_ type: T.Type) throws(Corrupt) -> T {
        guard let value = T.at(Int(try byte())) else { throw Corrupt() }
        return value
    }
}

extension SnapshotWriter {
    mutating func oneOf<T: IndexedCase>(_ value: T) { byte(UInt8(value.caseIndex)) }
}

/// The shared strings of a snapshot: their bytes end to end and where each ends. Strings are made
/// when a record asks for one, not all at load.
struct StringTable: @unchecked Sendable {
    /// Bytes inside memory kept alive by whoever holds the table (the snapshot's storage).
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: [UInt32]

    /// Nil unless the ends rise and the last is exactly the end of `bytes`.
    init?(bytes: UnsafeBufferPointer<UInt8>, ends: [UInt32]) {
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard Int(previous) == bytes.count else { return nil }
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }

    func string(at number: Int) -> String? {
        guard number >= 0, number < ends.count else { return nil }
        let start = number == 0 ? 0 : Int(ends[number - 1])
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[number])]), as: UTF8.self)
    }
}
