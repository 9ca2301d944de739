import ChoiceKit

/// A provider list's columns: which measures its kind shows, their widths, and the table drawn
/// from them.
extension ProviderListFeature {
    struct Column {
        let key: String
        let spec: TableColumn
        let measure: (Provider, Int32) -> Measure
    }

    static func measureWidths(_ key: ListKey, _ catalog: Catalog) -> [String: Int] {
        let sample = catalog.index.positions(of: key.kind).prefix(400).map { catalog.providers[Int($0)] }
        var widths: [String: Int] = [:]
        for column in ListColumns.forKind(key.kind) {
            let widest = sample.map { DisplayWidth.of(column.measure($0, catalog).short) }.max() ?? 0
            widths[column.key] = min(column.maxWidth, max(DisplayWidth.of(column.title), widest, column.key == "name" ? 24 : 3))
        }
        return widths
    }

    func columns(_ context: AppContext) -> [Column] {
        let catalog = context.catalog
        var columns: [Column] = []
        for column in ListColumns.forKind(key.kind) {
            columns.append(Column(key: column.key,
                                  spec: TableColumn(title: column.title, width: widths[column.key] ?? column.maxWidth, alignRight: column.alignRight),
                                  measure: { provider, _ in column.measure(provider, catalog) }))
        }
        if let origin = query.origin {
            // Distance goes next to the name: with a home set it is what most people look at first.
            columns.insert(Column(key: "distance", spec: TableColumn(title: "Distance", width: 8, alignRight: true),
                                  measure: { _, position in .metres(catalog.distance(from: origin, toProviderAt: Int(position))) }), at: 1)
            if key.kind == .gp {
                columns.insert(Column(key: "covers_home", spec: TableColumn(title: "Covers home", width: 11),
                                      measure: { provider, _ in
                                          guard let gp = provider.gp, gp.practiceType != .walkInCentre else { return .missing(.notApplicable("n/a")) }
                                          return .yesNo(GPRegistration.covers(gp, origin)) { $0 ? .good : .neutral }
                                      }), at: 2)
            }
        }
        return columns
    }

    func tableView(_ context: AppContext) -> Table {
        let columns = self.columns(context)
        let providers = context.catalog.providers
        let rows = self.rows
        return Table(columns: columns.map(\.spec), rowCount: rows.count, cell: { row, column in
            let position = rows[row]
            let provider = providers[Int(position)]
            let measure = columns[column].measure(provider, position)
            var role = DetailLines.role(measure)
            if column == 0, context.isShortlisted(provider.id) { role = .marked }
            return TableCell(measure.short, role: role)
        }, marker: { row in
            let id = providers[Int(rows[row])].id
            if context.isPending(id) { return "…" }
            return context.isShortlisted(id) ? "✓" : nil
        })
    }
}
