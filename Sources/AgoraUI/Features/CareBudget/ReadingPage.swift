import CareBudget
import ChoiceKit

/// A page to read, scrolled like the about page: a budget's warnings, its details and the
/// council's policies, planned against actual spending, or a charging estimate. The same
/// paragraphs are said in plain mode.
public struct ReadingPage: KeyedFeature {
    public enum Report: String, Hashable, Sendable {
        case warnings, details, plannedActual
    }

    enum Content: Hashable, Sendable {
        case budget(BudgetLink, Report)
        case charging(ChargingEstimate)
    }

    var content: Content
    var text = ScrollingText()

    public enum Action: Hashable, Sendable { case move(ListMove) }

    public init(_ report: Report, budget: SavedBudget) { content = .budget(BudgetLink(budget), report) }

    init(estimate: ChargingEstimate) { content = .charging(estimate) }

    public var id: String {
        switch content {
        case .budget(let link, let report): return "budget:\(report.rawValue):\(link.name.lowercased())"
        case .charging: return "budget:charging-estimate"
        }
    }

    public func title(in context: AppContext) -> String {
        switch content {
        case .budget(_, .warnings): return "Warnings"
        case .budget(_, .details): return "Budget details"
        case .budget(_, .plannedActual): return "Planned and actual"
        case .charging: return "Estimate"
        }
    }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "line") + [
            KeyBinding([.character(" ")], "Space", .move(.pageDown), "down a page", hint: "more"),
        ])
    }

    static func textArea(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height) }

    /// The page as paragraphs: (text, role, blank line before).
    func paragraphs(_ context: AppContext, width: Int) -> [(text: String, role: Role, gapBefore: Bool)] {
        switch content {
        case .budget(let link, let report):
            let facts = BudgetFacts(link.budget, context)
            switch report {
            case .warnings: return BudgetReports.warnings(facts)
            case .details: return BudgetReports.details(facts)
            case .plannedActual: return BudgetReports.plannedActual(facts, width: width)
            }
        case .charging(let estimate):
            return ChargingReport.paragraphs(estimate)
        }
    }

    func lines(_ context: AppContext, area: Rect) -> [ScrollingText.Line] {
        let width = Self.textArea(area).width
        return ScrollingText.wrap(paragraphs(context, width: width), width: width)
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = context.contentArea
        switch action {
        case .move(let move): text.scroll(move, lines: lines(context, area: area).count, area: Self.textArea(area))
        }
        return .handled
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        guard case .budget(var link, let report) = content, link.receive(outcome) else { return }
        content = .budget(link, report)
        fit(area: context.contentArea, in: context)
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        text.fit(lines: lines(context, area: area).count, area: Self.textArea(area))
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch mouse.kind {
        case .wheelUp: return perform(.move(.up), in: &context)
        case .wheelDown: return perform(.move(.down), in: &context)
        case .press: return .ignored
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        text.render(lines(context, area: area), into: &screen, area: Self.textArea(area))
    }

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = []
        let paragraphs: [(text: String, role: Role, gapBefore: Bool)]
        if case .budget(let link, .plannedActual) = content {
            paragraphs = BudgetReports.plannedActualSpoken(BudgetFacts(link.budget, context))
        } else {
            paragraphs = self.paragraphs(context, width: 1_000)
        }
        for (index, paragraph) in paragraphs.enumerated() where index > 0 || paragraph.role != .title {
            lines.append(paragraph.role == .heading ? .heading(paragraph.text) : .note(paragraph.text))
        }
        let title = paragraphs.first { $0.role == .title }?.text ?? self.title(in: context)
        return PlainView(title: title, lines: lines, prompt: "Type b to go back:")
    }
}
