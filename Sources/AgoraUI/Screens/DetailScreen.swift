import ChoiceKit

/// Everything known about one provider, in plain English, with ratings explained and missing data
/// shown as "not published".
enum DetailScreen {
    struct Line: Hashable {
        var segments: [Segment]
        struct Segment: Hashable {
            var x: Int
            var text: String
            var role: Role
        }
        static let blank = Line(segments: [])
    }

    static func lines(for provider: Provider, _ state: AppState, width: Int) -> [Line] {
        var lines: [Line] = []
        func add(_ text: String, x: Int = 0, role: Role) { lines.append(Line(segments: [.init(x: x, text: text, role: role)])) }
        add(provider.name, role: .title)
        let subtitle = [provider.subType, provider.organisation].filter { !$0.isEmpty }.joined(separator: " · ")
        for line in DisplayWidth.wrap(subtitle, width: width) { add(line, role: .dim) }
        if state.isShortlisted(provider.id) {
            add("✓ On your shortlist (m to remove)", role: .marked)
        } else {
            add("Press m to add it to your shortlist", role: .dim)
        }
        let labelWidth = min(26, max(12, width / 3))
        let valueWidth = max(10, width - labelWidth - 2)
        let sections = ProviderFacts.sections(for: provider, in: state.catalog, origin: state.homePostcode?.location)
        for section in sections {
            lines.append(.blank)
            add(section.title, role: .heading)
            for fact in section.facts {
                let valueRole = fact.missing ? .dim : role(for: fact)
                let values = DisplayWidth.wrap(fact.text, width: valueWidth)
                for (index, value) in values.enumerated() {
                    var segments: [Line.Segment] = []
                    if index == 0 { segments.append(.init(x: 0, text: DisplayWidth.truncate(fact.label, to: labelWidth), role: .normal)) }
                    segments.append(.init(x: labelWidth + 2, text: value, role: valueRole))
                    lines.append(Line(segments: segments))
                }
                if let note = fact.note {
                    for value in DisplayWidth.wrap(note, width: valueWidth) {
                        lines.append(Line(segments: [.init(x: labelWidth + 2, text: value, role: .dim)]))
                    }
                }
            }
        }
        lines.append(.blank)
        add("Data: \(state.catalog.manifest.area.notice)", role: .dim)
        return lines
    }

    /// Ratings in colour by meaning; every other value plain.
    private static func role(for fact: Fact) -> Role {
        if fact.key.hasPrefix("cqc_"), let rating = CQCRating(label: fact.text) { return RatingRole.role(rating) }
        if fact.key.hasPrefix("ofsted_") {
            if let grade = ReportCardGrade(label: fact.text) {
                return grade >= .expectedStandard ? .good : grade == .needsAttention ? .fair : .bad
            }
            if fact.text == "not met" { return .bad }
            if fact.text == "met" { return .good }
        }
        return .normal
    }

    static func render(_ provider: Provider, _ state: AppState, scroll: Int, into screen: inout Screen, area: Rect) {
        let lines = self.lines(for: provider, state, width: area.width)
        let scrollable = lines.count > area.height
        // When it scrolls, the last row is kept for the "more" marker.
        let rows = scrollable ? area.height - 1 : area.height
        let first = max(0, min(scroll, max(0, lines.count - rows)))
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            for segment in line.segments {
                screen.put(segment.text, x: area.x + segment.x, y: area.y + row, width: area.width - segment.x, role: segment.role)
            }
        }
        if scrollable {
            let indicator = first + rows >= lines.count ? "— end —" : "↓ more (PgDn)"
            screen.put(indicator, x: area.maxX - DisplayWidth.of(indicator), y: area.maxY - 1, role: .dim)
        }
    }

    static func maxScroll(_ provider: Provider, _ state: AppState, area: Rect) -> Int {
        let count = lines(for: provider, state, width: area.width).count
        return count > area.height ? count - (area.height - 1) : 0
    }
}

extension AppState {
    mutating func performOnDetail(_ id: String, _ action: Action) -> [Effect] {
        guard let provider = catalog.provider(id: id) else {
            goBack()
            return []
        }
        let area = Layout(size: size).content
        let limit = DetailScreen.maxScroll(provider, self, area: area)
        switch action {
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll = min(limit, scroll + 1)
        case .pageUp: scroll = max(0, scroll - (area.height - 1))
        case .pageDown: scroll = min(limit, scroll + (area.height - 1))
        case .top: scroll = 0
        case .bottom: scroll = limit
        case .mark: return toggleShortlist(id)
        case .back, .quit: goBack()
        default: break
        }
        return []
    }
}
