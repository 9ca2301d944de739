import ChoiceKit

/// `agora show` output: every fact in labelled sections, or the same as JSON.
struct ProviderDetailOutput {
    let catalog: Catalog
    let provider: Provider
    let home: Manifest.PostcodeEntry?

    func render(_ format: OutputFormat) -> String {
        let sections = ProviderFacts.sections(for: provider, in: catalog, home: home)
        if format == .json { return json(sections).text() + "\n" }
        var out = TextSafety.inert(provider.name) + "\n" + String(repeating: "═", count: min(78, DisplayWidth.of(provider.name))) + "\n"
        out += catalog.manifest.area.notice + "\n"
        let labelWidth = min(26, sections.flatMap(\.facts).map { DisplayWidth.of($0.label) }.max() ?? 10)
        for section in sections {
            out += "\n" + section.title + "\n"
            for fact in section.facts {
                // Long labels wrap rather than lose their ends.
                let labels = DisplayWidth.wrap(fact.label, width: labelWidth)
                let lines = DisplayWidth.wrap(TextSafety.inert(fact.text), width: max(20, 78 - labelWidth - 4))
                for row in 0..<max(labels.count, lines.count) {
                    let label = DisplayWidth.pad(row < labels.count ? labels[row] : "", to: labelWidth)
                    out += "  \(label)  \(row < lines.count ? lines[row] : "")".trimmingTrailingSpaces() + "\n"
                }
                if let note = fact.note {
                    for line in DisplayWidth.wrap("(\(TextSafety.inert(note)))", width: max(20, 78 - labelWidth - 4)) {
                        out += String(repeating: " ", count: labelWidth + 4) + line + "\n"
                    }
                }
            }
        }
        return out
    }

    private func json(_ sections: [FactSection]) -> JSONValue {
        let facts = sections.flatMap(\.facts)
        return .object([
            ("id", .string(provider.id)), ("name", .string(provider.name)), ("kind", .string(provider.kind.rawValue)),
            ("facts", .object(facts.map { ($0.key, $0.missing ? .null : .string($0.text)) })),
            ("sections", .array(sections.map { section in
                .object([
                    ("title", .string(section.title)),
                    ("facts", .array(section.facts.map { fact in
                        .object([("key", .string(fact.key)), ("label", .string(fact.label)),
                                 ("value", fact.missing ? .null : .string(fact.text)), ("note", .optional(fact.note))])
                    })),
                ])
            })),
        ])
    }
}
