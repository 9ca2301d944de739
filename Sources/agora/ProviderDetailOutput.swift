import ChoiceKit

/// `agora show` output: every fact in labelled sections for people, or one typed record as JSON
/// or CSV for programs.
struct ProviderDetailOutput {
    let catalog: Catalog
    let provider: Provider
    let home: Manifest.PostcodeEntry?
    let records: ProviderRecordOutput
    let fieldsChosen: Bool

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return records.object(provider).text() + "\n"
        case .csv: return records.csv([provider])
        default: break
        }
        if fieldsChosen {
            let width = records.fields.map { DisplayWidth.of($0.key) }.max() ?? 0
            return zip(records.fields, records.values(provider)).map { field, value in
                let text = value.csvText.isEmpty ? "not published" : value.csvText
                return DisplayWidth.pad(field.key, to: width) + "  " + TextSafety.inert(text) + "\n"
            }.joined()
        }
        let sections = ProviderFacts.sections(for: provider, in: catalog, home: home)
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
}
