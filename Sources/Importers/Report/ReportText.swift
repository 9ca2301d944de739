import ChoiceKit

extension ImportReport {
    /// The report as lines of text. `listing` caps how many rows of each reason are listed one by
    /// one (the rest are counted); nil lists every row, for a report file.
    public func lines(listing limit: Int?) -> [String] {
        var out: [String] = []
        if !outcome.isEmpty { out.append(outcome) }
        for section in files {
            out.append("")
            let skipped = section.skippedCount
            out.append("\(section.file) (\(section.format)): \(Count.text(section.rows)) row\(section.rows == 1 ? "" : "s") — \(Count.text(section.imported)) imported, \(Count.text(skipped)) skipped")
            if let dated = section.dated { out.append("  " + dated) }
            if !section.skipped.isEmpty {
                let reasons = section.skipped.map { "\(Count.text($0.lines.count)) \($0.reason.text)" }
                out.append("  skipped: " + reasons.joined(separator: "; "))
            }
            for group in section.skipped {
                let shown = limit.map { min($0, group.lines.count) } ?? group.lines.count
                for line in group.lines.prefix(shown) {
                    // "(dormant)" after a reason that ends in brackets itself reads badly: a colon then.
                    let detail = group.details[line].map { group.reason.text.hasSuffix(")") ? ": \($0)" : " (\($0))" } ?? ""
                    out.append("  \(section.file):\(line): \(group.reason.text)\(detail)")
                }
                if shown < group.lines.count {
                    out.append("  … and \(Count.text(group.lines.count - shown)) more \(group.reason.text)")
                }
            }
            if !section.notes.isEmpty {
                out.append("  imported with a value left out or changed:")
                let shown = limit.map { min($0, section.notes.count) } ?? section.notes.count
                out += section.notes.prefix(shown).map { "  " + $0 }
                if shown < section.notes.count { out.append("  … and \(Count.text(section.notes.count - shown)) more") }
            }
        }
        if !lacking.isEmpty {
            out.append("")
            out.append("What the imported providers lack (shown as \"not published\" unless said otherwise):")
            for kind in ProviderKind.allCases {
                let items = lacking.filter { $0.kind == kind }
                guard !items.isEmpty else { continue }
                out.append("  \(kind.label):")
                for item in items {
                    out.append("    \(item.what) — \(item.why) (\(Count.text(item.count)) \(item.count == 1 ? kind.singular : kind.pluralNoun))")
                }
            }
        }
        return out
    }
}

extension ProviderKind {
    /// "schools", "care services", "GP practices".
    var pluralNoun: String {
        switch self {
        case .school: return "schools"
        case .care: return "care services"
        case .gp: return "GP practices"
        case .other: return "contracted services"
        }
    }
}
