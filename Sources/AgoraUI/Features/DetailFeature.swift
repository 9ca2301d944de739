import ChoiceKit

/// Everything known about one provider, in plain English, with ratings explained and missing
/// data said in words.
public struct DetailFeature: KeyedFeature {
    public let providerID: String
    public var viewport = Viewport()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case mark
    }

    public init(providerID: String) { self.providerID = providerID }

    public var id: String { "detail:\(providerID)" }

    public func title(in context: AppContext) -> String { context.catalog.provider(id: providerID)?.name ?? providerID }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap([
            KeyBinding([.up, .character("k")], "↑ k", .move(.up), "scroll up"),
            KeyBinding([.down, .character("j")], "↓ j", .move(.down), "scroll down"),
            KeyBinding([.pageUp], "PgUp", .move(.pageUp), "up a page"),
            KeyBinding([.pageDown, .character(" ")], "PgDn Space", .move(.pageDown), "down a page", hint: "more"),
            KeyBinding([.home, .character("g")], "Home g", .move(.top), "to the top"),
            KeyBinding([.end, .character("G")], "End G", .move(.bottom), "to the end"),
            KeyBinding([.character("m"), .enter], "m Enter", .mark, "add to or remove from your shortlist", hint: "mark", plain: "m"),
        ])
    }

    /// The text area and the row kept for the scroll marker.
    static func frame(_ area: Rect) -> (text: Rect, marker: Int) {
        let inner = Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height - 1)
        return (inner, area.maxY - 1)
    }

    func lines(_ context: AppContext, area: Rect) -> [DetailLines.Line] {
        guard let provider = context.catalog.provider(id: providerID) else { return [] }
        return DetailLines.lines(for: provider, context, width: Self.frame(area).text.width, place: .page)
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .move(let move):
            let area = context.contentArea
            let rows = Self.frame(area).text.height
            let count = lines(context, area: area).count
            let page = max(1, rows - 1)
            switch move {
            case .up: viewport.scroll(by: -1, contentRows: count, visible: rows)
            case .down: viewport.scroll(by: 1, contentRows: count, visible: rows)
            case .pageUp: viewport.scroll(by: -page, contentRows: count, visible: rows)
            case .pageDown: viewport.scroll(by: page, contentRows: count, visible: rows)
            case .top: viewport.top = 0
            case .bottom: viewport.top = Viewport.maxTop(rows: count, visible: rows)
            }
        case .mark:
            guard let provider = context.catalog.provider(id: providerID) else { return .ignored }
            context.toggleShortlist(provider)
        }
        return .handled
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        viewport.clamp(rows: lines(context, area: area).count, visibleRows: Self.frame(area).text.height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch mouse.kind {
        case .wheelUp: return perform(.move(.up), in: &context)
        case .wheelDown: return perform(.move(.down), in: &context)
        case .press: return .ignored
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let frame = Self.frame(area)
        let lines = self.lines(context, area: area)
        guard !lines.isEmpty else {
            screen.put("This provider is not in the catalog any more.", x: frame.text.x, y: frame.text.y, role: .dim)
            return
        }
        DetailLines.draw(lines, from: viewport.top, rows: frame.text.height, into: &screen, area: frame.text)
        guard lines.count > frame.text.height else { return }
        let atEnd = viewport.top >= Viewport.maxTop(rows: lines.count, visible: frame.text.height)
        let shown = "lines \(viewport.top + 1)–\(min(lines.count, viewport.top + frame.text.height)) of \(lines.count)"
        let marker = atEnd ? "— end — \(shown)" : "↓ more (PgDn) · \(shown)"
        screen.put(marker, x: frame.text.maxX - DisplayWidth.of(marker), y: frame.marker, role: .dim)
    }

    public func plain(in context: AppContext) -> PlainView {
        guard let provider = context.catalog.provider(id: providerID) else {
            return PlainView(title: providerID, lines: [.note("This provider is not in the catalog any more.")], prompt: "Type b to go back:")
        }
        var lines: [PlainLine] = [.note([provider.subType, provider.organisation].filter { !$0.isEmpty }.joined(separator: ", ") + ".")]
        for section in ProviderFacts.sections(for: provider, in: context.catalog, home: context.home) {
            lines.append(.heading(section.title))
            for fact in section.facts {
                // "Can I register here? Yes." — a question takes no colon; a sentence ends once.
                let joined = fact.label.hasSuffix("?") ? "\(fact.label) \(fact.text)" : "\(fact.label): \(fact.text)"
                var text = MessageText.sentence(joined)
                if let note = fact.note { text += " (\(note))" }
                lines.append(.note(text))
            }
        }
        let marked = context.isShortlisted(providerID)
        lines.append(.note(marked ? "On your shortlist." : "Not on your shortlist."))
        return PlainView(title: provider.name, lines: lines,
                         prompt: marked ? "Type m to remove it from your shortlist, b to go back:" : "Type m to add it to your shortlist, b to go back:")
    }
}
