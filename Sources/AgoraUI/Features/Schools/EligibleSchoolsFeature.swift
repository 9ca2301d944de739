import ChoiceKit
import SchoolChoice

/// The schools a child could apply to at their entry point, nearest first, each with the chance
/// of a place and why; filtered by distance, chance and fee-paying; marked to compare (Space) or
/// put on the preference list (r).
public struct EligibleSchoolsFeature: KeyedFeature {
    var link: ChildLink
    public var table = TableState()
    /// The schools shown, after the filters.
    public private(set) var rows: [EligibleSchool] = []
    var filters = SchoolFilters()
    /// The filter panel's cursor, while it is open.
    var panel: Int?

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, mark, rank, compare, filters
        case columnsLeft, columnsRight
        case panelMove(Int), panelChange(Int), closePanel
    }

    public init(child: SavedChild, context: AppContext) {
        link = ChildLink(child)
        refresh(context)
    }

    public var id: String { "schools:eligible" }
    public func title(in context: AppContext) -> String { "Schools" }
    public var capturesText: Bool { panel != nil }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        if panel != nil {
            return Keymap([
                KeyBinding([.up, .character("k")], "↑ k", .panelMove(-1), "previous filter"),
                KeyBinding([.down, .character("j"), .tab], "↓ j", .panelMove(1), "next filter"),
                KeyBinding([.left, .character("h")], "← h", .panelChange(-1), "previous choice", hint: "change"),
                KeyBinding([.right, .character("l"), .character(" ")], "→ l", .panelChange(1), "next choice", hint: "change"),
                KeyBinding([.escape, .enter, .character("f"), .character("q")], "Esc f", .closePanel, "close the filters", hint: "close"),
            ])
        }
        return Keymap(ListCursor.bindings(Action.move, noun: "school") + [
            KeyBinding([.character(" "), .character("m")], "Space m", .mark, "mark or unmark to compare (up to 6)", hint: "mark", plain: "m"),
            KeyBinding([.character("c")], "c", .compare, "compare the marked schools", hint: "compare", plain: "c"),
            KeyBinding([.character("r")], "r", .rank, "add to or take off the preference list", hint: "rank", plain: "r"),
            KeyBinding([.character("f")], "f", .filters, "filters: distance, chance, fee-paying", hint: "filter"),
            KeyBinding([.enter], "Enter", .open, "the school's details", hint: "details"),
            KeyBinding([.right], "→", .columnsRight, "more columns"),
            KeyBinding([.left], "←", .columnsLeft, "earlier columns, or back"),
        ])
    }

    public var plainDefault: Action? { .open }

    mutating func refresh(_ context: AppContext) {
        let facts = ChildFacts(link.child, context)
        let floor = filters.chanceFloor
        rows = facts.eligible(context, withinMetres: filters.withinMetres, includeIndependent: filters.includeIndependent)
            .filter { school in floor.map { school.chance.level >= $0 } ?? true }
    }

    // MARK: Layout

    /// The school's name gives way (down to 20 columns) so that its distance and chance always
    /// show beside it, even at 60 columns.
    func columns(width: Int) -> [TableColumn] {
        let distance = 9, chance = 15
        let name = min(38, max(20, width - 2 - (distance + 1) - (chance + 1) - 1))
        return [TableColumn(title: "School", width: name), TableColumn(title: "Distance", width: distance, alignRight: true),
                TableColumn(title: "Chance", width: chance), TableColumn(title: "Your list", width: 9), TableColumn(title: "Why", width: 40),
                TableColumn(title: "Notes", width: 30)]
    }

    /// The filters, then as much about distances as fits: the whole note, a short one, or none.
    func filterLine(width: Int) -> String {
        for candidate in [filters.summary + " · " + SchoolFinder.distanceNote, filters.summary + " · straight-line distances"]
        where DisplayWidth.of(candidate) <= width {
            return candidate
        }
        return filters.summary
    }

    /// The table, then the selected school's chance in words (or the filter panel).
    func areas(_ area: Rect) -> (table: Rect, below: Rect) {
        let belowHeight = panel != nil ? 5 : min(4, max(2, area.height / 6))
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(2, area.height - 3 - belowHeight))
        return (table, Rect(x: area.x + 1, y: table.maxY + 1, width: area.width - 2, height: area.maxY - table.maxY - 1))
    }

    func tableView(_ context: AppContext, width: Int) -> Table {
        let rows = self.rows
        let child = link.child
        let pending = link.isPending(in: context)
        return Table(columns: columns(width: width), rowCount: rows.count, cell: { row, column in
            let school = rows[row]
            switch column {
            case 0: return TableCell(school.provider.name)
            case 1: return TableCell(MetresText.format(school.distanceMetres))
            case 2: return TableCell(school.chance.level.label, role: Self.role(school.chance.level))
            case 3:
                guard let rank = child.preferences.firstIndex(of: school.provider.id) else { return TableCell("") }
                return TableCell(Self.ordinal(rank + 1), role: .accent)
            case 4: return TableCell(school.chance.reason)
            default: return TableCell(school.notes.joined(separator: "; "), role: .dim)
            }
        }, marker: { row in
            guard child.marked.contains(rows[row].provider.id) else { return nil }
            return pending ? "…" : "✓"
        })
    }

    static func role(_ level: ChanceLevel) -> Role {
        switch level {
        case .veryLikely, .likely: return .good
        case .possible: return .fair
        case .unlikely, .noPlace: return .bad
        case .notEnoughData: return .dim
        }
    }

    static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }

    var selected: EligibleSchool? { rows.indices.contains(table.cursor.selected) ? rows[table.cursor.selected] : nil }

    // MARK: Actions

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = areas(context.contentArea)
        switch action {
        case .move(let move):
            table.cursor.move(move, count: rows.count, visible: Table.body(of: area.table).height)
        case .open:
            guard let school = selected else { return .handled }
            context.push(DetailFeature(providerID: school.provider.id))
        case .mark:
            guard let school = selected else { return .handled }
            toggleMark(school.provider, in: &context)
        case .rank:
            guard let school = selected else { return .handled }
            toggleRank(school.provider, in: &context)
        case .compare:
            guard !link.child.marked.isEmpty else {
                context.inform("Mark schools to compare first: Space on each (up to \(SchoolComparison.maximumSchools)).")
                return .handled
            }
            context.push(SchoolComparisonFeature(child: link.child, context: context))
        case .filters:
            panel = 0
        case .panelMove(let step):
            panel = ((panel ?? 0) + step + SchoolFilters.Control.allCases.count) % SchoolFilters.Control.allCases.count
        case .panelChange(let step):
            filters.change(SchoolFilters.Control.allCases[panel ?? 0], step: step)
            refresh(context)
            table.cursor.fit(count: rows.count, visible: Table.body(of: area.table).height)
        case .closePanel:
            panel = nil
            context.inform("\(rows.count) schools shown · \(filters.summary)")
        case .columnsRight:
            return table.scrollColumns(1, columns: columns(width: area.table.width), width: area.table.width, gutter: 2)
        case .columnsLeft:
            return table.scrollColumns(-1, columns: columns(width: area.table.width), width: area.table.width, gutter: 2)
        }
        return .handled
    }

    mutating func toggleMark(_ school: Provider, in context: inout AppContext) {
        var child = link.child
        if let index = child.marked.firstIndex(of: school.id) {
            child.marked.remove(at: index)
            context.inform("Unmarked \(school.name) (\(child.marked.count) marked)")
        } else {
            guard child.marked.count < SchoolComparison.maximumSchools else {
                context.warn("Six schools are marked, the most a comparison shows: unmark one first (Space).")
                return
            }
            child.marked.append(school.id)
            context.inform("Marked \(school.name) (\(child.marked.count) marked; c compares them)")
        }
        link.save(child, .setMarked(child: child.name, child.marked), what: "marking \(school.name)", in: &context)
    }

    mutating func toggleRank(_ school: Provider, in context: inout AppContext) {
        var child = link.child
        let allowed = ChildFacts(child, context).allowed
        if let index = child.preferences.firstIndex(of: school.id) {
            child.preferences.remove(at: index)
            context.inform("Took \(school.name) off the preference list (\(child.preferences.count) of \(allowed))")
        } else {
            guard child.preferences.count < allowed else {
                context.warn("The council allows \(allowed) preferences: take one off first (r on it, or in the preference list).")
                return
            }
            child.preferences.append(school.id)
            context.inform("\(school.name) is preference \(child.preferences.count) of \(allowed)")
        }
        link.save(child, .setPreferences(child: child.name, child.preferences), what: "the preference list", in: &context)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        if link.receive(outcome) {
            refresh(context)
            fit(area: context.contentArea, in: context)
        }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: rows.count, visible: Table.body(of: areas(area).table).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        guard panel == nil else { return .ignored }
        switch table.cursor.handle(mouse, body: Table.body(of: areas(area).table), count: rows.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard rows.indices.contains(number - 1) else { return false }
        table.cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let facts = ChildFacts(link.child, context)
        let heading = "Schools for \(facts.name): \(facts.roundTitle)"
        let written = screen.put(heading, x: area.x, y: area.y, role: .title)
        let parts = areas(area)
        // Which rows are in view when not all fit, as the providers' lists say (last: on a narrow
        // window it is cut first).
        let inView = Table.rowsShown(table, count: rows.count, visible: Table.body(of: parts.table).height).map { " · \($0)" } ?? ""
        screen.put("  \(rows.count) shown · \(link.child.marked.count) marked\(inView)", x: area.x + written, y: area.y,
                   width: area.width - written, role: .dim)
        screen.put(filterLine(width: area.width - 2), x: area.x + 2, y: area.y + 1, width: area.width - 2, role: .dim)
        if rows.isEmpty {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: parts.table.y, width: area.width - 4, height: parts.table.height))
            writer.write("No school matches these filters: press f to change them.", role: .normal, into: &screen)
        } else {
            tableView(context, width: parts.table.width).render(table, into: &screen, area: parts.table)
        }
        if let panel {
            renderPanel(panel, into: &screen, area: parts.below)
        } else if let school = selected {
            var writer = ParagraphWriter(area: parts.below)
            // What to know before applying ("girls only", "selective: entrance test") even when the
            // notes column does not fit.
            let notes = school.notes.isEmpty ? "" : " (\(school.notes.joined(separator: "; ")))"
            writer.write("\(school.provider.name)\(notes): \(school.chance.sentence)", role: .normal, into: &screen)
        }
    }

    func renderPanel(_ cursor: Int, into screen: inout Screen, area: Rect) {
        screen.put("Filters — ↑↓ choose · ←→ change · Esc close", x: area.x, y: area.y, width: area.width, role: .heading)
        for (index, control) in SchoolFilters.Control.allCases.enumerated() where index + 1 < area.height {
            let selected = index == cursor
            screen.putPadded("\(control.label): ◂ \(filters.value(of: control)) ▸", x: area.x + 2, y: area.y + 1 + index,
                             width: min(area.width - 2, 50), role: selected ? .selected : .normal)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let facts = ChildFacts(link.child, context)
        var lines: [PlainLine] = [.note("\(facts.roundTitle). \(SchoolFinder.distanceNote)")]
        lines += SchoolFilters.Control.allCases.enumerated().map { .note("f\($0.offset + 1) \($0.element.label): \(filters.value(of: $0.element))") }
        for (index, school) in rows.enumerated() {
            var text = "\(school.provider.name), \(MetresText.format(school.distanceMetres)). \(school.chance.level.label): \(school.chance.reason)"
            if !school.notes.isEmpty { text += " (\(school.notes.joined(separator: "; ")))" }
            if link.child.marked.contains(school.provider.id) { text += " Marked to compare." }
            if let rank = link.child.preferences.firstIndex(of: school.provider.id) { text += " Preference \(rank + 1)." }
            lines.append(.item(index + 1, text))
        }
        if rows.isEmpty { lines.append(.note("No school matches these filters.")) }
        return PlainView(title: "Schools for \(facts.name): \(rows.count) shown, \(link.child.marked.count) marked", lines: lines,
                         prompt: "Type a number for details, m and a number to mark it to compare, r and a number to add it to your preference list, c to compare, f1 to f3 to change a filter, or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word == "f" {
            guard let number = command.number, SchoolFilters.Control.allCases.indices.contains(number - 1) else {
                context.warn("Type f1, f2 or f3 to change that filter; f1 2 shows schools within 2 km.")
                return .handled
            }
            let control = SchoolFilters.Control.allCases[number - 1]
            if control == .within, let kilometres = Double(command.argument.split(separator: " ").first ?? ""),
               kilometres > 0, kilometres <= 100 {
                filters.withinMetres = kilometres * 1000
            } else {
                filters.change(control, step: 1)
            }
            refresh(context)
            table.cursor.fit(count: rows.count, visible: 10)
            context.inform("\(control.label): \(filters.value(of: control)). \(rows.count) schools shown.")
            return .handled
        }
        return keyedPlain(command, in: &context)
    }
}

