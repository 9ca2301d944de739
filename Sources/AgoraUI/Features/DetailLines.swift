import ChoiceKit

/// A provider's facts laid out as lines for a given width: labels and values wrap (nothing that
/// tells values apart is cut), colours follow each value's tone. Used by the details page and by
/// the panel beside a wide list, and measured by the same code that scrolls it.
enum DetailLines {
    struct Line: Hashable {
        struct Segment: Hashable {
            var x: Int
            var text: String
            var role: Role
        }
        var segments: [Segment]
        static let blank = Line(segments: [])
    }

    /// Where the lines are shown: the page has its own keys, the side panel the list's.
    enum Place { case page, beside }

    static func role(_ tone: Tone) -> Role {
        switch tone {
        case .good: return .good
        case .fair: return .fair
        case .poor: return .bad
        case .neutral: return .normal
        }
    }

    static func role(_ measure: Measure) -> Role { measure.isMissing ? .dim : role(measure.tone) }

    static func lines(for provider: Provider, _ context: AppContext, width: Int, place: Place) -> [Line] {
        var lines: [Line] = []
        func add(_ text: String, role: Role) {
            for part in DisplayWidth.wrap(text, width: max(1, width)) { lines.append(Line(segments: [.init(x: 0, text: part, role: role)])) }
        }
        add(provider.name, role: .title)
        add([provider.subType, provider.organisation].filter { !$0.isEmpty }.joined(separator: " · "), role: .dim)
        let marked = context.isShortlisted(provider.id)
        switch place {
        case .page:
            add(marked ? "✓ On your shortlist (m removes it)" : "Press m to add it to your shortlist", role: marked ? .marked : .dim)
        case .beside:
            add(marked ? "✓ On your shortlist (Space removes it)" : "Space adds it to your shortlist · Enter shows every detail",
                role: marked ? .marked : .dim)
        }
        let labelWidth = min(24, max(10, width / 3))
        let valueWidth = max(8, width - labelWidth - 2)
        for section in ProviderFacts.sections(for: provider, in: context.catalog, home: context.home) {
            lines.append(.blank)
            add(section.title, role: .heading)
            for fact in section.facts {
                let labels = DisplayWidth.wrap(fact.label, width: labelWidth)
                let values = DisplayWidth.wrap(fact.text, width: valueWidth)
                let valueRole = role(fact.measure)
                for row in 0..<max(labels.count, values.count) {
                    var segments: [Line.Segment] = []
                    if row < labels.count { segments.append(.init(x: 0, text: labels[row], role: .normal)) }
                    if row < values.count { segments.append(.init(x: labelWidth + 2, text: values[row], role: valueRole)) }
                    lines.append(Line(segments: segments))
                }
                if let note = fact.note {
                    for part in DisplayWidth.wrap(note, width: valueWidth) {
                        lines.append(Line(segments: [.init(x: labelWidth + 2, text: part, role: .dim)]))
                    }
                }
            }
        }
        lines.append(.blank)
        add("Data: \(context.catalog.manifest.area.notice)", role: .dim)
        return lines
    }

    static func draw(_ lines: [Line], from first: Int, rows: Int, into screen: inout Screen, area: Rect) {
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            for segment in line.segments {
                screen.put(segment.text, x: area.x + segment.x, y: area.y + row, width: area.width - segment.x, role: segment.role)
            }
        }
    }
}
