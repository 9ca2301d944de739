/// A figure published to one decimal place (61.5%, Attainment 8 of 46.3), held exactly as tenths.
public struct Tenths: Hashable, Comparable, Sendable, Codable {
    public var tenths: Int32
    public init(tenths: Int32) { self.tenths = tenths }
    public static func < (lhs: Tenths, rhs: Tenths) -> Bool { lhs.tenths < rhs.tenths }
    public var text: String { FixedPoint.format(Int64(tenths), places: 1) }
    public var percentText: String { text + "%" }
}

/// A figure published to two decimal places (Progress 8 of -0.23), held exactly as hundredths.
public struct Hundredths: Hashable, Comparable, Sendable, Codable {
    public var hundredths: Int32
    public init(hundredths: Int32) { self.hundredths = hundredths }
    public static func < (lhs: Hundredths, rhs: Hundredths) -> Bool { lhs.hundredths < rhs.hundredths }
    public var text: String {
        let plain = FixedPoint.format(Int64(hundredths), places: 2)
        return hundredths > 0 ? "+" + plain : plain
    }
}

/// Exact decimal text <-> scaled integer, shared by `Tenths`, `Hundredths` and the loader.
enum FixedPoint {
    static func format(_ scaled: Int64, places: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0..<places { divisor *= 10 }
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(divisor)
        var fraction = String(magnitude % UInt64(divisor))
        while fraction.count < places { fraction = "0" + fraction }
        return "\(scaled < 0 ? "-" : "")\(whole).\(fraction)"
    }

    /// What a piece of decimal text turned out to be.
    enum Parsed: Equatable {
        case value(Int64)
        /// A well-formed number too large to hold (more than about 18 digits once scaled).
        case tooLarge
        case notANumber

        /// A number, held or too large to hold; nil when the text is not a number at all.
        var number: Number? {
            switch self {
            case .value(let value): return Number(value: value)
            case .tooLarge: return Number(value: nil)
            case .notANumber: return nil
            }
        }
    }

    /// A well-formed number: its value, or nil when it is too large to hold.
    struct Number {
        let value: Int64?
    }

    /// Parses `12`, `12.5`, `-0.23` into a value scaled by 10^places. Nil if not a number, if it has
    /// more decimal places than allowed, or if it is too large to hold.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, places: Int) -> Int64? {
        if case .value(let value) = parseChecked(bytes, places: places) { return value }
        return nil
    }

    /// As `parse`, but tells a number too large to hold from text that is not a number, so a
    /// message can say which. Every step is checked: no input can overflow.
    static func parseChecked<Bytes: Collection<UInt8>>(_ bytes: Bytes, places: Int) -> Parsed {
        var value: Int64 = 0
        var negative = false
        var seenPoint = false
        var decimals = 0
        var digits = 0
        var overflowed = false
        var first = true
        for byte in bytes {
            defer { first = false }
            if first, byte == UInt8(ascii: "-") { negative = true; continue }
            if first, byte == UInt8(ascii: "+") { continue }
            if byte == UInt8(ascii: "."), !seenPoint { seenPoint = true; continue }
            guard byte >= 48, byte <= 57 else { return .notANumber }
            if seenPoint { decimals += 1; if decimals > places { return .notANumber } }
            digits += 1
            guard !overflowed else { continue }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int64(byte - 48))
            if overflowA || overflowB { overflowed = true } else { value = sum }
        }
        guard digits > 0 else { return .notANumber }
        guard !overflowed else { return .tooLarge }
        for _ in decimals..<places {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return .tooLarge }
            value = times
        }
        return .value(negative ? -value : value)
    }
}
