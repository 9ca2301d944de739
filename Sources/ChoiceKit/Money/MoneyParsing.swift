/// Why a piece of text is not an amount of money, in words a person can act on.
public enum MoneyParseError: Error, Equatable, Sendable {
    case empty
    case notANumber(String)
    case tooManyPenceDigits(String)
    case tooLarge(String)

    public var explanation: String {
        switch self {
        case .empty: return "no amount given"
        case .notANumber(let text): return "\"\(text)\" is not an amount of money"
        case .tooManyPenceDigits(let text): return "\"\(text)\" has more than two digits of pence"
        case .tooLarge(let text): return "\"\(text)\" is too large an amount"
        }
    }
}

extension Money {
    /// Parses pounds-and-pence text exactly, digit by digit: `1234.5`, `£1,234.50`, `-£3`, `0.05`.
    /// Thousands separators must be in the right places; more than two pence digits is an error,
    /// never a rounding.
    public static func parse(_ text: String) -> Result<Money, MoneyParseError> {
        var utf8 = Array(text.utf8)
        trimSpaces(&utf8)
        guard !utf8.isEmpty else { return .failure(.empty) }
        return parse(bytes: utf8[...], original: text)
    }

    /// Byte-level entry used by the catalog loader (no intermediate String).
    static func parse<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes, original: @autoclosure () -> String) -> Result<Money, MoneyParseError> where Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        // "£" is C2 A3 in UTF-8.
        if index + 1 < end, bytes[index] == 0xC2, bytes[index + 1] == 0xA3 { index += 2 }
        if !negative, index < end, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var pounds: Int64 = 0
        var digitsSinceComma = 0
        var sawComma = false
        var sawDigit = false
        while index < end, bytes[index] != UInt8(ascii: ".") {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                guard sawDigit, !sawComma || digitsSinceComma == 3 else { return .failure(.notANumber(original())) }
                sawComma = true
                digitsSinceComma = 0
            } else if byte >= 48, byte <= 57 {
                let (times, overflowA) = pounds.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times.addingReportingOverflow(Int64(byte - 48))
                guard !overflowA, !overflowB, sum < Int64.max / 100 else { return .failure(.tooLarge(original())) }
                pounds = sum
                sawDigit = true
                digitsSinceComma += 1
            } else {
                return .failure(.notANumber(original()))
            }
            index += 1
        }
        if sawComma, digitsSinceComma != 3 { return .failure(.notANumber(original())) }
        var pence: Int64 = 0
        if index < end {
            index += 1 // the decimal point
            var penceDigits = 0
            while index < end {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return .failure(.notANumber(original())) }
                penceDigits += 1
                guard penceDigits <= 2 else { return .failure(.tooManyPenceDigits(original())) }
                pence = pence * 10 + Int64(byte - 48)
                index += 1
            }
            guard penceDigits > 0 || sawDigit else { return .failure(.notANumber(original())) }
            if penceDigits == 1 { pence *= 10 }
            sawDigit = sawDigit || penceDigits > 0
        }
        guard sawDigit else { return .failure(.notANumber(original())) }
        let total = pounds * 100 + pence
        return .success(Money(pence: negative ? -total : total))
    }

    private static func trimSpaces(_ bytes: inout [UInt8]) {
        while let last = bytes.last, last == 32 || last == 9 { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        if start > 0 { bytes.removeFirst(start) }
    }
}
