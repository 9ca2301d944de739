/// Reads the manifest's `"postcodes"` array directly from the bytes: tens of thousands of
/// `["KM1 1AA", 52.63012, -1.12045, "Town"]` entries are most of a national-scale manifest, and a
/// general JSON parser spends most of the load on them. Anything unusual (escapes, other shapes)
/// returns nil, and the general parser reads the array instead.
struct PostcodeListReader {
    struct Row {
        let postcode: String
        let latitude: Double
        let longitude: Double
        let town: String
        let line: Int
    }

    /// The byte range of the array (from `[` to its `]`) and its rows.
    static func read(_ bytes: [UInt8]) -> (range: Range<Int>, rows: [Row])? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = PostcodeListReader(bytes: buffer)
            return reader.readArray()
        }
    }

    /// The byte range of the array (from `[` to its `]`) found without reading its rows: strings
    /// are stepped over (escapes included), brackets counted. Nil if there is no such array.
    static func arrayRange(_ bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = PostcodeListReader(bytes: buffer)
            return reader.skipArray()
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line = 1

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func readArray() -> (range: Range<Int>, rows: [Row])? {
        guard let keyEnd = find(Array("\"postcodes\"".utf8)) else { return nil }
        // Count lines up to the key once.
        for index in 0..<keyEnd where bytes[index] == 0x0A { line += 1 }
        position = keyEnd
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        let start = position
        guard take(UInt8(ascii: "[")) else { return nil }
        var rows: [Row] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return (start..<position, rows) }
        while true {
            skipSpace()
            guard let row = readRow() else { return nil }
            rows.append(row)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "]")) else { return nil }
            return (start..<position, rows)
        }
    }

    private mutating func skipArray() -> Range<Int>? {
        guard let keyEnd = find(Array("\"postcodes\"".utf8)) else { return nil }
        position = keyEnd
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        let start = position
        guard take(UInt8(ascii: "[")), let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var depth = 1
        // The list is most of a large manifest, and the first frame waits for this: the bytes that
        // matter are found eight at a time. Outside strings they are quotes, brackets and braces
        // (with 0x20 set, `[` reads as `{` and `]` as `}`); inside, quotes and backslashes.
        while position < count {
            position = ByteScan.first(of: Self.quotes, Self.openings, Self.closings, in: base, from: position, count: count,
                                      setting: Self.caseBits)
            guard position < count else { return nil }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                while true {
                    position = ByteScan.first(of: Self.quotes, Self.backslashes, in: base, from: position, count: count)
                    guard position < count else { return nil }
                    let inString = bytes[position]
                    position += 1
                    if inString == UInt8(ascii: "\\") { position += 1 } else if inString == UInt8(ascii: "\"") { break }
                }
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return start..<position }
            case UInt8(ascii: "{"), UInt8(ascii: "}"): return nil
            default: break // the last few bytes, looked at one by one, or a control byte the scan matched
            }
        }
        return nil
    }

    private static let quotes = ByteScan.lanes(UInt8(ascii: "\""))
    private static let backslashes = ByteScan.lanes(UInt8(ascii: "\\"))
    private static let openings = ByteScan.lanes(UInt8(ascii: "{"))
    private static let closings = ByteScan.lanes(UInt8(ascii: "}"))
    private static let caseBits = ByteScan.lanes(0x20)

    private mutating func readRow() -> Row? {
        let rowLine = line
        guard take(UInt8(ascii: "[")), let postcode = readString(), comma(), let latitude = readNumber(), comma(),
              let longitude = readNumber() else { return nil }
        skipSpace()
        var town = ""
        if take(UInt8(ascii: ",")) {
            skipSpace()
            guard let text = readString() else { return nil }
            town = text
            skipSpace()
        }
        guard take(UInt8(ascii: "]")) else { return nil }
        return Row(postcode: postcode, latitude: latitude, longitude: longitude, town: town, line: rowLine)
    }

    private mutating func comma() -> Bool {
        skipSpace()
        guard take(UInt8(ascii: ",")) else { return false }
        skipSpace()
        return true
    }

    private mutating func readString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            // Escapes and raw control characters go to the general parser, which knows them.
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    private mutating func readNumber() -> Double? {
        let start = position
        while position < bytes.count, let byte = Optional(bytes[position]),
              (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") {
            position += 1
        }
        guard position > start else { return nil }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<position])
        // Plain decimals (the usual form) are read exactly; anything else by the standard parser.
        if let scaled = FixedPoint.parse(digits, places: 7) { return Double(scaled) / 10_000_000 }
        return Double(String(decoding: digits, as: UTF8.self))
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A: line += 1; position += 1
            case 0x20, 0x09, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// The index just past the first occurrence of `needle`.
    private func find(_ needle: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] {
                var match = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { match = false; break }
                if match { return index + needle.count }
            }
            index += 1
        }
        return nil
    }
}
