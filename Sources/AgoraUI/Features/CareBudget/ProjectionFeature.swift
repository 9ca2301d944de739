import CareBudget
import ChoiceKit

/// Where the money is heading by the end of the budget year: the projection in words (when it
/// runs out, or what is left and what the council may reclaim), and the balance through the year
/// as a chart of block characters (ASCII in the mono theme): recorded weeks, then projected ones.
public struct ProjectionFeature: KeyedFeature {
    var link: BudgetLink

    public enum Action: Hashable, Sendable { case plannedActual }

    public init(budget: SavedBudget) { link = BudgetLink(budget) }

    public var budget: SavedBudget { link.budget }
    public var id: String { "budget:projection:\(link.name.lowercased())" }
    public func title(in context: AppContext) -> String { "Projection" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap([KeyBinding([.character("y")], "y", .plannedActual, "planned and actual, per line and four-week period", hint: "planned vs actual", plain: "y")])
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .plannedActual: context.push(ReadingPage(.plannedActual, budget: link.budget))
        }
        return .handled
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) { link.receive(outcome) }

    static func figures(_ projection: Projection) -> String {
        if case .noAccount = projection.outcome { return "" }
        return "Balance on \(projection.asOf.long): \(projection.balanceNow.formatted) · \(projection.toComeWords) · projected on \(projection.periodEnd.long): \(projection.endBalance.formatted)"
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let facts = BudgetFacts(link.budget, context)
        let projection = facts.projection
        screen.put("Projection", x: area.x, y: area.y, role: .title)
        screen.put("  \(link.name)'s budget year, \(facts.setup.start.long) to \(facts.setup.end.long)", x: area.x + 10, y: area.y,
                   width: area.width - 10, role: .dim)
        let textWidth = area.width - 4
        var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 2, width: textWidth, height: max(1, area.height - 2)))
        writer.write(projection.words, role: BudgetFeature.role(of: projection.outcome) == .normal ? .accent : BudgetFeature.role(of: projection.outcome),
                     into: &screen)
        if case .noAccount = projection.outcome { return }
        // The chart needs its legend, two rows of bars, the axis and the dates; the figures (also
        // in the words, and in plain mode) give way to it in a short window.
        let figures = Self.figures(projection)
        let chartRoom = area.maxY - writer.y - 3
        if chartRoom - DisplayWidth.wrap(figures, width: textWidth).count - 1 >= 2 || chartRoom < 2 {
            writer.write(figures, role: .normal, into: &screen)
        }
        drawChart(projection, top: writer.y, area: area, style: BarStyle(theme: context.theme), into: &screen)
    }

    /// The legend, the bars (recorded weeks bright, projected dim), the axis, and under it the first
    /// and last dates with today marked where it does not cover them.
    func drawChart(_ projection: Projection, top chartTop: Int, area: Rect, style: BarStyle, into screen: inout Screen) {
        let height = min(12, area.maxY - chartTop - 3)
        guard height >= 2 else {
            if chartTop < area.maxY {
                screen.put("A taller window shows the balance as a chart.", x: area.x + 2, y: chartTop, width: area.width - 4, role: .dim)
            }
            return
        }
        let width = max(8, area.width - 6)
        let lines = BalanceChart.lines(projection.series, width: width, height: height, ascii: style.isASCII)
        let top = projection.series.map(\.balance).max() ?? .zero
        let legend = style.isASCII ? "# recorded, : projected; = recorded weeks, - projected" : "━ recorded weeks, ┄ projected"
        screen.put("Balance through the year (top \(top.formattedShort); \(legend))", x: area.x + 2, y: chartTop, width: area.width - 4, role: .heading)
        let step = max(1, (projection.series.count + width - 1) / width)
        let projected = stride(from: 0, to: projection.series.count, by: step).map { projection.series[$0].isProjected }
        for (row, line) in lines.enumerated() {
            let y = chartTop + 1 + row
            let isAxis = row == lines.count - 1
            screen.put(isAxis ? "└" : "│", x: area.x + 2, y: y, role: .border)
            for (column, character) in line.enumerated() where character != " " {
                let role: Role = projected.indices.contains(column) && projected[column] ? .dim : .accent
                screen.put(String(character), x: area.x + 3 + column, y: y, role: isAxis ? .border : role)
            }
        }
        let datesY = chartTop + 1 + lines.count
        let first = projection.series.first?.date.short ?? ""
        let last = projection.periodEnd.short
        let chartWidth = lines.first.map { DisplayWidth.of($0) } ?? 0
        let lastX = max(DisplayWidth.of(first) + 2, chartWidth - DisplayWidth.of(last))
        screen.put(first, x: area.x + 3, y: datesY, role: .dim)
        screen.put(last, x: area.x + 3 + lastX, y: datesY, role: .dim)
        // "▲ today" under the first projected column, only where it leaves both dates readable.
        if projection.asOf < projection.periodEnd, let today = projected.firstIndex(of: true) {
            let marker = "▲ today"
            let x = max(0, today - 1)
            if x > DisplayWidth.of(first), x + DisplayWidth.of(marker) < lastX {
                screen.put(marker, x: area.x + 3 + x, y: datesY, role: .dim)
            } else if x > DisplayWidth.of(first), x + 1 < lastX {
                screen.put("▲", x: area.x + 3 + x, y: datesY, role: .dim)
            }
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let projection = BudgetFacts(link.budget, context).projection
        var lines: [PlainLine] = [.note(projection.words)]
        if case .noAccount = projection.outcome {
            return PlainView(title: "Projection for \(link.name)", lines: lines, prompt: "Type b to go back:")
        }
        lines.append(.note("Balance on \(projection.asOf.long): \(projection.balanceNow.formatted). \(MessageText.sentence(projection.toComeWords)) Projected balance on \(projection.periodEnd.long): \(projection.endBalance.formatted)."))
        lines.append(.heading("The balance every four weeks"))
        let series = projection.series
        for (index, point) in series.enumerated() where index % 4 == 0 || index == series.count - 1 {
            lines.append(.note("\(point.date.long): \(point.balance.formatted), \(point.isProjected ? "projected" : "recorded")."))
        }
        return PlainView(title: "Projection for \(link.name)", lines: lines,
                         prompt: "Type y for planned and actual, or b to go back:")
    }
}
