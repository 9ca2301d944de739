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

    private func position(_ key: String) -> Int? {
        if let columns { return columns[key] }
        return Int(key)
    }

    func fieldName(_ key: String) -> String { names[key] ?? key }

    mutating func note(_ key: String, _ text: String) { notes.append((fieldName(key), text)) }

    /// The column's text ("" when the column is absent); a byte the encoding lacks is noted.
    mutating func text(_ key: String) -> String {
        guard let index = position(key), index < record.count else { return "" }
        let decoded = record.text(index, encoding)
        if let problem = decoded.problem { note(key, problem) }
        return decoded.text
    }

    func isEmpty(_ key: String) -> Bool {
        guard let index = position(key), index < record.count else { return true }
        return record.isEmpty(index)
    }

    func withBytes<R>(_ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let index = position(key), index < record.count else { return nil }
        return record.withTrimmedField(index, body)
    }

    /// A whole number in `range`; an unreadable one is noted and left out.
    mutating func wholeNumber(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard !isEmpty(key) else { return nil }
        if let value = withBytes(key, { FieldParsing.wholeNumber($0, in: range) }) ?? nil { return value }
        note(key, "\(MessageText.quoted(text(key))) is not a whole number from \(Count.text(range.lowerBound)) to \(Count.text(range.upperBound)) — left out")
        return nil
    }

    /// A date read by `parse`; an unreadable one is noted and left out.
    mutating func date(_ key: String, _ parse: (UnsafeBufferPointer<UInt8>) -> CalendarDate?, example: String) -> CalendarDate? {
        guard !isEmpty(key) else { return nil }
        if let date = withBytes(key, parse) ?? nil { return date }
        note(key, "\(MessageText.quoted(text(key))) is not a date like \(example) — left out")
        return nil
    }

    mutating func decimal(_ key: String) -> Double? {
        guard !isEmpty(key) else { return nil }
        if let value = withBytes(key, FieldParsing.decimal) ?? nil { return value }
        note(key, "\(MessageText.quoted(text(key))) is not a number — left out")
        return nil
    }
}

/// Postcodes as the national files write them ("KM1  2AB", "km12ab") made canonical, or nil.
enum PostcodeText {
    static func canonical(_ text: String) -> String? {
        let postcode = PostcodeFormat.normalise(text)
        return PostcodeFormat.isWellFormed(postcode) ? postcode : nil
    }
}
