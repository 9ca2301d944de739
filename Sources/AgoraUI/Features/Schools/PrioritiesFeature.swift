import ChoiceKit
import SchoolChoice

/// What the parent cares about, each from 0 (not at all) to 5 (most), as sliders; the marked
/// schools' scores follow every change, with how a score is made in one line. Each change is saved.
public struct PrioritiesFeature: KeyedFeature {
    var link: ChildLink
    var cursor = ListCursor()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case change(Int)
        case set(Int)
    }

    public init(child: SavedChild, context: AppContext) { link = ChildLink(child) }

    public var id: String { "schools:priorities" }
    public func title(in context: AppContext) -> String { "Priorities" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "priority") + [
            KeyBinding([.right, .character("l"), .character("+")], "→ +", .change(1), "weigh it more", hint: "more"),
            KeyBinding([.left, .character("h"), .character("-")], "← -", .change(-1), "weigh it less", hint: "less"),
        ] + ParentPriorities.range.map { weight in
            KeyBinding([.character(Character(String(weight)))], "\(weight)", .set(weight), "set it to \(weight)")
        })
    }

    var priority: Priority { Priority.allCases[min(cursor.selected, Priority.allCases.count - 1)] }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .move(let move):
            cursor.move(move, count: Priority.allCases.count, visible: Priority.allCases.count)
        case .change(let step):
            set(priority, to: link.child.weights.weight(priority) + step, in: &context)
        case .set(let weight):
            set(priority, to: weight, in: &context)
        }
        return .handled
    }

    mutating func set(_ priority: Priority, to weight: Int, in context: inout AppContext) {
        var child = link.child
        var weights = child.weights
        let before = weights.weight(priority)
        weights.set(priority, to: weight)
        guard weights.weight(priority) != before else {
            context.inform("\(priority.label) is already \(before) (weights go from 0 to 5).")
            return
        }
        child.priorities = weights
        link.save(child, .setPriorities(child: child.name, weights), what: "your priorities", in: &context)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) { link.receive(outcome) }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard Priority.allCases.indices.contains(number - 1) else { return false }
        cursor.selected = number - 1
        return true
    }

    /// Each marked school's score out of 100 with these weights.
    func scores(_ context: AppContext) -> [(name: String, score: WeightedScore)] {
        let comparison = ChildFacts(link.child, context).comparison(context)
        return comparison.scores.compactMap { score in context.catalog.provider(id: score.schoolID).map { ($0.name, score) } }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let style = BarStyle(theme: context.theme)
        screen.put("Your priorities for \(link.child.name)'s schools", x: area.x, y: area.y, role: .title)
        screen.put("↑↓ choose · ←→ or 0–5 set · saved as you go", x: area.x + 2, y: area.y + 1, width: area.width - 4, role: .dim)
        let weights = link.child.weights
        let pending = link.isPending(in: context)
        for (index, priority) in Priority.allCases.enumerated() where area.y + 2 + index < area.maxY {
            let y = area.y + 2 + index
            let selected = index == cursor.selected
            screen.putPadded((selected ? "▸ " : "  ") + priority.label, x: area.x, y: y, width: 22, role: selected ? .selected : .normal)
            let weight = weights.weight(priority)
            let bar = Bar.text(Int64(weight), of: 5, width: 10, style: style)
            screen.putPadded(bar, x: area.x + 23, y: y, width: 10, role: .accent)
            let unused = ScoreCalculator.applies(priority, to: link.child.profile) ? "" : " (not used: no faith given)"
            screen.put("\(weight) of 5\(pending && selected ? " …" : "")\(unused)", x: area.x + 35, y: y,
                       width: area.maxX - area.x - 35, role: weight == 0 || !unused.isEmpty ? .dim : .normal)
        }
        var y = area.y + 3 + Priority.allCases.count
        let scores = self.scores(context)
        if scores.isEmpty {
            screen.put("Mark schools in the list of schools to see their scores here.", x: area.x + 2, y: y, width: area.width - 4, role: .dim)
            y += 2
        } else if y + 1 < area.maxY {
            screen.put("Scores of the marked schools", x: area.x, y: y, role: .heading)
            let chart = BarChart(rows: scores.map { item in
                BarChart.Row(label: item.name, value: Int64(item.score.score ?? 0),
                             valueText: item.score.score.map { "\($0) / 100" } ?? "not scored", role: .accent)
            }, maximum: 100)
            // Room is kept below for how a score is made.
            let explanation = DisplayWidth.wrap(ScoreCalculator.explanation, width: max(1, area.width - 4)).count
            let height = max(1, min(scores.count, area.maxY - y - 2 - explanation))
            chart.render(into: &screen, area: Rect(x: area.x + 2, y: y + 1, width: min(area.width - 4, 90), height: height), style: style)
            y += height + 2
        }
        var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: y, width: area.width - 4, height: max(0, area.maxY - y)))
        writer.write(ScoreCalculator.explanation, role: .dim, into: &screen)
        writer.write("\(priority.label): \(priority.measureExplanation).", role: .normal, into: &screen)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let weights = link.child.weights
        var lines: [PlainLine] = Priority.allCases.enumerated().map { index, priority in
            let unused = ScoreCalculator.applies(priority, to: link.child.profile) ? ""
                : " Not used: no faith is given in \(link.child.name)'s details."
            return .item(index + 1, "\(priority.label): \(weights.weight(priority)) of 5 (\(priority.measureExplanation)).\(unused)")
        }
        lines.append(.note(ScoreCalculator.explanation))
        let scores = self.scores(context)
        if !scores.isEmpty { lines.append(.heading("Scores of the marked schools")) }
        for item in scores {
            lines.append(.note("\(item.name): " + (item.score.score.map { "\($0) out of 100." } ?? "not scored.")))
        }
        return PlainView(title: "Your priorities for \(link.child.name)'s schools", lines: lines,
                         prompt: "Type a number and a weight from 0 to 5 (for example 1 5 makes distance matter most), or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        guard command.word.isEmpty, let number = command.number else { return keyedPlain(command, in: &context) }
        guard selectForPlain(number, in: context) else {
            context.warn("There is no number \(number) here: priorities go from 1 to \(Priority.allCases.count).")
            return .handled
        }
        guard let weight = Int(command.argument), ParentPriorities.range.contains(weight) else {
            context.warn("Give a weight from 0 to 5 after the number, for example \(number) 4.")
            return .handled
        }
        set(priority, to: weight, in: &context)
        return .handled
    }
}
