import ChoiceKit
import SchoolChoice

/// One child's page: where they are in school, the dates of their round with today marked, and
/// the steps of choosing: the schools they could go to, comparing, priorities, preferences.
public struct ChildFeature: KeyedFeature {
    var link: ChildLink
    var cursor = ListCursor()

    enum Item: CaseIterable {
        case schools, compare, priorities, preferences, timeline, details

        /// What the step's number key opens, as help says it.
        var help: String {
            switch self {
            case .schools: return "the schools they could go to"
            case .compare: return "the marked schools side by side"
            case .priorities: return "your priorities for the score"
            case .preferences: return "the preference list"
            case .timeline: return "the dates and what each means"
            case .details: return "change the child's details"
            }
        }
    }

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open
        case openNumber(Int)
    }

    public init(child: SavedChild, context: AppContext) { link = ChildLink(child) }

    public var id: String { "schools:child" }
    public func title(in context: AppContext) -> String { link.child.name }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "step") + [
            KeyBinding([.enter, .right, .character("l")], "Enter", .open, "open it", hint: "open"),
        ] + Item.allCases.enumerated().map { index, item in
            KeyBinding([.character(Character(String(index + 1)))], "\(index + 1)", .openNumber(index), item.help)
        })
    }

    public var plainDefault: Action? { .open }

    func label(_ item: Item, _ facts: ChildFacts) -> String {
        let child = facts.child
        switch item {
        case .schools: return "Schools \(child.name) could go to"
        case .compare: return "Compare marked schools (\(child.marked.count) of \(SchoolComparison.maximumSchools))"
        case .priorities: return "Your priorities for the score"
        case .preferences: return "Preference list (\(child.preferences.count) of \(facts.allowed) named)"
        case .timeline: return "Dates for this round, today marked"
        case .details: return "Change \(child.name)'s details"
        }
    }

    struct Frame {
        let header: Rect
        let menu: Rect
        let timeline: Rect
    }

    func frame(_ area: Rect) -> Frame {
        let menuTop = area.y + 3
        let menuWidth = min(46, area.width - 4)
        let menu = Rect(x: area.x + 2, y: menuTop, width: menuWidth, height: Item.allCases.count)
        let beside = area.width - menuWidth - 6 >= 30
        let timeline = beside
            ? Rect(x: menu.maxX + 3, y: menuTop, width: area.maxX - menu.maxX - 4, height: area.maxY - menuTop)
            : Rect(x: area.x + 2, y: menu.maxY + 1, width: area.width - 4, height: area.maxY - menu.maxY - 1)
        return Frame(header: Rect(x: area.x, y: area.y, width: area.width, height: 2), menu: menu, timeline: timeline)
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let items = Item.allCases
        switch action {
        case .move(let move):
            cursor.move(move, count: items.count, visible: items.count)
        case .openNumber(let index):
            cursor.selected = index
            return perform(.open, in: &context)
        case .open:
            guard !link.isGone else {
                context.warn("\(link.child.name) is no longer saved: go back to choose another child.")
                return .handled
            }
            open(items[cursor.selected], in: &context)
        }
        return .handled
    }

    mutating func open(_ item: Item, in context: inout AppContext) {
        let facts = ChildFacts(link.child, context)
        switch item {
        case .schools:
            guard facts.round != nil else {
                context.inform("\(link.child.name) has no school entry point ahead: there is no round to apply in.")
                return
            }
            context.push(EligibleSchoolsFeature(child: link.child, context: context))
        case .compare:
            guard !link.child.marked.isEmpty else {
                context.inform("No school marked yet: open \"\(label(.schools, facts))\" and press Space on up to six schools.")
                return
            }
            context.push(SchoolComparisonFeature(child: link.child, context: context))
        case .priorities:
            context.push(PrioritiesFeature(child: link.child, context: context))
        case .preferences:
            guard facts.round != nil else {
                context.inform("\(link.child.name) has no school entry point ahead: there is no list to make.")
                return
            }
            context.push(PreferencesFeature(child: link.child, context: context))
        case .timeline:
            context.push(TimelineFeature(child: link.child, context: context))
        case .details:
            context.push(ChildFormFeature(editing: link.child, existingNames: [], context: context))
        }
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) { link.receive(outcome) }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        let items = Item.allCases
        switch cursor.handle(mouse, body: frame(area).menu, count: items.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated(let index):
            open(items[index], in: &context)
            return .handled
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard Item.allCases.indices.contains(number - 1) else { return false }
        cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    /// "Today", "Closing date…": each step as one short line, today marked.
    static func timelineLine(_ event: TimelineEvent) -> (String, Role) {
        // Dates right-aligned to one width, so "1 Sep 2027" lines up under "15 Jan 2027".
        let date = DisplayWidth.pad(event.date.short, to: 11, alignRight: true)
        if event.kind == .today { return ("▶ \(date)  Today", .accent) }
        let role: Role = event.isPast ? .dim : event.kind == .deadline ? .heading : .normal
        return ("  \(date)  \(event.title)\(event.isPast ? " (past)" : "")", role)
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let facts = ChildFacts(link.child, context)
        let frame = self.frame(area)
        screen.put(facts.headline, x: area.x, y: area.y, width: area.width, role: .title)
        var next = facts.roundTitle
        if let step = facts.nextStep { next += ": " + step }
        // Two lines where the next step does not fit one (a late application at 80 columns), cut
        // at a word; the row below is the gone notice's when there is one.
        let room = link.isGone ? 1 : 2
        let wrapped = DisplayWidth.wrap(next, width: max(10, area.width - 4))
        for (index, line) in wrapped.prefix(room).enumerated() {
            let text = index == room - 1 ? wrapped[index...].joined(separator: " ") : line
            screen.put(text, x: area.x + 2, y: area.y + 1 + index, width: area.width - 4, role: facts.round == nil ? .dim : .accent)
        }
        if link.isGone {
            screen.put("\(link.child.name) is no longer saved (removed elsewhere).", x: area.x + 2, y: area.y + 2, width: area.width - 4, role: .error)
        }
        for (index, item) in Item.allCases.enumerated() where index < frame.menu.height {
            let selected = index == cursor.selected
            screen.putPadded((selected ? "▸ " : "  ") + "\(index + 1)  " + label(item, facts), x: frame.menu.x - 2, y: frame.menu.y + index,
                             width: frame.menu.width + 2, role: selected ? .selected : .normal)
        }
        let timeline = frame.timeline
        guard timeline.height > 1 else { return }
        screen.put("Timeline", x: timeline.x, y: timeline.y, role: .heading)
        for (row, event) in facts.summary.timeline.enumerated() where row + 1 < timeline.height {
            let (text, role) = Self.timelineLine(event)
            screen.put(text, x: timeline.x, y: timeline.y + 1 + row, width: timeline.width, role: role)
        }
        let used = facts.summary.timeline.count + 2
        if used < timeline.height {
            var writer = ParagraphWriter(area: Rect(x: timeline.x, y: timeline.y + used, width: timeline.width, height: timeline.height - used))
            writer.write("Press 5 for what each date means.", role: .dim, into: &screen)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let facts = ChildFacts(link.child, context)
        var lines: [PlainLine] = [.note(facts.headline + "."), .note(facts.roundTitle + (facts.nextStep.map { ": " + $0 } ?? "") + ".")]
        lines += Item.allCases.enumerated().map { .item($0.offset + 1, label($0.element, facts)) }
        lines.append(.heading("Timeline"))
        for event in facts.summary.timeline {
            lines.append(.note(event.kind == .today ? "\(event.date.long): today." : "\(event.date.long): \(event.title)\(event.isPast ? " (past)" : "")."))
        }
        return PlainView(title: link.child.name, lines: lines, prompt: "Type a number from 1 to \(Item.allCases.count), or b to go back:")
    }
}

/// The child's round, date by date with today marked, and what each date means.
public struct TimelineFeature: KeyedFeature {
    var link: ChildLink
    var text = ScrollingText()

    public enum Action: Hashable, Sendable { case scroll(ListMove) }

    public init(child: SavedChild, context: AppContext) { link = ChildLink(child) }

    public var id: String { "schools:timeline" }
    public func title(in context: AppContext) -> String { "Dates" }

    public func keymap(in context: AppContext) -> Keymap<Action> { Keymap(ListCursor.bindings(Action.scroll, noun: "line")) }

    func paragraphs(_ context: AppContext) -> [(text: String, role: Role, gapBefore: Bool)] {
        let facts = ChildFacts(link.child, context)
        let summary = facts.summary
        var out: [(String, Role, Bool)] = [
            ("\(facts.headline). \(summary.compulsorySchoolAgeSentence)", .normal, false),
            (facts.roundTitle + ".", .title, true),
        ]
        for event in summary.timeline {
            let line = ChildFeature.timelineLine(event)
            out.append((line.0, line.1, true))
            if let detail = event.detail { out.append(("    " + detail, event.isPast ? .dim : .normal, false)) }
        }
        out += summary.notes.map { ($0, Role.dim, true) }
        return out.map { (text: $0.0, role: $0.1, gapBefore: $0.2) }
    }

    func lines(_ area: Rect, _ context: AppContext) -> [ScrollingText.Line] {
        ScrollingText.wrap(paragraphs(context), width: area.width - 4)
    }

    func textArea(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height) }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        guard case .scroll(let move) = action else { return .handled }
        let area = textArea(context.contentArea)
        text.scroll(move, lines: lines(context.contentArea, context).count, area: area)
        return .handled
    }

    public mutating func fit(area: Rect, in context: AppContext) { text.fit(lines: lines(area, context).count, area: textArea(area)) }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) { link.receive(outcome) }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        text.render(lines(area, context), into: &screen, area: textArea(area))
    }

    public func plain(in context: AppContext) -> PlainView {
        PlainView(title: "Dates for \(link.child.name)", lines: paragraphs(context).map { .note($0.text.trimmingCharacters(in: Character(" "))) },
                  prompt: "Type b to go back:")
    }
}
