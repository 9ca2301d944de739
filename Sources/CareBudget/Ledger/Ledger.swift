import ChoiceKit

/// A budget's ledger: entries in the order they were recorded, and the arithmetic over them.
public struct Ledger: Hashable, Sendable {
    public let entries: [LedgerEntry]
    /// Signed effect of each entry on the balance, by position.
    public let effects: [Money]
    private let positionByNumber: [Int: Int]
    /// Numbers of entries that a later entry reverses.
    public let reversedNumbers: Set<Int>
    /// The number of the reversal that undoes each reversed entry, and of the entry each reversal undoes.
    private let partners: [Int: Int]

    public init(entries: [LedgerEntry]) {
        self.entries = entries
        var positions: [Int: Int] = [:]
        positions.reserveCapacity(entries.count)
        var reversed = Set<Int>()
        var partners: [Int: Int] = [:]
        var effects: [Money] = []
        effects.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            positions[entry.number] = position
            switch entry.kind {
            case .receipt, .refund: effects.append(entry.amount)
            case .payment: effects.append(-entry.amount)
            case .reversal(let number):
                reversed.insert(number)
                if positions[number] != nil {
                    partners[number] = entry.number
                    partners[entry.number] = number
                }
                effects.append(positions[number].map { -effects[$0] } ?? .zero)
            }
        }
        self.positionByNumber = positions
        self.reversedNumbers = reversed
        self.partners = partners
        self.effects = effects
        // Worked out once: a ledger's header shows them on every frame. Over the whole ledger,
        // every entry with a partner has it counted too, so each such pair is left out.
        var moneyIn = Money.zero, moneyOut = Money.zero
        for (entry, effect) in zip(entries, effects) where partners[entry.number] == nil {
            if effect > .zero { moneyIn += effect } else { moneyOut -= effect }
        }
        self.moneyIn = moneyIn
        self.moneyOut = moneyOut
    }

    public static let empty = Ledger(entries: [])


    public func entry(_ number: Int) -> LedgerEntry? { positionByNumber[number].map { entries[$0] } }
    public func effect(of number: Int) -> Money? { positionByNumber[number].map { effects[$0] } }
    public func isReversed(_ number: Int) -> Bool { reversedNumbers.contains(number) }
    public var nextNumber: Int { (entries.last?.number ?? 0) + 1 }

    public var balance: Money { effects.reduce(.zero, +) }
    /// Everything that raised the balance (receipts, refunds). A mistaken entry and the reversal
    /// that undoes it are left out of both totals: the money never moved.
    public let moneyIn: Money
    /// Everything that lowered it (payments), as a positive amount; mistakes undone left out.
    public let moneyOut: Money

    /// The entry a reversal undoes, or the reversal that undoes an entry.
    public func partner(of number: Int) -> Int? { partners[number] }

    /// Money in and out over the entries at `positions` (a statement's period), leaving out each
    /// mistake and its reversal when both are counted: they cancel, and counting them would make a
    /// typing error look like thousands of pounds moved.
    public func totals(over counted: [Int]) -> (moneyIn: Money, moneyOut: Money) {
        let numbers = Set(counted.map { entries[$0].number })
        var moneyIn = Money.zero, moneyOut = Money.zero
        for position in counted {
            if let partner = partners[entries[position].number], numbers.contains(partner) { continue }
            let effect = effects[position]
            if effect > .zero { moneyIn += effect } else { moneyOut -= effect }
        }
        return (moneyIn, moneyOut)
    }

    /// Positions in date order (ties in the order recorded): the order of statements.
    public var datedOrder: [Int] {
        entries.indices.sorted { entries[$0].date != entries[$1].date ? entries[$0].date < entries[$1].date : $0 < $1 }
    }

    /// The balance at the end of a day.
    public func balance(atEndOf date: CalendarDate) -> Money {
        var total = Money.zero
        for (position, entry) in entries.enumerated() where entry.date <= date { total += effects[position] }
        return total
    }

    /// Payments, refunds, and reversals of either: the entries that make up spending.
    public func isSpending(_ entry: LedgerEntry) -> Bool {
        switch entry.kind {
        case .payment, .refund: return true
        case .receipt: return false
        case .reversal(let number):
            guard let target = self.entry(number) else { return false }
            return target.kind == .payment || target.kind == .refund
        }
    }

    /// Balances at the end of each of `dates` (sorted ascending), in one pass over the entries.
    public func balances(atEndOf dates: [CalendarDate]) -> [Money] {
        let order = datedOrder
        var result: [Money] = []
        result.reserveCapacity(dates.count)
        var index = 0
        var total = Money.zero
        for date in dates {
            while index < order.count, entries[order[index]].date <= date {
                total += effects[order[index]]
                index += 1
            }
            result.append(total)
        }
        return result
    }

    /// Why an entry cannot be recorded, checked against the ledger as it is.
    public func problem(with draft: EntryDraft, planLines: Set<Int>) -> LedgerProblem? {
        guard draft.amount > .zero else { return .amountNotPositive }
        if let line = draft.planLine, !planLines.contains(line) { return .noSuchLine(line) }
        if case .reversal(let number) = draft.kind {
            guard let target = entry(number) else { return .noSuchEntry(number) }
            if case .reversal = target.kind { return .reversalOfReversal(number) }
            if isReversed(number) { return .alreadyReversed(number) }
            if target.amount != draft.amount { return .reversalAmountDiffers(number) }
        }
        return nil
    }

    /// A reversal of an entry: same amount, payee and line, dated `date`, else the entry's own date
    /// (a mistake undone on the day it was dated never shows as money that moved).
    public func reversalDraft(of number: Int, on date: CalendarDate? = nil, note: String = "") -> EntryDraft? {
        guard let target = entry(number) else { return nil }
        return EntryDraft(date: date ?? target.date, kind: .reversal(of: number), amount: target.amount, payee: target.payee,
                          planLine: target.planLine, receiptReference: target.receiptReference,
                          note: note.isEmpty ? "reverses entry \(number)" : note)
    }
}

