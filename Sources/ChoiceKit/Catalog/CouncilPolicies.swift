/// What the council decides for itself about personal budgets and charging, as published in the
/// catalog manifest (format version 2). Each setting is optional: nil means the council has not
/// published it, and Agora says so instead of assuming.
public struct CouncilPolicies: Hashable, Sendable {
    /// The commissioner id of the council these policies belong to.
    public var councilID: String
    /// When the policies were last checked.
    public var asOf: CalendarDate
    /// Where the council publishes them (may be empty).
    public var url: String
    /// How often the council pays a direct payment, in weeks.
    public var paymentIntervalWeeks: Int?
    /// Weeks of payments a person may keep unspent before the council reclaims the rest.
    public var contingencyWeeks: Int?
    /// Whether a direct payment may buy services the council runs itself (local policy, not law).
    public var directPaymentsMayBuyCouncilServices: Bool?
    /// The weekly disability-related expenditure the council allows without receipts.
    public var standardDisabilityRelatedExpenditure: Money?
    /// Charging figures the council uses where they differ from the national ones.
    public var charging: ChargingFigures

    public init(councilID: String, asOf: CalendarDate, url: String, paymentIntervalWeeks: Int?, contingencyWeeks: Int?,
                directPaymentsMayBuyCouncilServices: Bool?, standardDisabilityRelatedExpenditure: Money?,
                charging: ChargingFigures = ChargingFigures()) {
        self.councilID = councilID
        self.asOf = asOf
        self.url = url
        self.paymentIntervalWeeks = paymentIntervalWeeks
        self.contingencyWeeks = contingencyWeeks
        self.directPaymentsMayBuyCouncilServices = directPaymentsMayBuyCouncilServices
        self.standardDisabilityRelatedExpenditure = standardDisabilityRelatedExpenditure
        self.charging = charging
    }

    /// Charging figures a council sets itself (it may be more generous than the national minimum).
    /// nil means the national figure applies.
    public struct ChargingFigures: Hashable, Sendable {
        /// The year the council's figures are for, e.g. "2026/27".
        public var year: String?
        public var lowerCapitalLimit: Money?
        public var upperCapitalLimit: Money?
        public var minimumIncomeUnder25: Money?
        public var minimumIncome25ToPensionAge: Money?
        public var minimumIncomePensionAge: Money?
        public var personalExpensesAllowance: Money?

        public init(year: String? = nil, lowerCapitalLimit: Money? = nil, upperCapitalLimit: Money? = nil,
                    minimumIncomeUnder25: Money? = nil, minimumIncome25ToPensionAge: Money? = nil,
                    minimumIncomePensionAge: Money? = nil, personalExpensesAllowance: Money? = nil) {
            self.year = year
            self.lowerCapitalLimit = lowerCapitalLimit
            self.upperCapitalLimit = upperCapitalLimit
            self.minimumIncomeUnder25 = minimumIncomeUnder25
            self.minimumIncome25ToPensionAge = minimumIncome25ToPensionAge
            self.minimumIncomePensionAge = minimumIncomePensionAge
            self.personalExpensesAllowance = personalExpensesAllowance
        }

        public var isEmpty: Bool { self == ChargingFigures() }
    }

    /// The JSON keys of the charging figures, in the order they are written.
    public static var chargingKeys: [(key: String, path: WritableKeyPath<ChargingFigures, Money?>)] { [
        ("lower_capital_limit", \.lowerCapitalLimit), ("upper_capital_limit", \.upperCapitalLimit),
        ("minimum_income_under_25", \.minimumIncomeUnder25),
        ("minimum_income_25_to_pension_age", \.minimumIncome25ToPensionAge),
        ("minimum_income_pension_age", \.minimumIncomePensionAge),
        ("personal_expenses_allowance", \.personalExpensesAllowance),
    ] }

    /// Where a policy figure comes from, for warnings and estimates.
    public func source(councilName: String) -> Source {
        Source(publisher: councilName, title: "Council policies on personal budgets and charging (catalog manifest)",
               url: url, year: "as of \(asOf.long)")
    }
}
