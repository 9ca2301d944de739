import ChoiceKit

/// Hours or days with up to two decimal places (7.5 hours a week), held exactly in hundredths.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }
    public init(whole: Int) { hundredths = whole * 100 }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.hundredths < rhs.hundredths }
    public static let zero = Quantity(hundredths: 0)

    /// `7.5`, `10`, `2.25`: no trailing zeros.
    public var description: String {
        let whole = hundredths / 100
        let rest = hundredths % 100
        if rest == 0 { return "\(whole)" }
        if rest % 10 == 0 { return "\(whole).\(rest / 10)" }
        return "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// Strict decimal with at most two places; nil for anything else.
    public static func parse(_ text: String) -> Quantity? {
        let trimmed = text.trimmingCharacters(in: " ")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholeText = parts.first, !wholeText.isEmpty,
              wholeText.count <= 6, wholeText.allSatisfy(\.isASCIIDigit), let whole = Int(wholeText) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        return Quantity(hundredths: whole * 100 + fraction)
    }

    /// `rate × quantity`, rounded half up to the penny.
    public func cost(at rate: Money) -> Money {
        let product = rate.pence * Int64(hundredths)
        let rounded = product >= 0 ? (product + 50) / 100 : -((-product + 50) / 100)
        return Money(pence: rounded)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
