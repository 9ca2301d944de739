import ChoiceKit

/// What Agora is, where the data comes from, and how current it is.
enum AboutScreen {
    static func paragraphs(_ catalog: Catalog) -> [(String, Role)] {
        let manifest = catalog.manifest
        var out: [(String, Role)] = [
            ("About Agora", .title),
            ("Schools, care for older people and GP practices in England are public service markets: a public body pays, and companies, charities, social enterprises and public bodies compete to provide. Agora helps you see who provides what near you, and choose.", .accent),
            ("This catalog: \(manifest.area.name). \(manifest.area.notice)", .heading),
            (manifest.area.description, .dim),
            ("How current the data is", .heading),
        ]
        out += manifest.dataDates.map { ("\($0.label): as of \($0.asOf.long)", .normal) }
        out.append(("Where the data comes from", .heading))
        out += manifest.sources.map { source in
            ("\(source.name) — \(source.publisher). \(source.usedFor.isEmpty ? "" : "Used for \(source.usedFor).") \(source.licence)\(source.url.isEmpty ? "" : " · \(source.url)")", .normal)
        }
        out.append(("Rules and figures Agora uses", .heading))
        out += ReferenceSources.all.map { ("\($0.citation) · \($0.url)", .normal) }
        out.append(("Ratings are shown as their publishers give them. Where Agora summarises (for example the lowest report-card grade, or pairing report-card grades with older Ofsted grades in the filter), it says so.", .dim))
        return out
    }

    static func lines(_ catalog: Catalog, width: Int) -> [(String, Role)] {
        // Headings start a new block; title and accented paragraphs stand apart; list items run on.
        var lines: [(String, Role)] = []
        for (text, role) in paragraphs(catalog) {
            if role == .heading, !(lines.last?.0.isEmpty ?? true) { lines.append(("", .normal)) }
            for line in DisplayWidth.wrap(text, width: width) { lines.append((line, role)) }
            if role == .title || role == .accent { lines.append(("", .normal)) }
        }
        return lines
    }

    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let inner = Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: area.height)
        let lines = self.lines(state.catalog, width: inner.width)
        let first = max(0, min(state.scroll, max(0, lines.count - inner.height)))
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.put(line.0, x: inner.x, y: inner.y + row, width: inner.width, role: line.1)
        }
    }
}

extension AppState {
    mutating func performOnAbout(_ action: Action) -> [Effect] {
        let area = Layout(size: size).content
        let limit = max(0, AboutScreen.lines(catalog, width: area.width - 4).count - area.height)
        switch action {
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll = min(limit, scroll + 1)
        case .pageUp: scroll = max(0, scroll - area.height + 1)
        case .pageDown: scroll = min(limit, scroll + area.height - 1)
        case .top: scroll = 0
        case .bottom: scroll = limit
        case .back, .quit: goBack()
        default: break
        }
        return []
    }
}
