import ChoiceKit

/// Where money coming in is from.
public enum ReceiptSource: String, CaseIterable, Hashable, Sendable, Codable {
    case council
    case own
    case topUp = "top-up"

    public var label: String {
        switch self {
        case .council: return "council payment"
        case .own: return "own contribution"
        case .topUp: return "top-up"
        }
    }
}

/// What an entry is. Corrections are new entries that reverse old ones; history is never edited.
public enum EntryKind: Hashable, Sendable {
    case receipt(ReceiptSource)
    case payment
    /// Money paid back by a payee.
    case refund
    /// Undoes the entry with this number, in full.
    case reversal(of: Int)

    public var label: String {
        switch self {
        case .receipt(let source): return source.label
        case .payment: return "payment"
        case .refund: return "refund"
        case .reversal(let number): return "reversal of entry \(number)"
        }
    }

    /// The word stored in the database.
    public var code: String {
        switch self {
        case .receipt: return "receipt"
        case .payment: return "payment"
        case .refund: return "refund"
        case .reversal: return "reversal"
        }
    }
}

/// One line of the ledger. `amount` is always positive; the kind says which way it moves money.
public struct LedgerEntry: Hashable, Sendable, Identifiable {
    /// 1, 2, 3… within one budget, in the order recorded.
    public var number: Int
    public var date: CalendarDate
    public var kind: EntryKind
    public var amount: Money
    public var payee: Payee?
    public var planLine: Int?
    public var receiptReference: String
    public var note: String

    public var id: Int { number }

    public init(number: Int, date: CalendarDate, kind: EntryKind, amount: Money, payee: Payee? = nil, planLine: Int? = nil,
                receiptReference: String = "", note: String = "") {
        self.number = number
        self.date = date
        self.kind = kind
        self.amount = amount
        self.payee = payee
        self.planLine = planLine
        self.receiptReference = receiptReference
        self.note = note
    }
}

/// An entry about to be recorded: everything but its number, which the store gives.
public struct EntryDraft: Hashable, Sendable {
    public var date: CalendarDate
    public var kind: EntryKind
    public var amount: Money
    public var payee: Payee?
    public var planLine: Int?
    public var receiptReference: String
    public var note: String

    public init(date: CalendarDate, kind: EntryKind, amount: Money, payee: Payee? = nil, planLine: Int? = nil,
                receiptReference: String = "", note: String = "") {
        self.date = date
        self.kind = kind
        self.amount = amount
        self.payee = payee
        self.planLine = planLine
        self.receiptReference = receiptReference
        self.note = note
    }

    public func entry(number: Int) -> LedgerEntry {
        LedgerEntry(number: number, date: date, kind: kind, amount: amount, payee: payee, planLine: planLine,
                    receiptReference: receiptReference, note: note)
    }
}
