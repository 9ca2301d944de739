import ChoiceKit

/// Amounts typed by a person: `£1,234.50`, `1234.5` and `1234` are accepted; anything else gets
/// one sentence saying what is wrong and what to do.
public enum AmountInput {
    /// Large enough for any care budget, small enough that sums over years cannot overflow.
    public static let largest = Money(pounds: 10_000_000)

    public static func parse(_ text: String, allowZero: Bool = false) -> Result<Money, AmountProblem> {
        switch Money.parse(text) {
        case .failure(let error):
            return .failure(AmountProblem(text: text, reason: error.explanation))
        case .success(let money):
            if money.isNegative {
                return .failure(AmountProblem(text: text, reason: "\"\(TextSafety.inert(text))\" is negative"))
            }
            if money == .zero, !allowZero {
                return .failure(AmountProblem(text: text, reason: "\"\(TextSafety.inert(text))\" is zero"))
            }
            if money > largest {
                return .failure(AmountProblem(text: text, reason: "\"\(TextSafety.inert(text))\" is more than \(largest.formattedShort)"))
            }
            return .success(money)
        }
    }
}

public struct AmountProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String

    /// "what is wrong — what to do".
    public var description: String {
        "\(TextSafety.inert(reason)) — give pounds and pence like 1234.50, £1,234.50 or 1234"
    }
}
