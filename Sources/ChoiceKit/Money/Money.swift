/// An amount of money in whole pence. Never floating point: £0.10 + £0.20 is exactly £0.30.
public struct Money: Hashable, Comparable, Sendable, Codable {
    public var pence: Int64

    public init(pence: Int64) { self.pence = pence }

    public init(pounds: Int64, pence: Int64 = 0) {
        self.pence = pounds * 100 + (pounds < 0 ? -pence : pence)
    }

    public static let zero = Money(pence: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(pence: lhs.pence * Int64(rhs)) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.pence += rhs.pence }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.pence -= rhs.pence }
    public static prefix func - (value: Money) -> Money { Money(pence: -value.pence) }

    public var isNegative: Bool { pence < 0 }

    /// `part / whole` of this amount, to the nearest penny (a half penny away from zero), as a
    /// pro-rata share of a budget is quoted. `whole` must be more than zero.
    public func share(_ part: Int, of whole: Int) -> Money {
        let product = pence * Int64(part), divisor = Int64(max(1, whole))
        let half = divisor / 2
        return Money(pence: product >= 0 ? (product + half) / divisor : (product - half) / divisor)
    }

    /// Pounds-and-pence text with thousands separators: `£1,234.50`, `-£3.05`.
    public var formatted: String {
        let magnitude = pence.magnitude
        let pounds = magnitude / 100
        let remainder = magnitude % 100
        let sign = pence < 0 ? "-" : ""
        let penceText = remainder < 10 ? "0\(remainder)" : "\(remainder)"
        return "\(sign)£\(Self.groupThousands(pounds)).\(penceText)"
    }

    /// Whole pounds when there are no pence (`£850`), otherwise full pounds and pence.
    public var formattedShort: String {
        pence % 100 == 0 ? "\(pence < 0 ? "-" : "")£\(Self.groupThousands(pence.magnitude / 100))" : formatted
    }

    /// The plain decimal form written to catalog files: `1234.50`.
    public var plainText: String {
        let magnitude = pence.magnitude
        let remainder = magnitude % 100
        return "\(pence < 0 ? "-" : "")\(magnitude / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }

    static func groupThousands(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

extension Money: CustomStringConvertible {
    public var description: String { formatted }
}
