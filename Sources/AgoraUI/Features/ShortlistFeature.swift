import ChoiceKit

/// The providers a person has marked, kept between runs; each can be opened or removed, and the
/// whole list saved to a file.
public struct ShortlistFeature: KeyedFeature {
    public var table = TableState()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, remove, export, compare
        case columnsLeft, columnsRight
    }

    static let exportTag = "shortlist.export"

    public init() {}

    public var id: String { "shortlist" }
    public func title(in context: AppContext) -> String { "Shortlist" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "provider") + [
            KeyBinding([.enter, .character("l")], "Enter", .open, "open the provider's details", hint: "details"),
            KeyBinding([.character(" "), .delete, .character("x")], "Space x", .remove, "remove from the shortlist", hint: "remove", plain: "r"),
            KeyBinding([.character("c")], "c", .compare, "compare the marked providers of the selected one's kind", hint: "compare", plain: "c"),
            KeyBinding([.character("e")], "e", .export, "save the shortlist to a file (CSV or Markdown)", hint: "export", plain: "e"),
            KeyBinding([.right], "→", .columnsRight, "more columns"),
            KeyBinding([.left], "←", .columnsLeft, "earlier columns, or back"),
        ])
    }

    public var plainDefault: Action? { .open }

    func columns() -> [TableColumn] {
        [TableColumn(title: "Name", width: 40), TableColumn(title: "Kind", width: 16), TableColumn(title: "Type", width: 26),
         TableColumn(title: "Town", width: 14)]
    }

    func tableView(_ context: AppContext) -> Table {
        let ids = context.shortlist
        let catalog = context.catalog
        return Table(columns: columns(), rowCount: ids.count, cell: { row, column in
            guard let provider = catalog.provider(id: ids[row]) else { return TableCell(ids[row], role: .dim) }
            switch column {
            case 0: return TableCell(provider.name)
            case 1: return TableCell(provider.kind.singular)
            case 2: return TableCell(provider.subType)
            default: return TableCell(provider.town)
            }
        }, marker: { row in context.isPending(ids[row]) ? "…" : "✓" })
    }

    static func tableArea(_ area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = Self.tableArea(context.contentArea)
        let count = context.shortlist.count
        switch action {
        case .move(let move):
            table.cursor.move(move, count: count, visible: Table.body(of: area).height)
        case .open:
            guard context.shortlist.indices.contains(table.cursor.selected) else { return .handled }
            context.push(DetailFeature(providerID: context.shortlist[table.cursor.selected]))
        case .remove:
            guard context.shortlist.indices.contains(table.cursor.selected),
                  let provider = context.catalog.provider(id: context.shortlist[table.cursor.selected]) else { return .handled }
            context.toggleShortlist(provider)
            table.cursor.fit(count: context.shortlist.count, visible: Table.body(of: area).height)
        case .export:
            guard !context.shortlist.isEmpty else {
                context.inform("Your shortlist is empty: there is nothing to save yet.")
                return .handled
            }
            context.present(ModalFeature(tag: Self.exportTag, modal: .prompt(
                "Save your shortlist",
                "File name: ending .csv for a spreadsheet, .md for a document, .txt to print. It is saved in the folder Agora was started from unless you give a full path.",
                text: "agora-shortlist.csv", limit: 500)))
        case .compare:
            guard context.shortlist.indices.contains(table.cursor.selected),
                  let kind = context.catalog.provider(id: context.shortlist[table.cursor.selected])?.kind else { return .handled }
            let listed = context.shortlist.compactMap(context.catalog.provider(id:))
            let before = context.message
            Comparisons.open(listed.filter { $0.kind == kind }, kind: kind, in: &context)
            // Only like with like compares: say what was left out rather than drop it silently
            // (unless opening said something of its own).
            let others = listed.count { $0.kind != kind }
            if others > 0, context.message == before {
                context.inform("Compared your \(kind.label.lowercased()); \(others) other\(others == 1 ? "" : "s") shortlisted \(others == 1 ? "is" : "are") another kind: select it, press c")
            }
        case .columnsRight:
            return table.scrollColumns(1, columns: columns(), width: area.width, gutter: 2)
        case .columnsLeft:
            return table.scrollColumns(-1, columns: columns(), width: area.width, gutter: 2)
        }
        return .handled
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.exportTag, case .submitted(let name) = outcome else { return }
        let path = name.trimmingCharacters(in: " ")
        guard !path.isEmpty else {
            context.warn("No file name given: nothing was saved.")
            return
        }
        export(to: path, in: &context)
    }

    mutating func export(to path: String, in context: inout AppContext) {
        let format = ShortlistExport.Format(path: path)
        let text = ShortlistExport.document(context.shortlist, catalog: context.catalog, format: format)
        context.start(.export(ExportDocument(title: "Shortlist", text: text), path: path), title: "Saving your shortlist to \(path)")
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: context.shortlist.count, visible: Table.body(of: Self.tableArea(area)).height)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        if case .shortlistLoaded = outcome { fit(area: context.contentArea, in: context) }
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch table.cursor.handle(mouse, body: Table.body(of: Self.tableArea(area)), count: context.shortlist.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Your shortlist", x: area.x, y: area.y, role: .title)
        let count = context.shortlist.count
        screen.put("  \(count) marked · saved on this computer\(count > 0 ? " · e saves it to a file" : "")", x: area.x + 14, y: area.y,
                   width: area.width - 14, role: .dim)
        guard count > 0 else {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 2))
            writer.write("Nothing here yet. In any list of providers, press Space on one to add it here; press it again to remove it.",
                         role: .normal, into: &screen)
            return
        }
        tableView(context).render(table, into: &screen, area: Self.tableArea(area))
    }

    public func plain(in context: AppContext) -> PlainView {
        guard !context.shortlist.isEmpty else {
            return PlainView(title: "Your shortlist", lines: [.note("Your shortlist is empty. In a list, type m and a number to add a provider.")],
                             prompt: "Type b to go back:")
        }
        let lines = context.shortlist.enumerated().compactMap { index, id -> PlainLine? in
            guard let provider = context.catalog.provider(id: id) else { return nil }
            // The kind once: "GP practice, Swanton", not "GP practice, GP practice, Swanton".
            let what = provider.subType.lowercased() == provider.kind.singular.lowercased() ? [provider.kind.singular]
                : [provider.kind.singular, provider.subType]
            return .item(index + 1, "\(provider.name) — \((what + [provider.town]).filter { !$0.isEmpty }.joined(separator: ", ")).")
        }
        return PlainView(title: "Your shortlist", lines: lines,
                         prompt: "Type a number to open one, r and a number to remove one, e and a file name to save it, or b to go back:")
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard context.shortlist.indices.contains(number - 1) else { return false }
        table.cursor.selected = number - 1
        return true
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word == "e" {
            guard !context.shortlist.isEmpty else {
                context.inform("Your shortlist is empty: there is nothing to save yet.")
                return .handled
            }
            let name = command.argument.isEmpty ? "agora-shortlist.csv" : command.argument
            export(to: name, in: &context)
            return .handled
        }
        return keyedPlain(command, in: &context)
    }

    /// Another copy of Agora may have changed the shortlist since this one read it.
    public mutating func appeared(in context: inout AppContext) { context.reloadShortlist() }
}
