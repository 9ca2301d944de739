import ChoiceKit
import SchoolChoice

/// The ranked preference list for the council's application: add marked schools, reorder, take
/// off; every warning shown, with the equal-preference system explained; saved as it changes.
public struct PreferencesFeature: KeyedFeature {
    var link: ChildLink
    var cursor = ListCursor()
    /// The warnings and explanations below the list, scrolled with PgUp and PgDn.
    var notes = ScrollingText()
    /// The file name last typed to save the list, and why that save failed if it did.
    var exportRetry = ExportRetry()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case scrollNotes(ListMove)
        case add, remove, up, down, open, export
    }

    static let addTag = "preferences.add"
    static let exportTag = "preferences.export"

    public init(child: SavedChild, context: AppContext) { link = ChildLink(child) }

    public var id: String { "schools:preferences" }
    public func title(in context: AppContext) -> String { "Preferences" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "preference").filter { binding in
            if case .move(let move) = binding.action { return move != .pageUp && move != .pageDown }
            return true
        } + [
            KeyBinding([.pageDown], "PgDn", .scrollNotes(.pageDown), "more of the warnings and notes below"),
            KeyBinding([.pageUp], "PgUp", .scrollNotes(.pageUp), "back up the warnings and notes"),
            KeyBinding([.character("a")], "a", .add, "add a marked school at the bottom", hint: "add", plain: "a"),
            KeyBinding([.character("u"), .character("K")], "u K", .up, "move it up (more wanted)", hint: "up", plain: "u"),
            KeyBinding([.character("d"), .character("J")], "d J", .down, "move it down", hint: "down", plain: "d"),
            KeyBinding([.character("x"), .delete], "x Del", .remove, "take it off the list", hint: "remove", plain: "x"),
            KeyBinding([.character("e")], "e", .export, "save the list to a file (Markdown, CSV or text)", hint: "export", plain: "e"),
            KeyBinding([.enter], "Enter", .open, "the school's details"),
        ])
    }

    public var plainDefault: Action? { .open }

    func facts(_ context: AppContext) -> ChildFacts { ChildFacts(link.child, context) }

    /// Marked schools not on the list yet, for "add".
    func candidates(_ context: AppContext) -> [Provider] {
        link.child.marked.filter { !link.child.preferences.contains($0) }.compactMap { context.catalog.provider(id: $0) }
    }

    // MARK: Actions

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let ids = link.child.preferences
        let selected = ids.indices.contains(cursor.selected) ? ids[cursor.selected] : nil
        switch action {
        case .move(let move):
            cursor.move(move, count: ids.count, visible: max(1, ids.count))
        case .scrollNotes(let move):
            let area = notesArea(context.contentArea, rows: ids.count)
            notes.scroll(move, lines: noteLines(context, width: area.width).count, area: area)
        case .add:
            let allowed = facts(context).allowed
            guard ids.count < allowed else {
                context.warn("The council allows \(allowed) preferences: take one off first (x).")
                return .handled
            }
            let options = candidates(context)
            guard !options.isEmpty else {
                context.inform(link.child.marked.isEmpty
                    ? "Mark schools first: in the list of schools press Space on each (or r to add one here directly)."
                    : "Every marked school is already on the list: mark more in the list of schools.")
                return .handled
            }
            context.present(ModalFeature(tag: Self.addTag, modal: .menu("Add a preference", "Which marked school comes next on your list?",
                                                                        options: options.map(\.name))))
        case .remove:
            guard let selected else { return .handled }
            change(ids.filter { $0 != selected }, saying: "Took \(name(selected, context)) off the list", in: &context)
        case .up, .down:
            guard let selected else { return .handled }
            var list = PreferenceList(schoolIDs: ids, allowed: max(ids.count, facts(context).allowed))
            do {
                if action == .up { try list.moveUp(selected) } else { try list.moveDown(selected) }
            } catch {
                return .handled
            }
            guard list.schoolIDs != ids else {
                context.inform(action == .up ? "It is already first." : "It is already last.")
                return .handled
            }
            cursor.selected = list.schoolIDs.firstIndex(of: selected) ?? cursor.selected
            change(list.schoolIDs, saying: "\(name(selected, context)) is now preference \(cursor.selected + 1)", in: &context)
        case .open:
            guard let selected, context.catalog.provider(id: selected) != nil else { return .handled }
            context.push(DetailFeature(providerID: selected))
        case .export:
            guard !ids.isEmpty else {
                context.inform("The list is empty: add schools first (a).")
                return .handled
            }
            context.present(ModalFeature(tag: Self.exportTag, modal: exportRetry.prompt(
                "Save the preference list", message: TableFileFormat.promptMessage,
                defaultName: "agora-\(facts(context).fileStem)-preferences.md")))
        }
        return .handled
    }

    func name(_ id: String, _ context: AppContext) -> String { context.catalog.provider(id: id)?.name ?? id }

    mutating func change(_ ids: [String], saying message: String, in context: inout AppContext) {
        var child = link.child
        child.preferences = ids
        link.save(child, .setPreferences(child: child.name, ids), what: "the preference list", in: &context)
        cursor.fit(count: ids.count, visible: max(1, ids.count))
        fit(area: context.contentArea, in: context)
        context.inform(message)
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        switch (tag, outcome) {
        case (Self.addTag, .chosen(let index)):
            let options = candidates(context)
            guard options.indices.contains(index) else { return }
            let school = options[index]
            cursor.selected = link.child.preferences.count
            change(link.child.preferences + [school.id],
                   saying: "\(school.name) is preference \(link.child.preferences.count + 1) of \(facts(context).allowed)", in: &context)
        case (Self.exportTag, .submitted(let name)):
            export(to: name, in: &context)
        default:
            break
        }
    }

    mutating func export(to name: String, in context: inout AppContext) {
        let path = name.trimmingCharacters(in: Character(" "))
        guard !path.isEmpty else {
            context.warn("No file name given: nothing was saved.")
            return
        }
        guard let review = facts(context).review(context) else { return }
        let table = review.exportTable()
        let text: String
        switch TableFileFormat(path: path) {
        case .csv: text = table.csv()
        case .markdown: text = table.markdown()
        case .text: text = table.text(width: 100)
        }
        let job = context.start(.export(ExportDocument(title: "Preference list", text: text), path: path),
                                title: "Saving the preference list to \(path)")
        exportRetry.started(path, job: job)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        if exportRetry.receive(outcome) { fit(area: context.contentArea, in: context) }
        guard link.receive(outcome) else { return }
        cursor.fit(count: link.child.preferences.count, visible: max(1, link.child.preferences.count))
        fit(area: context.contentArea, in: context)
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard link.child.preferences.indices.contains(number - 1) else { return false }
        cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    func rowText(_ row: PreferenceRow) -> String {
        "\(row.rank). \(row.name) — \(row.distanceMetres.map(MetresText.format) ?? "distance not known") — \(row.chance.level.label)"
    }

    /// Below the ranked rows: warnings first, then how the council decides, then the selected school's chance.
    func noteLines(_ context: AppContext, width: Int) -> [ScrollingText.Line] {
        guard let review = facts(context).review(context) else { return [] }
        var paragraphs: [(text: String, role: Role, gapBefore: Bool)] = review.warnings.map { ("! " + $0.message, .error, true) }
        if let problem = exportRetry.problem {
            paragraphs.insert(("Not saved: \(problem) Press e to try again with another name.", .error, true), at: 0)
        }
        paragraphs.append((PreferenceReview.equalPreference, .dim, true))
        if let row = review.rows.first(where: { $0.rank == cursor.selected + 1 }) {
            paragraphs.append(("\(row.name): \(row.chance.sentence)", .normal, true))
        }
        return ScrollingText.wrap(paragraphs, width: width)
    }

    func notesArea(_ area: Rect, rows: Int) -> Rect {
        let top = area.y + 3 + max(1, rows)
        return Rect(x: area.x + 2, y: top, width: area.width - 4, height: max(1, area.maxY - top))
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        let notesArea = notesArea(area, rows: link.child.preferences.count)
        notes.fit(lines: noteLines(context, width: notesArea.width).count, area: notesArea)
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let facts = self.facts(context)
        guard let review = facts.review(context) else {
            screen.put("\(facts.name) has no school entry point ahead.", x: area.x, y: area.y, role: .title)
            return
        }
        let written = screen.put("\(facts.name)'s preferences: \(facts.roundTitle)", x: area.x, y: area.y, role: .title)
        screen.put("  \(review.rows.count) of \(facts.allowed) named", x: area.x + written, y: area.y, width: area.width - written, role: .dim)
        var y = area.y + 2
        let pending = link.isPending(in: context)
        if review.rows.isEmpty {
            screen.put("No school on the list yet: press a to add a marked school.", x: area.x + 2, y: y, width: area.width - 4)
            y += 1
        }
        for (index, row) in review.rows.enumerated() where y < area.maxY {
            let selected = index == cursor.selected
            screen.putPadded((selected ? "▸ " : "  ") + rowText(row) + (pending && selected ? " …" : ""), x: area.x, y: y,
                             width: area.width, role: selected ? .selected : EligibleSchoolsFeature.role(row.chance.level))
            y += 1
        }
        let notesArea = notesArea(area, rows: review.rows.count)
        notes.render(noteLines(context, width: notesArea.width), into: &screen, area: notesArea)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let facts = self.facts(context)
        guard let review = facts.review(context) else {
            return PlainView(title: "Preferences", lines: [.note("\(facts.name) has no school entry point ahead.")], prompt: "Type b to go back:")
        }
        var lines: [PlainLine] = review.rows.map { row in
            .item(row.rank, "\(row.name), \(row.distanceMetres.map(MetresText.format) ?? "distance not known"). \(row.chance.level.label): \(row.chance.reason)")
        }
        if review.rows.isEmpty { lines.append(.note("No school on the list yet.")) }
        lines += review.warnings.map { .note("Warning: " + $0.message) }
        lines.append(.note(PreferenceReview.equalPreference))
        return PlainView(title: "\(facts.name)'s preferences: \(facts.roundTitle), \(review.rows.count) of \(facts.allowed) named",
                         lines: lines,
                         prompt: "Type a to add a marked school, u or d and a number to move it up or down, x and a number to take it off, e and a file name to save the list, or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        guard command.word == "e" else { return keyedPlain(command, in: &context) }
        guard !link.child.preferences.isEmpty else {
            context.inform("The list is empty: add schools first (a).")
            return .handled
        }
        export(to: command.argument.isEmpty ? "agora-\(facts(context).fileStem)-preferences.md" : command.argument, in: &context)
        return .handled
    }
}
