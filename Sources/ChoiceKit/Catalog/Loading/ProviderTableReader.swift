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
    /// Each provider's name order keys, made as it was read (the name is then at hand, and the
    /// cores share the work) rather than by a pass over every provider afterwards.
    var nameKeys = NameKeys()
}

/// Reads one provider table (schools.csv, care.csv, gp.csv, other.csv). A large table is read in
/// parts that the cores take as they come free (equal halves left one core idle whenever the
/// other was shared): each part after the first starts, speculatively, after the first line break
/// past its share of the bytes, and is used only if the part before it ends exactly there (a
/// quoted value with a line break across the edge sends the reading on from where it did end).
enum ProviderTableReader {
    /// A table whose header has been read, ready for its rows to be read in parts.
    struct Prepared: Sendable {
        let kind: ProviderKind
        let file: String
        let data: [UInt8]
        let mapping: [Int]
        let headerFields: Int
        let bodyStart: Int
        let bodyLine: Int
        /// Where each part after the first starts, in order (none for a table read whole).
        let splits: [Int]

        var partCount: Int { splits.count + 1 }
    }

    /// A part's share of a table's bytes, at least; a table smaller than two parts is read whole.
    static let partSize = 128 * 1024
    /// Enough parts for the cores to share the work evenly, few enough that joining them is nothing.
    static let maximumParts = 8

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
            let body = bytes.count - reader.offset
            let parts = min(maximumParts, body / partSize)
            var splits: [Int] = []
            for part in 1..<max(1, parts) {
                var index = reader.offset + body / parts * part
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                if index + 1 < bytes.count, index + 1 > (splits.last ?? reader.offset) { splits.append(index + 1) }
            }
            return Prepared(kind: kind, file: file, data: data, mapping: mapping, headerFields: header.count,
                            bodyStart: reader.offset, bodyLine: reader.line, splits: splits)
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
            part.result.nameKeys.reserveCapacity(expected)
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
                    part.result.nameKeys.append(provider.name)
                }
            }
            part.result.problems = row.problems
            part.endOffset = reader.offset
            part.endLine = reader.line
            return part
        }
    }

    /// Reads part `number` of the table: from its start (lines counted from 1 there, but for the
    /// first part) to the next part's.
    static func readPart(_ table: Prepared, number: Int, context: LoadContext) -> Part {
        let start = number == 0 ? table.bodyStart : table.splits[number - 1]
        return readPart(table, from: start, line: number == 0 ? table.bodyLine : 1,
                        until: number < table.splits.count ? table.splits[number] : nil, context: context)
    }

    /// Joins the parts of a table in order; where a part did not end exactly where the next
    /// began (the edge fell inside a record), reads on from where it did end instead.
    static func assemble(_ table: Prepared, parts: [Part], context: LoadContext) -> TableResult {
        guard var result = parts.first?.result else { return TableResult() }
        var end = parts[0].endOffset, endLine = parts[0].endLine
        for number in 1..<max(1, parts.count) {
            let part: Part, shift: Int
            if end == table.splits[number - 1] {
                (part, shift) = (parts[number], endLine - 1)
            } else {
                let limit = number < table.splits.count ? table.splits[number] : nil
                (part, shift) = (readPart(table, from: end, line: endLine, until: limit, context: context), 0)
            }
            result.providers += part.result.providers
            result.lines += part.result.lines.map { $0 + shift }
            result.nameKeys.append(contentsOf: part.result.nameKeys)
            result.problems += part.result.problems.map { problem in
                var moved = problem
                moved.line = problem.line.map { $0 + shift }
                return moved
            }
            (end, endLine) = (part.endOffset, part.endLine + shift)
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
