import ChoiceKit

/// A rule the plan (or the account) runs into, said plainly with where the rule comes from.
/// Warnings never block anything: the person decides, knowing.
public struct BudgetWarning: Hashable, Sendable {
    public enum Rule: String, CaseIterable, Hashable, Sendable {
        case managedNotOnFramework
        case managedAboveFrameworkRate
        case longTermResidentialCare
        case shortStayTooLong
        case councilServiceNotAllowed
        case councilServiceUnknownPolicy
        case closeRelativeInHousehold
        case fundHeldByOneProvider
        case careHomeTopUpAgreement
        case belowAssessedHours
        case overBudget
        case partOverShare
        case providerTakesNoDirectPayments
    }

    public enum Severity: Int, Comparable, Hashable, Sendable {
        /// Worth checking before going ahead.
        case check = 0
        /// Allowed only with the council's (or a third party's) agreement.
        case needsAgreement = 1
        /// Not allowed as planned.
        case notAllowed = 2

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var label: String {
            switch self {
            case .check: return "check"
            case .needsAgreement: return "needs agreement"
            case .notAllowed: return "not allowed"
            }
        }
    }

    public var rule: Rule
    public var severity: Severity
    /// The plan line it is about, if any.
    public var line: Int?
    /// What is wrong, in plain words.
    public var reason: String
    public var source: Source

    public init(rule: Rule, severity: Severity, line: Int?, reason: String, source: Source) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.reason = reason
        self.source = source
    }
}
