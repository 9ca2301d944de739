import Foundation

/// A shortlist written out for a spreadsheet (CSV), a document (Markdown) or to print (text), with the values a
/// list shows for each provider.
public enum ShortlistExport {
    public enum Format: String, CaseIterable, Sendable {
        case csv, markdown, text

        /// From a file name's ending: .md or .markdown a document, .txt text to print, else CSV.
        public init(path: String) {
            let lower = path.lowercased()
            self = lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : lower.hasSuffix(".txt") ? .text : .csv
        }
    }

    public static func document(_ ids: [String], catalog: Catalog, format: Format) -> String {
        let providers = ids.compactMap(catalog.provider(id:))
        // The phone number beside the address: a shortlist on paper is for ringing round.
        let headers = ["ID", "Name", "Kind", "Type", "Town", "Postcode", "Phone", "Key facts"]
        let rows = providers.map { provider -> [String] in
            let facts = ListColumns.forKind(provider.kind).dropFirst().map { column in
                "\(column.title): \(column.measure(provider, catalog).long)"
            }
            return [provider.id, provider.name, provider.kind.singular, provider.subType, provider.town, provider.postcode,
                    provider.phone ?? "not published", facts.joined(separator: "; ")]
        }
        switch format {
        case .csv:
            return CSVWriter.row(headers) + rows.map { CSVWriter.row($0.map(CSVWriter.spreadsheetSafe)) }.joined()
        case .markdown:
            let area = catalog.manifest.area
            var out = "# Shortlist — \(markdown(area.name))\n\n\(markdown(area.notice))\n\n"
            out += "| " + headers.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: headers.count) + "\n"
            for row in rows { out += "| " + row.map(markdown).joined(separator: " | ") + " |\n" }
            return out
        case .text:
            // One block per provider, to print and ring round.
            let area = catalog.manifest.area
            var out = "Shortlist — \(TextSafety.inert(area.name))\n\(TextSafety.inert(area.notice))\n"
            for row in rows.map({ $0.map(TextSafety.inert) }) {
                out += "\n\(row[1]) (\(row[0]))\n  \(row[3]), \(row[4]) \(row[5]) · phone \(row[6])\n"
                out += row[7].split(separator: ";").map { "  " + $0.trimmingCharacters(in: .whitespaces) + "\n" }.joined()
            }
            return out
        }
    }

    /// Table cells in Markdown: pipes and line breaks would break the table.
    static func markdown(_ text: String) -> String {
        TextSafety.inert(text).replacingOccurrences(of: "|", with: "\\|")
    }
}

extension CSVWriter {
    /// A cell a spreadsheet will show as text: one starting with = + - @, a tab or a carriage
    /// return could be run as a formula, so it gets a leading apostrophe.
    public static func spreadsheetSafe(_ text: String) -> String {
        let inert = TextSafety.inert(text)
        guard let first = inert.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return inert }
        return "'" + inert
    }
}
