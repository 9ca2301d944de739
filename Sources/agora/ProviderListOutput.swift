import ChoiceKit

/// `agora list` output: an aligned table for people; CSV or JSON of typed records for programs.
struct ProviderListOutput {
    let catalog: Catalog
    let kind: ProviderKind
    let result: QueryResult
    /// Typed records for CSV and JSON, and for a table when `--fields` picked columns.
    let records: ProviderRecordOutput
    let fieldsChosen: Bool
    /// Why nothing was found, for people reading the table.
    var nothingFound = "Nothing matches. Try fewer words or a wider distance."

    private var columns: [ListColumn] { [idColumn] + ListColumns.forKind(kind) }

    private let idColumn = ListColumn(key: "id", title: "ID", maxWidth: 8) { provider, _ in .text(provider.id) }

    private func rows() -> [[String]] {
        result.positions.map { position in
            let provider = catalog.providers[Int(position)]
            var cells = columns.map { TextSafety.inert($0.value(provider, catalog)) }
            if let origin = result.origin {
                cells.append(DistanceText.format(metres: catalog.distance(from: origin, toProviderAt: Int(position))))
            }
            return cells
        }
    }

    private var titles: [String] { columns.map(\.title) + (result.origin == nil ? [] : ["Distance"]) }

    private var providers: [Provider] { result.positions.map { catalog.providers[Int($0)] } }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .csv: return records.csv(providers)
        case .json: return records.json(providers)
        default:
            guard fieldsChosen else { return table() }
            return heading + (result.isEmpty ? nothingFound + "\n" : "\n" + records.table(providers))
        }
    }

    private var heading: String {
        let area = catalog.manifest.area
        return "\(kind.label) in \(area.name) — \(result.count) found. \(area.notice)\n"
    }

    private func table() -> String {
        let rows = rows()
        var out = heading
        guard !rows.isEmpty else { return out + nothingFound + "\n" }
        let rightAligned = Set((columns.map(\.alignRight) + [true]).enumerated().filter(\.element).map(\.offset))
        out += "\n" + TextTable.render(headers: titles, rows: rows, rightAligned: rightAligned)
        if rows.contains(where: { $0.contains(ShortText.notPublished) }) {
            out += "\n\(ShortText.notPublished) not published\n"
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
