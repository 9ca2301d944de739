import CareBudget
import ChoiceKit

/// Saving a budget to a file: which document (the statement or the plan), then a file name whose
/// ending chooses CSV or Markdown; the writing runs as a background job. Shared by the budget's
/// pages, which pass their modal answers on.
struct BudgetExportFlow: Hashable, Sendable {
    enum Document: Int, Hashable, Sendable, CaseIterable {
        case statement, plan

        var option: String {
            switch self {
            case .statement: return "The statement: every entry with the running balance"
            case .plan: return "The support plan: its lines, totals and warnings"
            }
        }

        var noun: String { self == .statement ? "statement" : "plan" }
    }

    static let menuTag = "budget.export.document"
    static let fileTag = "budget.export.file"

    /// The document chosen, while the file name is asked for.
    private(set) var chosen: Document?

    mutating func begin(_ facts: BudgetFacts, in context: inout AppContext) {
        chosen = nil
        context.present(ModalFeature(tag: Self.menuTag, modal: .menu(
            "Save to a file", "Which document? Both can be opened in a spreadsheet (CSV) or read as a document (Markdown).",
            options: Document.allCases.map(\.option))))
    }

    /// Answers to the two questions; true when the answer was ours.
    @discardableResult
    mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, facts: BudgetFacts, in context: inout AppContext) -> Bool {
        switch (tag, outcome) {
        case (Self.menuTag, .chosen(let index)):
            guard let document = Document(rawValue: index) else { return true }
            chosen = document
            context.present(ModalFeature(tag: Self.fileTag, modal: .prompt(
                "Save the \(document.noun)",
                "File name: ending .csv for a spreadsheet, .md for a document. It is saved in the folder Agora was started from unless you give a full path.",
                text: "\(facts.fileStem)-\(document.noun).csv", limit: 500)))
            return true
        case (Self.fileTag, .submitted(let name)):
            guard let document = chosen else { return true }
            chosen = nil
            save(document, to: name, facts: facts, in: &context)
            return true
        case (Self.menuTag, _), (Self.fileTag, _):
            chosen = nil
            return true
        default:
            return false
        }
    }

    /// Plain mode's "e 1 mum.csv": the document by number and the file name at once.
    mutating func direct(_ command: PlainCommand, facts: BudgetFacts, in context: inout AppContext) {
        guard let number = command.number, let document = Document(rawValue: number - 1) else {
            context.warn("Type e 1 and a file name for the statement, or e 2 and a file name for the plan; e alone asks.")
            return
        }
        let name = command.argument.isEmpty ? "\(facts.fileStem)-\(document.noun).csv" : command.argument
        save(document, to: name, facts: facts, in: &context)
    }

    func save(_ document: Document, to name: String, facts: BudgetFacts, in context: inout AppContext) {
        let path = name.trimmingCharacters(in: " ")
        guard !path.isEmpty else {
            context.warn("No file name given: nothing was saved.")
            return
        }
        let markdown = ShortlistExport.Format(path: path) == .markdown
        let text: String
        switch document {
        case .statement:
            text = markdown ? BudgetExport.statementMarkdown(facts.statement) : BudgetExport.statementCSV(facts.statement)
        case .plan:
            text = markdown ? BudgetExport.planMarkdown(facts.summary, setup: facts.setup, warnings: facts.warnings)
                : BudgetExport.planCSV(facts.summary)
        }
        let title = document == .statement ? "Statement" : "Support plan"
        context.start(.export(ExportDocument(title: title, text: text), path: path),
                      title: "Saving \(facts.setup.name)'s \(document.noun) to \(path)")
    }
}
