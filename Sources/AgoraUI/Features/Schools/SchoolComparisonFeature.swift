import ChoiceKit
import SchoolChoice

/// The marked schools side by side for one child (the comparison page with the child's distances,
/// chances and weighted score), with the priorities a key away; the score follows them.
public struct SchoolComparisonFeature: KeyedFeature {
    var link: ChildLink
    public var comparison: ComparisonFeature

    public enum Action: Hashable, Sendable {
        case priorities
        case compare(ComparisonFeature.Action)
    }

    public init(child: SavedChild, context: AppContext) {
        link = ChildLink(child)
        let facts = ChildFacts(child, context)
        comparison = ComparisonFeature(grid: facts.comparison(context).grid)
    }

    public var id: String { "schools:compare" }
    public func title(in context: AppContext) -> String { "Compare" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(comparison.keymap(in: context).bindings.map { $0.map(Action.compare) } + [
            KeyBinding([.character("p")], "p", .priorities, "your priorities: what the score weighs", hint: "priorities", plain: "p"),
        ])
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .priorities:
            context.push(PrioritiesFeature(child: link.child, context: context))
            return .handled
        case .compare(let action):
            return comparison.perform(action, in: &context)
        }
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        comparison.receive(outcome, in: &context)
        guard link.receive(outcome) else { return }
        // The grid follows the marks and the priorities; where you were in it, and a save to try again, stay.
        var fresh = ComparisonFeature(grid: ChildFacts(link.child, context).comparison(context).grid)
        fresh.table = comparison.table
        fresh.exportRetry = comparison.exportRetry
        fresh.fit(area: context.contentArea, in: context)
        comparison = fresh
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        comparison.modalFinished(tag, outcome, in: &context)
    }

    public mutating func fit(area: Rect, in context: AppContext) { comparison.fit(area: area, in: context) }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        comparison.handle(mouse, area: area, in: &context)
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        comparison.render(into: &screen, area: area, in: context)
    }

    public func plain(in context: AppContext) -> PlainView {
        var view = comparison.plain(in: context)
        view.prompt = "Type p to change your priorities, e and a file name to save the comparison (.md, .csv or .txt), or b to go back:"
        return view
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word == "p" { return perform(.priorities, in: &context) }
        return comparison.plain(command, in: &context)
    }
}
