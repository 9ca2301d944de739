import ChoiceKit

/// Which part of a personal budget pays for something. A mixed budget has more than one.
public enum BudgetPart: String, CaseIterable, Hashable, Sendable, Codable {
    case directPayment = "direct"
    case managed
    case individualServiceFund = "isf"
    /// The person's own money: a top-up beyond the personal budget.
    case own

    public var label: String {
        switch self {
        case .directPayment: return "direct payment"
        case .managed: return "council-managed"
        case .individualServiceFund: return "individual service fund"
        case .own: return "own money (top-up)"
        }
    }

    /// The parts a personal budget can be received as (not the person's own money).
    public static let budgetParts: [BudgetPart] = [.directPayment, .managed, .individualServiceFund]
}

/// How much of the weekly personal budget each part holds, in pounds.
public struct BudgetSplit: Hashable, Sendable {
    public var directPayment: Money
    public var managed: Money
    public var individualServiceFund: Money

    public init(directPayment: Money = .zero, managed: Money = .zero, individualServiceFund: Money = .zero) {
        self.directPayment = directPayment
        self.managed = managed
        self.individualServiceFund = individualServiceFund
    }

    public func weekly(_ part: BudgetPart) -> Money {
        switch part {
        case .directPayment: return directPayment
        case .managed: return managed
        case .individualServiceFund: return individualServiceFund
        case .own: return .zero
        }
    }

    public var total: Money { directPayment + managed + individualServiceFund }

    /// The parts that hold money, in a fixed order.
    public var parts: [BudgetPart] { BudgetPart.budgetParts.filter { weekly($0) > .zero } }
}
