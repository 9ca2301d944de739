/// What a provider table needs from the manifest to check its rows.
struct LoadContext: Sendable {
    let postcodes: [String: Manifest.PostcodeEntry]
    let commissionerIDs: Set<String>
    let services: [String: ProviderKind]
    let area: Manifest.Area
    let areaLimitMetres: Double

    init(manifest: Manifest) {
        var postcodes: [String: Manifest.PostcodeEntry] = [:]
        postcodes.reserveCapacity(manifest.postcodes.count)
        for entry in manifest.postcodes { postcodes[entry.postcode] = entry }
        self.postcodes = postcodes
        commissionerIDs = Set(manifest.commissioners.map(\.id))
        var services: [String: ProviderKind] = [:]
        for service in manifest.services { services[service.id] = service.kind }
        self.services = services
        area = manifest.area
        areaLimitMetres = AreaBounds.areaLimitMetres(radiusKilometres: manifest.area.radiusKilometres)
    }
}

/// The rows of one provider table that loaded, with the line each came from.
struct TableResult: Sendable {
    var providers: [Provider] = []
    var lines: [Int] = []
    var problems: [CatalogProblem] = []
}

/// Reads one provider table (schools.csv, care.csv, gp.csv, other.csv).
enum ProviderTableReader {
    static func read(kind: ProviderKind, file: String, data: [UInt8], context: LoadContext) -> TableResult {
        data.withUnsafeBufferPointer { buffer in read(kind: kind, file: file, bytes: buffer, context: context) }
    }

    private static func read(kind: ProviderKind, file: String, bytes: UnsafeBufferPointer<UInt8>,
                             context: LoadContext) -> TableResult {
        var result = TableResult()
        let layout = TableLayout.forKind(kind)
        var reader = CSVReader(bytes: bytes)
        var header: [CSVField] = []
        do {
            guard try reader.next(into: &header) != nil else {
                result.problems.append(CatalogProblem(file: file, line: 1, field: "(header)", message: "the file is empty",
                                                      fix: "start it with the header row: \(layout.names.prefix(4).joined(separator: ","))…"))
                return result
            }
        } catch {
            result.problems.append(syntaxProblem(error, file: file))
            return result
        }
        guard let mapping = mapHeader(header, bytes: bytes, layout: layout, file: file, problems: &result.problems) else {
            return result
        }
        var row = RowDecoder(file: file, bytes: bytes, fieldForColumn: mapping)
        let decoder = ProviderRowDecoder(layout: layout, context: context)
        row.fields.reserveCapacity(layout.names.count)
        // Rough guess of the row count from the file size, to avoid regrowing arrays.
        result.providers.reserveCapacity(bytes.count / 300)
        result.lines.reserveCapacity(bytes.count / 300)
        while true {
            let line: Int?
            do {
                line = try reader.next(into: &row.fields)
            } catch {
                row.appendProblems([syntaxProblem(error, file: file)])
                break
            }
            guard let line else { break }
            row.startRow(line: line)
            if row.fields.count != header.count {
                row.problem("(row)", "has \(row.fields.count) fields but the header has \(header.count)",
                            "check for a missing or extra comma, or an unquoted comma inside a value")
                continue
            }
            if let provider = decoder.decode(&row), row.rowErrorCount == 0 {
                result.providers.append(provider)
                result.lines.append(line)
            }
        }
        result.problems.append(contentsOf: row.problems)
        return result
    }

    /// Maps each layout column to its position in the header. Unknown columns are warnings; missing
    /// required columns are errors and stop the table (every row would fail the same way).
    private static func mapHeader(_ header: [CSVField], bytes: UnsafeBufferPointer<UInt8>, layout: TableLayout,
                                  file: String, problems: inout [CatalogProblem]) -> [Int]? {
        var mapping = [Int](repeating: -1, count: layout.names.count)
        var seen: [String: Int] = [:]
        for (index, field) in header.enumerated() {
            let name = CSVReader.withFieldBytes(field, in: bytes) { String(decoding: $0, as: UTF8.self) }
                .trimming(" \t").lowercased()
            if let earlier = seen[name] {
                problems.append(CatalogProblem(file: file, line: 1, field: name,
                                               message: "the column appears twice (columns \(earlier + 1) and \(index + 1))",
                                               fix: "remove one of them"))
                continue
            }
            seen[name] = index
            let position = layout.column(name).position
            if position >= 0 {
                mapping[position] = index
            } else {
                problems.append(CatalogProblem(
                    file: file, line: 1, field: TextSafety.inert(name), message: "unknown column, ignored",
                    fix: "check the spelling against catalog/README.md, or remove the column", severity: .warning))
            }
        }
        var missing = false
        for name in layout.names where layout.required.contains(name) && mapping[layout.column(name).position] < 0 {
            problems.append(CatalogProblem(file: file, line: 1, field: name, message: "required column is missing",
                                           fix: "add a \"\(name)\" column to the header row"))
            missing = true
        }
        return missing ? nil : mapping
    }

    private static func syntaxProblem(_ error: CSVSyntaxError, file: String) -> CatalogProblem {
        switch error {
        case .unterminatedQuote(let line):
            return CatalogProblem(file: file, line: line, field: "(row)", message: "a quoted value is never closed",
                                  fix: "add the closing \" (write a quote inside a value as \"\")")
        case .textAfterClosingQuote(let line):
            return CatalogProblem(file: file, line: line, field: "(row)", message: "text follows a closing quote",
                                  fix: "quote the whole value, writing quotes inside it as \"\"")
        }
    }
}

extension String {
    func trimming(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
