import ChoiceKit

/// The ledger between two dates: opening balance, each entry with the balance after it, totals
/// and closing balance.
public struct Statement: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var entry: LedgerEntry
        /// Signed: positive in, negative out.
        public var effect: Money
        public var balance: Money
        /// A later entry reverses this one.
        public var isReversed: Bool
    }

    public var budgetName: String
    public var from: CalendarDate
    public var to: CalendarDate
    public var openingBalance: Money
    public var rows: [Row]
    public var moneyIn: Money
    public var moneyOut: Money
    public var closingBalance: Money

    public init(budgetName: String, ledger: Ledger, from: CalendarDate, to: CalendarDate) {
        self.budgetName = budgetName
        self.from = from
        self.to = to
        var balance = Money.zero
        var rows: [Row] = []
        var shown: [Int] = []
        for position in ledger.datedOrder {
            let entry = ledger.entries[position]
            let effect = ledger.effects[position]
            if entry.date < from { balance += effect; continue }
            if entry.date > to { break }
            balance += effect
            shown.append(position)
            rows.append(Row(entry: entry, effect: effect, balance: balance, isReversed: ledger.isReversed(entry.number)))
        }
        // A mistake and its reversal both in the period cancel: left out of the totals, not the rows.
        let (moneyIn, moneyOut) = ledger.totals(over: shown)
        openingBalance = balance - moneyIn + moneyOut
        self.rows = rows
        self.moneyIn = moneyIn
        self.moneyOut = moneyOut
        closingBalance = balance
    }
}
