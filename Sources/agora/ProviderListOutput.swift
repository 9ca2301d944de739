import ChoiceKit

/// `agora list` output: an aligned table, CSV or JSON of the same columns.
struct ProviderListOutput {
    let catalog: Catalog
    let kind: ProviderKind
    let result: QueryResult

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

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .csv:
            return CSVWriter.row(columns.map(\.key) + (result.origin == nil ? [] : ["distance"])) + rows().map(CSVWriter.row).joined()
        case .json:
            return JSONValue.array(result.positions.map(json)).text() + "\n"
        default:
            return table()
        }
    }

    private func table() -> String {
        let rows = rows()
        let area = catalog.manifest.area
        var out = "\(kind.label) in \(area.name) — \(rows.count) found. \(area.notice)\n"
        guard !rows.isEmpty else { return out + "Nothing matches. Try fewer words or a wider distance.\n" }
        let rightAligned = Set((columns.map(\.alignRight) + [true]).enumerated().filter(\.element).map(\.offset))
        out += "\n" + TextTable.render(headers: titles, rows: rows, rightAligned: rightAligned)
        if rows.contains(where: { $0.contains(ShortText.notPublished) }) {
            out += "\n\(ShortText.notPublished) not published\n"
        }
        return out
    }

    private func json(_ position: Int32) -> JSONValue {
        let provider = catalog.providers[Int(position)]
        var members: [(String, JSONValue)] = [
            ("id", .string(provider.id)), ("name", .string(provider.name)), ("kind", .string(provider.kind.rawValue)),
            ("sub_type", .string(provider.subType)), ("sector", .string(provider.sector.label)),
            ("organisation", .optional(provider.organisation.isEmpty ? nil : provider.organisation)),
            ("town", .string(provider.town)), ("postcode", .string(provider.postcode)),
            ("latitude", .number(ProviderTableWriter.degrees(provider.location.latitude))),
            ("longitude", .number(ProviderTableWriter.degrees(provider.location.longitude))),
        ]
        if let origin = result.origin {
            members.append(("distance_m", .int(Int(catalog.distance(from: origin, toProviderAt: Int(position)).rounded()))))
        }
        for column in ListColumns.forKind(kind) where column.key != "name" {
            let measure = column.measure(provider, catalog)
            members.append((column.key, measure.isMissing ? .null : .string(measure.short)))
        }
        return .object(members)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
