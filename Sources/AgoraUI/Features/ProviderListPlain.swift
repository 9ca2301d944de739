import ChoiceKit

/// The provider list in plain mode: ten numbered providers at a time, their values in words,
/// and commands for searching, sorting and filtering that act on the same state as the keys.
extension ProviderListFeature {
    public func plain(in context: AppContext) -> PlainView {
        let title = self.title(in: context)
        if let panel {
            var lines: [PlainLine] = []
            for (index, control) in panel.choices.enumerated() {
                let (label, value) = FilterPanel.describe(control, query.filters, homeSet: context.home != nil)
                lines.append(.item(index + 1, "\(label): \(Spoken.text(value))"))
            }
            lines.append(.note("\(Count.text(rows.count)) match\(rows.count == 1 ? "" : "es")."))
            return PlainView(title: "Filters for \(title)", lines: lines,
                             prompt: "Type a number to change that filter (for example 1 2 km sets it directly), c to clear them all, or b when done:")
        }
        if sortMenu != nil {
            let fields = SortField.available(for: key.kind)
            let lines = fields.enumerated().map { index, field in
                PlainLine.item(index + 1, field.label + (field == query.sort.field ? " (current)" : "") + (field.explanation.map { ": \($0)" } ?? ""))
            }
            return PlainView(title: "Sort \(title)", lines: lines, prompt: "Type a number to sort by it (the current one again reverses it), or b:")
        }
        let first = plainPage * Self.plainPageSize
        var lines: [PlainLine] = [.note("\(Spoken.text(summary(context, visible: 1000))).")]
        if rows.isEmpty {
            lines.append(.note("Nothing matches. " + (noResultsReason.map { $0 + " " } ?? "") + "Type f to change the filters, or x to clear the search and filters."))
        }
        let columns = self.columns(context)
        for (offset, position) in rows.dropFirst(first).prefix(Self.plainPageSize).enumerated() {
            let provider = context.catalog.providers[Int(position)]
            let values = columns.dropFirst().map { column -> String in
                let measure = column.measure(provider, position)
                return column.key == "distance" ? "\(measure.long) away" : "\(column.spec.title): \(measure.long)"
            }
            let mark = context.isShortlisted(provider.id) ? " (on your shortlist)" : ""
            lines.append(.item(first + offset + 1, "\(columns[0].measure(provider, position).long)\(mark). " + values.joined(separator: "; ") + "."))
        }
        let shownTo = min(rows.count, first + Self.plainPageSize)
        if rows.count > shownTo { lines.append(.note("Showing \(first + 1) to \(shownTo) of \(rows.count). Type n for the next \(Self.plainPageSize).")) }
        return PlainView(title: title, lines: lines,
                         prompt: "Type a number to open one, m and a number to mark it, c to compare the marked ones, s and words to search, o to sort, f for filters, x to clear them, b to go back, ? for help:")
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard rows.indices.contains(number - 1) else { return false }
        table.cursor.select(number - 1, count: rows.count, visible: frame(context.contentArea, context).body.height)
        return true
    }

    public var plainDefault: Action? { .open }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if panel != nil { return plainFilters(command, in: &context) }
        if sortMenu != nil {
            let fields = SortField.available(for: key.kind)
            if command.word == "b" || command.word == "q" {
                sortMenu = nil
                return .handled
            }
            guard let number = command.number, fields.indices.contains(number - 1) else {
                context.warn("Type a number from 1 to \(fields.count), or b.")
                return .handled
            }
            sortMenu = nil
            choose(fields[number - 1], in: &context)
            plainPage = 0
            return .handled
        }
        let lastPage = max(0, (rows.count - 1) / Self.plainPageSize)
        switch command.word {
        case "n" where command.number == nil:
            if plainPage == lastPage { context.inform("That is the last page.") } else { plainPage += 1 }
            return .handled
        case "p" where command.number == nil:
            plainPage = max(0, plainPage - 1)
            return .handled
        case "s":
            query.text = String(([command.number.map(String.init)].compactMap { $0 } + [command.argument]).joined(separator: " ")
                .trimmingCharacters(in: " ").prefix(Self.searchLimit))
            plainPage = 0
            table.cursor.selected = 0
            refresh(in: context)
            return .handled
        case "o":
            let fields = SortField.available(for: key.kind)
            if let number = command.number, fields.indices.contains(number - 1) {
                choose(fields[number - 1], in: &context)
            } else if !command.argument.isEmpty {
                let wanted = command.argument.lowercased()
                guard let field = fields.first(where: { $0.label.lowercased() == wanted || $0.rawValue.lowercased() == wanted }) else {
                    context.warn("There is no sort called \"\(command.argument)\". Sorts: \(fields.map(\.label).joined(separator: ", ")).")
                    return .handled
                }
                choose(field, in: &context)
            } else {
                sortMenu = ListCursor(selected: fields.firstIndex(of: query.sort.field) ?? 0)
            }
            plainPage = 0
            return .handled
        case "f":
            panel = FilterPanel(kind: key.kind, vocabulary: FilterVocabulary(catalog: context.catalog))
            if command.number != nil {
                let result = plainFilters(PlainCommand(word: "", number: command.number, argument: command.argument), in: &context)
                panel = nil
                return result
            }
            return .handled
        case "x":
            plainPage = 0
            return perform(.clear, in: &context)
        case "map":
            // Plain mode describes the map instead of drawing it.
            context.inform(describeMap(context).joined(separator: "\n"))
            return .handled
        default:
            if command.word.isEmpty, let number = command.number, !rows.indices.contains(number - 1) {
                context.warn(rows.isEmpty ? "The list is empty." : "Type a number from 1 to \(rows.count).")
                return .handled
            }
            return keyedPlain(command, in: &context)
        }
    }

    /// "3" ticks filter 3 (or moves a choice on); "3 2 km" sets it directly; "c" clears; "b" closes.
    private mutating func plainFilters(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        guard let panel else { return .ignored }
        switch command.word {
        case "b", "q", "done":
            self.panel = nil
            plainPage = 0
            return .handled
        case "c":
            query.filters = ProviderFilters()
            refresh(in: context)
            context.inform("Filters cleared.")
            return .handled
        case "", "f":
            break
        default:
            return .ignored
        }
        let choices = panel.choices
        guard let number = command.number, choices.indices.contains(number - 1) else {
            context.warn("Type a filter's number, from 1 to \(choices.count).")
            return .handled
        }
        let control = choices[number - 1]
        if control == .distance || control == .coversHome, context.home == nil {
            context.warn("Set your home postcode first (type h) to filter by distance.")
            return .handled
        }
        if command.argument.isEmpty {
            FilterPanel.change(control, &query.filters, step: 0)
        } else if !FilterPanel.set(control, to: command.argument, &query.filters) {
            let options = FilterPanel.options(control) ?? ["on", "off"]
            context.warn("\"\(command.argument)\" is not a choice here. Choices: \(options.joined(separator: ", ")).")
            return .handled
        }
        refresh(in: context)
        plainPage = 0
        let (label, value) = FilterPanel.describe(control, query.filters, homeSet: context.home != nil)
        context.inform("\(label): \(Spoken.text(value)). \(rows.count == 1 ? "1 match" : "\(Count.text(rows.count)) matches").")
        return .handled
    }
}