/// The eligible list's filters.
struct SchoolFilters: Hashable, Sendable {
    enum Control: CaseIterable {
        case within, chance, independent

        var label: String {
            switch self {
            case .within: return "Within"
            case .chance: return "Chance at least"
            case .independent: return "Fee-paying schools"
            }
        }
    }

    static let distances: [Double?] = [nil, 1_000, 2_000, 3_000, 5_000, 10_000]
    static let floors: [ChanceLevel?] = [nil, .possible, .likely, .veryLikely]

    var withinMetres: Double?
    var chanceFloor: ChanceLevel?
    var includeIndependent = false

    func value(of control: Control) -> String {
        switch control {
        case .within: return withinMetres.map { MetresText.format($0) } ?? "any distance"
        case .chance: return chanceFloor?.label.lowercased() ?? "any"
        case .independent: return includeIndependent ? "included" : "left out"
        }
    }

    /// "within 2,000 m · likely or better · fee-paying left out": short, so the distance note fits beside it.
    var summary: String {
        [withinMetres.map { "within " + MetresText.format($0) } ?? "any distance",
         chanceFloor.map { $0 == .veryLikely ? "very likely" : "\($0.label.lowercased()) or better" } ?? "any chance",
         "fee-paying " + value(of: .independent)].joined(separator: " · ")
    }

    mutating func change(_ control: Control, step: Int) {
        func next<T: Equatable>(_ options: [T], _ current: T) -> T {
            let index = options.firstIndex(of: current) ?? 0
            return options[((index + step) % options.count + options.count) % options.count]
        }
        switch control {
        case .within: withinMetres = next(Self.distances, withinMetres)
        case .chance: chanceFloor = next(Self.floors, chanceFloor)
        case .independent: includeIndependent.toggle()
        }
    }
}
