/// One value of a provider as data, for CSV and JSON: numbers as numbers, money in pence, dates as
/// ISO `YYYY-MM-DD`, yes/no as booleans, and missing as `null` (JSON) or an empty cell (CSV) —
/// never a word standing in for a value.
public enum FieldValue: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    /// An exact decimal: 76.9 is `scaled: 769, places: 1`.
    case decimal(scaled: Int64, places: Int)
    case boolean(Bool)
    case date(CalendarDate)
    /// Several texts (specialisms, open days): a JSON array, or joined by `|` in CSV as in catalog files.
    case list([String])
    case null

    /// Empty text is missing.
    public static func text(_ value: String?) -> FieldValue {
        guard let value, !value.isEmpty else { return .null }
        return .string(value)
    }

    public static func integer(_ value: Int?) -> FieldValue { value.map { .integer(Int64($0)) } ?? .null }
    public static func boolean(_ value: Bool?) -> FieldValue { value.map(FieldValue.boolean) ?? .null }
    public static func date(_ value: CalendarDate?) -> FieldValue { value.map(FieldValue.date) ?? .null }
    public static func pence(_ value: Money?) -> FieldValue { value.map { .integer($0.pence) } ?? .null }
    public static func tenths(_ value: Tenths?) -> FieldValue { value.map { .decimal(scaled: Int64($0.tenths), places: 1) } ?? .null }
    public static func hundredths(_ value: Hundredths?) -> FieldValue {
        value.map { .decimal(scaled: Int64($0.hundredths), places: 2) } ?? .null
    }

    /// Degrees to five places (about a metre), as catalog files hold them.
    public static func degrees(_ value: Double) -> FieldValue {
        guard value.isFinite else { return .null }
        return .decimal(scaled: Int64((value * 100_000).rounded()), places: 5)
    }

    public var isNull: Bool { self == .null }

    /// The cell of a CSV file: empty when missing.
    public var csvText: String {
        switch self {
        case .string(let text): return text
        case .integer(let value): return String(value)
        case .decimal(let scaled, let places): return FixedPoint.format(scaled, places: places)
        case .boolean(let value): return value ? "true" : "false"
        case .date(let date): return date.iso
        case .list(let items): return items.joined(separator: "|")
        case .null: return ""
        }
    }

    public var json: JSONValue {
        switch self {
        case .string(let text): return .string(text)
        case .integer(let value): return .number(String(value))
        case .decimal(let scaled, let places): return .number(FixedPoint.format(scaled, places: places))
        case .boolean(let value): return .bool(value)
        case .date(let date): return .string(date.iso)
        case .list(let items): return .array(items.map(JSONValue.string))
        case .null: return .null
        }
    }
}

/// What a field holds, as the README documents it and the tests check it.
public enum FieldType: String, Hashable, Sendable {
    case text, integer, number, boolean, date, list

    /// Whether `value` is of this type (null fits every type).
    public func admits(_ value: FieldValue) -> Bool {
        switch (self, value) {
        case (_, .null), (.text, .string), (.integer, .integer), (.number, .decimal), (.boolean, .boolean),
             (.date, .date), (.list, .list):
            return true
        default:
            return false
        }
    }
}
