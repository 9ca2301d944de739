/// Typed access to the cells of one CSV row, recording a problem for every cell that is wrong.
/// Numbers, dates and money are read straight from the bytes; only text becomes a String.
struct RowDecoder {
    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    /// For each column position of the table layout: the index of its field in the row, or -1.
    let fieldForColumn: [Int]
    var fields: [CSVField] = []
    var line = 0
    private(set) var problems: [CatalogProblem] = []
    /// Problems recorded for the current row; a row with any is not loaded.
    private(set) var rowErrorCount = 0

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, fieldForColumn: [Int]) {
        self.file = file
        self.bytes = bytes
        self.fieldForColumn = fieldForColumn
    }

    mutating func startRow(line: Int) {
        self.line = line
        rowErrorCount = 0
    }

    mutating func problem(_ column: String, _ message: String, _ fix: String, severity: CatalogProblem.Severity = .error) {
        if severity == .error { rowErrorCount += 1 }
        problems.append(CatalogProblem(file: file, line: line, field: column, message: message, fix: fix, severity: severity))
    }

    mutating func appendProblems(_ others: [CatalogProblem]) { problems.append(contentsOf: others) }

    // MARK: - Raw access

    private func field(_ column: ColumnID) -> CSVField? {
        guard column.position >= 0 else { return nil }
        let index = fieldForColumn[column.position]
        guard index >= 0, index < fields.count else { return nil }
        return fields[index]
    }

    /// The cell's bytes without surrounding spaces, `""` unescaped; nil when empty or absent.
    func withCell<R>(_ column: ColumnID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let field = field(column), !field.isEmpty else { return nil }
        return CSVReader.withFieldBytes(field, in: bytes) { raw in
            var start = 0, end = raw.count
            while start < end, raw[start] == 32 { start += 1 }
            while end > start, raw[end - 1] == 32 { end -= 1 }
            guard start < end else { return nil }
            return body(UnsafeBufferPointer(rebasing: raw[start..<end]))
        }
    }

    /// The cell as text for messages: lossy on bad bytes, control characters made visible, cut
    /// short (a megabyte-long cell must not become a megabyte-long message).
    private static func shown(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        let head = UnsafeBufferPointer(rebasing: cell.prefix(MessageText.valueLimit * 4))
        return MessageText.excerpt(String(decoding: head, as: UTF8.self))
    }

    func isEmpty(_ column: ColumnID) -> Bool { withCell(column) { _ in true } == nil }

    // MARK: - Text

    /// Texts that repeat down a table (organisations, towns, opening hours) share one copy, found
    /// by the cell's bytes: a repeat costs neither a new String nor hashing one. `pooledTexts[i]`
    /// is the text of the bytes numbered i, or nil when they are not valid text.
    private var pooledBytes = TokenTable()
    private var pooledTexts: [String?] = []
    private var listPool: [[String]: [String]] = [:]

    mutating func sharedText(_ column: ColumnID) -> String? {
        guard let field = field(column), !field.isEmpty, !field.hasEscapedQuotes else { return text(column) }
        var start = field.start, end = field.end
        while start < end, bytes[start] == 32 { start += 1 }
        while end > start, bytes[end - 1] == 32 { end -= 1 }
        guard start < end else { return nil }
        let id = Int(pooledBytes.intern(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        if id < pooledTexts.count {
            // Bytes seen before: their text, or the same problem recorded again.
            return pooledTexts[id] ?? text(column)
        }
        let value = text(column)
        pooledTexts.append(value)
        return value
    }

    mutating func sharedList(_ column: ColumnID) -> [String] {
        let value = list(column)
        guard !value.isEmpty else { return [] }
        if let shared = listPool[value] { return shared }
        listPool[value] = value
        return value
    }

    /// Plain text: must be valid UTF-8 without control characters.
    mutating func text(_ column: ColumnID) -> String? {
        enum Outcome { case text(String), invalidUTF8(Int, UInt8), control(UInt32) }
        let outcome: Outcome? = withCell(column) { cell in
            var ascii = true
            for byte in cell {
                if byte < 0x20 || byte == 0x7F { return .control(UInt32(byte)) }
                if byte >= 0x80 { ascii = false; break }
            }
            if ascii { return .text(String(decoding: cell, as: UTF8.self)) }
            guard let text = String(validating: cell, as: UTF8.self) else {
                let offset = Self.firstInvalidUTF8Offset(cell)
                return .invalidUTF8(offset + 1, cell[offset])
            }
            if let control = text.unicodeScalars.first(where: TextSafety.isControl) { return .control(control.value) }
            return .text(text)
        }
        switch outcome {
        case nil: return nil
        case .text(let text)?: return text
        case .invalidUTF8(let position, let byte)?:
            problem(column.name, "is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at character \(position))",
                    "save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")")
            return nil
        case .control(let value)?:
            let hex = String(value, radix: 16, uppercase: true)
            problem(column.name, "contains a control character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
                    "remove it; catalog text must be plain, printable text")
            return nil
        }
    }

    mutating func requiredText(_ column: ColumnID, fix: String) -> String? {
        guard let value = text(column) else {
            if isEmpty(column) { problem(column.name, "is empty", fix) }
            return nil
        }
        return value
    }

    /// A `|`-separated list, as CQC writes multi-valued cells.
    mutating func list(_ column: ColumnID) -> [String] {
        guard let whole = text(column) else { return [] }
        var items: [String] = []
        Self.forEachItem(of: whole) { items.append(String(decoding: $0, as: UTF8.self)) }
        return items
    }

    /// Each item of a `|`-separated text, trimmed of spaces, as its bytes (empty items skipped).
    /// The cuts fall on ASCII bytes, so every item is whole UTF-8.
    static func forEachItem(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "|") { end += 1 }
                var low = start, high = end
                while low < high, bytes[low] == 0x20 { low += 1 }
                while high > low, bytes[high - 1] == 0x20 { high -= 1 }
                if high > low { body(UnsafeBufferPointer(rebasing: bytes[low..<high])) }
                start = end + 1
            }
        }
    }

    mutating func label<Value: LabelledValue>(_ column: ColumnID, _ table: LabelTable<Value>) -> Value? {
        switch parseCell(column, { table.value(forBytes: $0) }) {
        case nil: return nil
        case .success(let value)?: return value
        case .failure(let cell)?:
            problem(column.name, "\"\(cell.text)\" is not one of the allowed values", "use one of \(Value.labelList)")
            return nil
        }
    }

    mutating func labels<Value: LabelledValue>(_ column: ColumnID, _ table: LabelTable<Value>) -> [Value] {
        var values: [Value] = []
        var unknown: [String] = []
        guard let whole = text(column) else { return [] }
        Self.forEachItem(of: whole) { item in
            if let value = table.value(forBytes: item) {
                if !values.contains(value) { values.append(value) }
            } else {
                unknown.append(String(decoding: item, as: UTF8.self))
            }
        }
        for item in unknown {
            problem(column.name, "\(MessageText.quoted(item)) is not one of the allowed values",
                    "use one or more of \(Value.labelList), separated by |")
        }
        return values
    }

    // MARK: - Numbers, money, dates, yes/no

    /// Parses a cell; on failure hands back the cell as shown text for the message.
    private func parseCell<Value>(_ column: ColumnID,
                                  _ parse: (UnsafeBufferPointer<UInt8>) -> Value?) -> Result<Value, CellText>? {
        withCell(column) { cell in
            if let value = parse(cell) { return .success(value) }
            return .failure(CellText(text: Self.shown(cell)))
        }
    }

    struct CellText: Error { let text: String }

    mutating func int(_ column: ColumnID, in range: ClosedRange<Int>, example: String) -> Int? {
        switch parseCell(column, { FixedPoint.parseChecked($0, places: 0).number }) {
        case nil: return nil
        case .failure(let cell)?:
            problem(column.name, "\"\(cell.text)\" is not a whole number", "write digits only, e.g. \(example)")
            return nil
        case .success(let parsed)?:
            guard let value = parsed.value, range.contains(Int(value)) else {
                problem(column.name, "\(parsed.value.map { String($0) } ?? cellText(column)) is outside \(range.lowerBound)–\(range.upperBound)",
                        "check the figure")
                return nil
            }
            return Int(value)
        }
    }

    /// The cell as shown in messages (only called when there is a problem to report).
    private func cellText(_ column: ColumnID) -> String {
        withCell(column) { Self.shown($0) } ?? ""
    }

    mutating func tenths(_ column: ColumnID, in range: ClosedRange<Int32>, example: String) -> Tenths? {
        decimal(column, places: 1, range: Int64(range.lowerBound)...Int64(range.upperBound), example: example)
            .map { Tenths(tenths: Int32($0)) }
    }

    mutating func hundredths(_ column: ColumnID, in range: ClosedRange<Int32>, example: String) -> Hundredths? {
        decimal(column, places: 2, range: Int64(range.lowerBound)...Int64(range.upperBound), example: example)
            .map { Hundredths(hundredths: Int32($0)) }
    }

    private mutating func decimal(_ column: ColumnID, places: Int, range: ClosedRange<Int64>, example: String) -> Int64? {
        let parsed = parseCell(column) { cell -> FixedPoint.Number? in
            let digits = cell.last == UInt8(ascii: "%") ? UnsafeBufferPointer(rebasing: cell.dropLast()) : cell
            return FixedPoint.parseChecked(digits, places: places).number
        }
        switch parsed {
        case nil: return nil
        case .failure(let cell)?:
            problem(column.name, "\"\(cell.text)\" is not a number with at most \(places) decimal place\(places == 1 ? "" : "s")",
                    "write it like \(example)")
            return nil
        case .success(let number)?:
            guard let value = number.value, range.contains(value) else {
                let shown = number.value.map { FixedPoint.format($0, places: places) } ?? cellText(column)
                problem(column.name, "\(shown) is outside \(FixedPoint.format(range.lowerBound, places: places))–\(FixedPoint.format(range.upperBound, places: places))",
                        "check the figure")
                return nil
            }
            return value
        }
    }

    /// More than any price or contract a catalog holds (£100 billion), and far enough from the
    /// limits of whole pence that sums and weekly conversions of it cannot overflow.
    static let largestAmount = Money(pence: 10_000_000_000_000)

    mutating func money(_ column: ColumnID) -> Money? {
        let parsed: Result<Money, MoneyParseError>? = withCell(column) { cell in
            Money.parse(bytes: cell, original: Self.shown(cell))
        }
        switch parsed {
        case nil: return nil
        case .success(let money)? where money.isNegative:
            problem(column.name, "\"\(money.formatted)\" is negative", "prices and values are amounts of at least £0")
            return nil
        case .success(let money)? where money > Self.largestAmount:
            problem(column.name, "\"\(money.formatted)\" is more than \(Self.largestAmount.formatted)", "check the figure")
            return nil
        case .success(let money)?:
            return money
        case .failure(let error)?:
            problem(column.name, error.explanation, "write pounds and pence, e.g. 1234.50 or £1,234.50")
            return nil
        }
    }

    mutating func date(_ column: ColumnID) -> CalendarDate? {
        switch parseCell(column, { CalendarDate.parseISO(bytes: $0) }) {
        case nil: return nil
        case .failure(let cell)?:
            problem(column.name, "\"\(cell.text)\" is not a date", "use YYYY-MM-DD, e.g. 2025-11-10")
            return nil
        case .success(let date)?:
            return date
        }
    }

    private static let yesNoTable = LabelTable<YesNo>(extra: ["y": .yes, "n": .no, "true": .yes, "false": .no])

    mutating func yesNo(_ column: ColumnID) -> Bool? {
        switch parseCell(column, { Self.yesNoTable.value(forBytes: $0) }) {
        case nil: return nil
        case .success(let answer)?: return answer == .yes
        case .failure(let cell)?:
            problem(column.name, "\"\(cell.text)\" is not yes or no", "write yes or no (or leave empty if unknown)")
            return nil
        }
    }

    /// Decimal degrees within ±`limit` (90 for latitude, 180 for longitude).
    mutating func coordinate(_ column: ColumnID, limit: Int64) -> Double? {
        switch parseCell(column, { FixedPoint.parseChecked($0, places: 7).number }) {
        case nil: return nil
        case .failure(let cell)?:
            problem(column.name, "\"\(cell.text)\" is not a coordinate in degrees",
                    "write decimal degrees, e.g. 52.63012 (at most 7 decimal places)")
            return nil
        case .success(let number)?:
            guard let value = number.value, value.magnitude <= UInt64(limit) * 10_000_000 else {
                problem(column.name, "\"\(cellText(column))\" is outside -\(limit)–\(limit) degrees",
                        "check the figure: \(column.name) is in decimal degrees, between -\(limit) and \(limit)")
                return nil
            }
            return Double(value) / 10_000_000
        }
    }

    static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for continuation in 1..<length where bytes[index + continuation] & 0xC0 != 0x80 { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}

extension Substring {
    /// Without spaces at either end, found on the UTF-8 bytes (no Character is made).
    func trimmingSpaces() -> Substring {
        let text = self
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        return text[start..<end]
    }
}


enum YesNo: String, LabelledValue, CaseIterable {
    case yes, no
    var label: String { rawValue }
}