extension Ledger {
    /// When an entry may be dated: within the budget's year (an earlier or later year is another
    /// budget's), and, when `today` is given, not after it (money is recorded once it has moved).
    public static func datingProblem(_ date: CalendarDate, setup: BudgetSetup, today: CalendarDate?) -> LedgerProblem? {
        if date < setup.start { return .beforeBudgetStarts(date, start: setup.start) }
        if date > setup.end { return .afterBudgetEnds(date, end: setup.end) }
        if let today, date > today { return .afterToday(date) }
        return nil
    }
}

public enum LedgerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case amountNotPositive
    case beforeBudgetStarts(CalendarDate, start: CalendarDate)
    case afterBudgetEnds(CalendarDate, end: CalendarDate)
    case afterToday(CalendarDate)
    case noSuchEntry(Int)
    case noSuchLine(Int)
    case alreadyReversed(Int)
    case reversalOfReversal(Int)
    case reversalAmountDiffers(Int)

    /// "what is wrong — what to do".
    public var description: String {
        switch self {
        case .amountNotPositive: return "the amount must be more than £0 — give the amount paid or received"
        case .beforeBudgetStarts(let date, let start):
            return "\(date.long) is before this budget starts on \(start.long) — give the day the money moved; an earlier year's money belongs to that year's budget"
        case .afterBudgetEnds(let date, let end):
            return "\(date.long) is after this budget's year ends on \(end.long) — give the day the money moved; for the next year, set up a new budget"
        case .afterToday(let date):
            return "\(date.long) has not come yet — record money once it has moved, dated the day it did"
        case .noSuchEntry(let number): return "there is no entry \(number) — see the entry numbers with agora budget statement"
        case .noSuchLine(let number): return "there is no plan line \(number) — see the plan's lines with agora budget show"
        case .alreadyReversed(let number): return "entry \(number) is already reversed — record a new entry instead"
        case .reversalOfReversal(let number): return "entry \(number) is itself a reversal — record the original entry again instead"
        case .reversalAmountDiffers(let number): return "a reversal must be for the whole of entry \(number) — reverse it, then record the right amount"
        }
    }
}
