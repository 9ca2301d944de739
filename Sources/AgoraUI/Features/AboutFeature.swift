import ChoiceKit

/// What Agora is, where the data comes from, and how current it is.
public struct AboutFeature: KeyedFeature {
    var text = ScrollingText()

    public enum Action: Hashable, Sendable { case move(ListMove) }

    public init() {}

    public var id: String { "about" }
    public func title(in context: AppContext) -> String { "About" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "line").map { $0 } + [
            KeyBinding([.character(" ")], "Space", .move(.pageDown), "down a page", hint: "more"),
        ])
    }

    static func paragraphs(_ catalog: Catalog) -> [(text: String, role: Role, gapBefore: Bool)] {
        let manifest = catalog.manifest
        var out: [(String, Role, Bool)] = [
            ("About Agora", .title, false),
            ("Schools, care for older people and GP practices in England are public service markets: a public body pays, and companies, charities, social enterprises and public bodies compete to provide. Agora helps you see who provides what near you, and choose.", .accent, true),
            ("This catalog: \(manifest.area.name). \(manifest.area.notice)", .heading, true),
            (manifest.area.description, .dim, false),
            ("How current the data is", .heading, true),
        ]
        out += manifest.dataDates.map { ("\($0.label): as of \($0.asOf.long)", .normal, false) }
        out.append(("Where the data comes from", .heading, true))
        out += manifest.sources.map { source in
            ("\(source.name) — \(source.publisher). \(source.usedFor.isEmpty ? "" : "Used for \(source.usedFor).") \(source.licence)\(source.url.isEmpty ? "" : " · \(source.url)")", .normal, false)
        }
        out.append(("Rules and figures Agora uses", .heading, true))
        out += ReferenceSources.all.map { ("\($0.citation) · \($0.url)", .normal, false) }
        out.append(("Ratings are shown as their publishers give them. Where Agora summarises (for example the lowest report-card grade, or pairing report-card grades with older Ofsted grades in the filter), it says so.", .dim, true))
        return out
    }

    static func textArea(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height) }

    func lines(_ context: AppContext, area: Rect) -> [ScrollingText.Line] {
        ScrollingText.wrap(Self.paragraphs(context.catalog), width: Self.textArea(area).width)
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = Self.textArea(context.contentArea)
        switch action {
        case .move(let move): text.scroll(move, lines: lines(context, area: context.contentArea).count, area: area)
        }
        return .handled
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
        for paragraph in Self.paragraphs(context.catalog).dropFirst() {
            lines.append(paragraph.role == .heading ? .heading(paragraph.text) : .note(paragraph.text))
        }
        return PlainView(title: "About Agora", lines: lines, prompt: "Type b to go back:")
    }
}
