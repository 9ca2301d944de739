import AgoraStore
import ArgumentParser
import CareBudget
import ChoiceKit

/// Records one ledger entry and says so only once the store has confirmed it.
enum LedgerRecording {
    static func record(_ draft: EntryDraft, budget name: String, global: GlobalOptions) throws {
        let store = try BudgetInput.store(global)
        let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name) }
        if let problem = Ledger.datingProblem(draft.date, setup: stored.setup, today: BudgetInput.today) {
            throw Failure.usage("--date: " + problem.description)
        }
        let entry = try BudgetInput.stored { () throws(BudgetStoreError) in try store.record(draft, budget: name) }
        let balance = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name).ledger.balance }
        var words = "Saved entry \(entry.number): \(entry.kind.label) of \(entry.amount.formatted)"
        if let payee = entry.payee {
            words += entry.kind == .payment ? " to" : entry.kind == .refund ? " from" : ","
            words += " \(BudgetText.safe(payee.display))"
        }
        words += " on \(entry.date.long)"
        if let line = entry.planLine { words += " (line \(line))" }
        print(words + ". Balance \(balance.formatted).")
        // Saved as given (a script cannot be asked); a likely slip is pointed out with its remedy.
        if entry.kind == .payment,
           let question = UnusualPayment.question(amount: entry.amount, line: entry.planLine.flatMap { number in stored.plan.first { $0.number == number } },
                                                  setup: stored.setup, on: entry.date) {
            print("Check: \(question) If not, reverse it with agora budget reverse \(BudgetText.safe(name)) \(entry.number) and record the right amount.")
        }
    }

    static func planLine(_ line: Int?) throws -> Int? {
        if let line, line < 1 { throw Failure.usage("--line: \(line) is not a line number — see the plan's lines with agora budget show") }
        return line
    }
}

struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "Record money paid out of the budget.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(help: ArgumentHelp("A provider id from the catalog, or a person's name.", valueName: "id|name")) var to: String
    @Option(parsing: .unconditional, help: ArgumentHelp("How much.", valueName: "amount")) var amount: String
    @Option(help: ArgumentHelp("When it was paid.", valueName: "date")) var date: String
    @Option(help: ArgumentHelp("The plan line it pays for.", valueName: "n")) var line: Int?
    @Option(help: ArgumentHelp("The invoice or receipt reference.", valueName: "ref")) var receipt: String = ""
    @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String = ""

    mutating func run() throws {
        try reportingFailures {
            let amount = try BudgetInput.amount(amount, option: "--amount")
            let date = try BudgetInput.date(date, option: "--date")
            let receipt = try BudgetInput.plainText(receipt, option: "--receipt", longest: 60)
            let note = try BudgetInput.plainText(note, option: "--note")
            let line = try LedgerRecording.planLine(line)
            let payee = try PayeeInput.payee(to, catalog: try global.loadCatalog().catalog)
            try LedgerRecording.record(EntryDraft(date: date, kind: .payment, amount: amount, payee: payee, planLine: line,
                                                  receiptReference: receipt, note: note), budget: name, global: global)
        }
    }
}

struct RefundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "refund", abstract: "Record money a provider or person paid back.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(help: ArgumentHelp("A provider id from the catalog, or a person's name.", valueName: "id|name")) var from: String
    @Option(parsing: .unconditional, help: ArgumentHelp("How much.", valueName: "amount")) var amount: String
    @Option(help: ArgumentHelp("When it came back.", valueName: "date")) var date: String
    @Option(help: ArgumentHelp("The plan line it belongs to.", valueName: "n")) var line: Int?
    @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String = ""

    mutating func run() throws {
        try reportingFailures {
            let amount = try BudgetInput.amount(amount, option: "--amount")
            let date = try BudgetInput.date(date, option: "--date")
            let note = try BudgetInput.plainText(note, option: "--note")
            let line = try LedgerRecording.planLine(line)
            let payee = try PayeeInput.payee(from, catalog: try global.loadCatalog().catalog)
            try LedgerRecording.record(EntryDraft(date: date, kind: .refund, amount: amount, payee: payee, planLine: line, note: note),
                                       budget: name, global: global)
        }
    }
}

struct ReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receive", abstract: "Record money coming into the budget.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(parsing: .unconditional, help: ArgumentHelp("How much.", valueName: "amount")) var amount: String
    @Option(help: ArgumentHelp("When it arrived.", valueName: "date")) var date: String
    @Option(help: ArgumentHelp("council, own (your contribution) or top-up.", valueName: "source")) var from: String
    @Option(help: ArgumentHelp("A note.", valueName: "text")) var note: String = ""

    mutating func run() throws {
        try reportingFailures {
            let amount = try BudgetInput.amount(amount, option: "--amount")
            let date = try BudgetInput.date(date, option: "--date")
            guard let source = ReceiptSource(rawValue: from.lowercased()) else {
                throw Failure.usage("--from: \"\(TextSafety.inert(from))\" is not where money comes from — use council, own or top-up")
            }
            let note = try BudgetInput.plainText(note, option: "--note")
            try LedgerRecording.record(EntryDraft(date: date, kind: .receipt(source), amount: amount, note: note), budget: name, global: global)
        }
    }
}

struct ReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse", abstract: "Correct a mistake: a new entry that undoes an earlier one (history is never edited).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Argument(help: "The number of the entry to reverse.") var entry: Int
    @Option(help: ArgumentHelp("The date of the reversal (default: the reversed entry's own date).", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("Why.", valueName: "text")) var note: String = ""

    mutating func run() throws {
        try reportingFailures {
            let date = try date.map { try BudgetInput.date($0, option: "--date") }
            let note = try BudgetInput.plainText(note, option: "--note")
            let store = try BudgetInput.store(global)
            let ledger = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name).ledger }
            guard let draft = ledger.reversalDraft(of: entry, on: date, note: note) else {
                throw Failure.usage(LedgerProblem.noSuchEntry(entry).description)
            }
            try LedgerRecording.record(draft, budget: name, global: global)
        }
    }
}
