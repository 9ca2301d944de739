import ChoiceKit

/// Reading one row's values by column key, with notes for the report on values that could not be
/// used (the row is still imported without them).
struct RowValues {
    let record: CSVRecord
    let columns: HeaderColumns?
    let encoding: TextEncoding
    /// Field name by key, for notes.
    let names: [String: String]
    private(set) var notes: [(field: String, text: String)] = []

    init(_ record: CSVRecord, columns: HeaderColumns?, encoding: TextEncoding, names: [String: String]) {
        self.record = record
        self.columns = columns
        self.encoding = encoding
        self.names = names
    }

    /// A column found once per file: its position in the row, and its key or name for notes.
    struct Column: Sendable {
        let position: Int?
        let label: String
    }

    private func column(_ key: String) -> Column {
        Column(position: columns.map { $0[key] } ?? Int(key), label: key)
    }

    func fieldName(_ key: String) -> String { names[key] ?? key }

    mutating func note(_ key: String, _ text: String) { notes.append((fieldName(key), text)) }
    mutating func note(_ column: Column, _ text: String) { notes.append((fieldName(column.label), text)) }

    /// The value `keys` gives the column's text, compared ignoring case (nil for none): as
    /// looking up `text(column).lowercased()`, without making a String of a plain ASCII cell.
    mutating func value<Value>(_ column: Column, in keys: ByteKeys<Value>) -> Value? {
        if let index = column.position, index < record.count {
            switch record.withField(index, keys.match) {
            case .found(let value): return value
            case .absent: return nil
            case .needsText: break
            }
        }
        return keys.value(forText: text(column))
    }

    /// The column's text ("" when the column is absent); a byte the encoding lacks is noted.
    mutating func text(_ key: String) -> String { text(column(key)) }

    mutating func text(_ column: Column) -> String {
        guard let index = column.position, index < record.count else { return "" }
        let decoded = record.text(index, encoding)
        if let problem = decoded.problem { note(column, problem) }
        return decoded.text
    }

    func isEmpty(_ key: String) -> Bool { isEmpty(column(key)) }

    func isEmpty(_ column: Column) -> Bool {
        guard let index = column.position, index < record.count else { return true }
        return record.isEmpty(index)
    }

    func withBytes<R>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? { withBytes(column(key), body) }

    func withBytes<R>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let index = column.position, index < record.count else { return nil }
        return record.withTrimmedField(index, body)
    }

    /// A whole number in `range`; an unreadable one is noted and left out.
    mutating func wholeNumber(_ key: String, in range: ClosedRange<Int>) -> Int? { wholeNumber(column(key), in: range) }

    mutating func wholeNumber(_ column: Column, in range: ClosedRange<Int>) -> Int? {
        guard !isEmpty(column) else { return nil }
        if let value = withBytes(column, { FieldParsing.wholeNumber($0, in: range) }) ?? nil { return value }
        note(column, "\(MessageText.quoted(text(column))) is not a whole number from \(Count.text(range.lowerBound)) to \(Count.text(range.upperBound)) — left out")
        return nil
    }

    /// A date read by `parse`; an unreadable one is noted and left out.
    mutating func date(_ key: String, _ parse: (UnsafeBufferPointer<UInt8>) -> CalendarDate?, example: String) -> CalendarDate? {
        date(column(key), parse, example: example)
    }

    mutating func date(_ column: Column, _ parse: (UnsafeBufferPointer<UInt8>) -> CalendarDate?, example: String) -> CalendarDate? {
        guard !isEmpty(column) else { return nil }
        if let date = withBytes(column, parse) ?? nil { return date }
        note(column, "\(MessageText.quoted(text(column))) is not a date like \(example) — left out")
        return nil
    }

    mutating func decimal(_ key: String) -> Double? { decimal(column(key)) }

    mutating func decimal(_ column: Column) -> Double? {
        guard !isEmpty(column) else { return nil }
        if let value = withBytes(column, FieldParsing.decimal) ?? nil { return value }
        note(column, "\(MessageText.quoted(text(column))) is not a number — left out")
        return nil
    }
}

/// Postcodes as the national files write them ("KM1  2AB", "km12ab") made canonical, or nil.
enum PostcodeText {
    static func canonical(_ text: String) -> String? {
        let postcode = asciiNormalised(text) ?? PostcodeFormat.normalise(text)
        return PostcodeFormat.isWellFormed(postcode) ? postcode : nil
    }

    /// `PostcodeFormat.normalise` for plain ASCII (nearly every postcode) without going through
    /// characters; nil for anything else.
    private static func asciiNormalised(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.count <= 16 else { return nil }
            var compact: [UInt8] = []
            compact.reserveCapacity(bytes.count + 1)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
                compact.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            }
            if compact.count > 3 { compact.insert(0x20, at: compact.count - 3) }
            return String(decoding: compact, as: UTF8.self)
        }
    }
}
