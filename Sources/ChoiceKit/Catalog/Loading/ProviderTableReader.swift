/// What a provider table needs from the manifest to check its rows.
struct LoadContext: Sendable {
    let postcodes: [String: Manifest.PostcodeEntry]
    let commissionerIDs: Set<String>
    /// The ids as a message lists them (a few, then "and N more").
    let commissionerChoices: String
    let services: [String: ProviderKind]
    let area: Manifest.Area
    let areaLimitMetres: Double

    init(manifest: Manifest) {
        var postcodes: [String: Manifest.PostcodeEntry] = [:]
        postcodes.reserveCapacity(manifest.postcodes.count)
        for entry in manifest.postcodes { postcodes[entry.postcode] = entry }
        self.postcodes = postcodes
        commissionerIDs = Set(manifest.commissioners.map(\.id))
        commissionerChoices = MessageText.list(commissionerIDs.sorted())
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

/// Reads one provider table (schools.csv, care.csv, gp.csv, other.csv). A large table is read in
/// two halves on two threads: the second half starts, speculatively, after the first line break
/// past the middle, and is used only if the first half's last record ends exactly there (a quoted
/// value with a line break across the middle sends the first half on to the end instead).
enum ProviderTableReader {
    /// A table whose header has been read, ready for its rows to be read in one or two parts.
    struct Prepared: Sendable {
        let kind: ProviderKind
        let file: String
        let data: [UInt8]
        let mapping: [Int]
        let headerFields: Int
        let bodyStart: Int
        let bodyLine: Int
        /// Where the second half starts, if the table is split.
        let split: Int?
    }

    /// Tables smaller than this are read in one piece.
    static let splitSize = 256 * 1024

    /// Reads the header; nil (with the problems in `problems`) when the rows cannot be read.
    static func prepare(kind: ProviderKind, file: String, data: [UInt8], problems: inout [CatalogProblem]) -> Prepared? {
        data.withUnsafeBufferPointer { bytes -> Prepared? in
            let layout = TableLayout.forKind(kind)
            var reader = CSVReader(bytes: bytes)
            var header: [CSVField] = []
            do {
                guard try reader.next(into: &header) != nil else {
                    problems.append(CatalogProblem(file: file, line: 1, field: "(header)", message: "the file is empty",
                                                   fix: "start it with the header row: \(layout.names.prefix(4).joined(separator: ","))…"))
                    return nil
                }
            } catch {
                problems.append(syntaxProblem(error, file: file))
                return nil
            }
            guard let mapping = mapHeader(header, bytes: bytes, layout: layout, file: file, problems: &problems) else { return nil }
            var split: Int?
            if bytes.count - reader.offset >= splitSize {
                var index = reader.offset + (bytes.count - reader.offset) / 2
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                if index + 1 < bytes.count { split = index + 1 }
            }
            return Prepared(kind: kind, file: file, data: data, mapping: mapping, headerFields: header.count,
                            bodyStart: reader.offset, bodyLine: reader.line, split: split)
        }
    }

    /// The rows read from one part of a table, and where reading stopped.
    struct Part: Sendable {
        var result = TableResult()
        var endOffset = 0
        var endLine = 0
    }

    /// Reads records starting at `start` (on `line`) until the data ends or a record would start at
    /// or after `limit`.
    static func readPart(_ table: Prepared, from start: Int, line: Int, until limit: Int?, context: LoadContext) -> Part {
        table.data.withUnsafeBufferPointer { bytes in
            var part = Part()
            var reader = CSVReader(bytes: bytes, from: start, line: line)
            var row = RowDecoder(file: table.file, bytes: bytes, fieldForColumn: table.mapping)
            let layout = TableLayout.forKind(table.kind)
            let decoder = ProviderRowDecoder(layout: layout, context: context)
            row.fields.reserveCapacity(layout.names.count)
            // Rough guess of the row count from the size, to avoid regrowing arrays.
            let expected = ((limit ?? bytes.count) - start) / 300
            part.result.providers.reserveCapacity(expected)
            part.result.lines.reserveCapacity(expected)
            while limit.map({ reader.offset < $0 }) ?? true {
                let recordLine: Int?
                do {
                    recordLine = try reader.next(into: &row.fields)
                } catch {
                    row.appendProblems([syntaxProblem(error, file: table.file)])
                    break
                }
                guard let recordLine else { break }
                row.startRow(line: recordLine)
                if row.fields.count != table.headerFields {
                    row.problem("(row)", "has \(row.fields.count) fields but the header has \(table.headerFields)",
                                "check for a missing or extra comma, or an unquoted comma inside a value")
                    continue
                }
                if let provider = decoder.decode(&row), row.rowErrorCount == 0 {
                    part.result.providers.append(provider)
                    part.result.lines.append(recordLine)
                }
            }
            part.result.problems = row.problems
            part.endOffset = reader.offset
            part.endLine = reader.line
            return part
        }
    }

    /// Joins the parts of a table, or, if the split fell inside a record, reads on from where the
    /// first part stopped.
    static func assemble(_ table: Prepared, first: Part, second: Part?, context: LoadContext) -> TableResult {
        var result = first.result
        guard let split = table.split, let second else { return result }
        if first.endOffset == split {
            let shift = first.endLine - 1
            result.providers += second.result.providers
            result.lines += second.result.lines.map { $0 + shift }
            result.problems += second.result.problems.map { problem in
                var moved = problem
                moved.line = problem.line.map { $0 + shift }
                return moved
            }
        } else {
            let rest = readPart(table, from: first.endOffset, line: first.endLine, until: nil, context: context)
            result.providers += rest.result.providers
            result.lines += rest.result.lines
            result.problems += rest.result.problems
        }
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
            // A column without a name is named by its position, so the message points somewhere.
            let shownName = name.isEmpty ? "(column \(index + 1))" : MessageText.excerpt(name)
            if name.isEmpty {
                problems.append(CatalogProblem(
                    file: file, line: 1, field: shownName, message: "the column has no name, so it is ignored",
                    fix: "name it (see catalog/README.md), or remove the column", severity: .warning))
                continue
            }
            if let earlier = seen[name] {
                problems.append(CatalogProblem(file: file, line: 1, field: shownName,
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
                    file: file, line: 1, field: shownName, message: "unknown column, ignored",
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

    private static func syntaxProblem(_ anyError: any Error, file: String) -> CatalogProblem {
        guard let error = anyError as? CSVSyntaxError else {
            return CatalogProblem(file: file, line: nil, field: "(file)", message: "could not be read as CSV",
                                  fix: "check that it is a CSV file saved as UTF-8")
        }
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
