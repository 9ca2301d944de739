import ChoiceKit

/// A budget's ledger: entries in the order they were recorded, and the arithmetic over them.
public struct Ledger: Hashable, Sendable {
    public let entries: [LedgerEntry]
    /// Signed effect of each entry on the balance, by position.
    public let effects: [Money]
    private let positionByNumber: [Int: Int]
    /// Numbers of entries that a later entry reverses.
    public let reversedNumbers: Set<Int>

    public init(entries: [LedgerEntry]) {
        self.entries = entries
        var positions: [Int: Int] = [:]
        positions.reserveCapacity(entries.count)
        var reversed = Set<Int>()
        var effects: [Money] = []
        effects.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            positions[entry.number] = position
            switch entry.kind {
            case .receipt, .refund: effects.append(entry.amount)
            case .payment: effects.append(-entry.amount)
            case .reversal(let number):
                reversed.insert(number)
                effects.append(positions[number].map { -effects[$0] } ?? .zero)
            }
        }
        self.positionByNumber = positions
        self.reversedNumbers = reversed
        self.effects = effects
    }

    public static let empty = Ledger(entries: [])


    public func entry(_ number: Int) -> LedgerEntry? { positionByNumber[number].map { entries[$0] } }
    public func effect(of number: Int) -> Money? { positionByNumber[number].map { effects[$0] } }
    public func isReversed(_ number: Int) -> Bool { reversedNumbers.contains(number) }
    public var nextNumber: Int { (entries.last?.number ?? 0) + 1 }

    public var balance: Money { effects.reduce(.zero, +) }
    /// Everything that raised the balance (receipts, refunds, reversals of payments).
    public var moneyIn: Money { effects.reduce(.zero) { $1 > .zero ? $0 + $1 : $0 } }
    /// Everything that lowered it (payments, reversals of receipts), as a positive amount.
    public var moneyOut: Money { effects.reduce(.zero) { $1 < .zero ? $0 - $1 : $0 } }

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

    /// A reversal of an entry: same amount, payee and line, dated `date`.
    public func reversalDraft(of number: Int, on date: CalendarDate, note: String = "") -> EntryDraft? {
        guard let target = entry(number) else { return nil }
        return EntryDraft(date: date, kind: .reversal(of: number), amount: target.amount, payee: target.payee,
                          planLine: target.planLine, receiptReference: target.receiptReference,
                          note: note.isEmpty ? "reverses entry \(number)" : note)
    }
}

public enum LedgerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case amountNotPositive
    case noSuchEntry(Int)
    case noSuchLine(Int)
    case alreadyReversed(Int)
    case reversalOfReversal(Int)
    case reversalAmountDiffers(Int)

    /// "what is wrong — what to do".
    public var description: String {
        switch self {
        case .amountNotPositive: return "the amount must be more than £0 — give the amount paid or received"
        case .noSuchEntry(let number): return "there is no entry \(number) — see the entry numbers with agora budget statement"
        case .noSuchLine(let number): return "there is no plan line \(number) — see the plan's lines with agora budget show"
        case .alreadyReversed(let number): return "entry \(number) is already reversed — record a new entry instead"
        case .reversalOfReversal(let number): return "entry \(number) is itself a reversal — record the original entry again instead"
        case .reversalAmountDiffers(let number): return "a reversal must be for the whole of entry \(number) — reverse it, then record the right amount"
        }
    }
}
