import ChoiceKit

/// A column an import reads, found in the header by any of its names, whatever the case: the
/// national files rename and reorder columns between releases ("Local Authority" became "Local
/// authority"; NSPL's `oseast1m` became `east1m`).
struct ColumnSpec {
    let key: String
    /// The name messages use: the first one given, as the publisher spells it.
    let shownName: String
    /// Lower-case names to match exactly.
    let names: [String]
    /// Lower-case prefixes that also match ("cqc location id" matches "CQC Location ID (for office use only)").
    var prefixes: [String] = []
    /// A pattern for year-suffixed names: `lad` + two digits + `cd` matches `lad26cd`.
    var yearSuffixed: (prefix: String, suffix: String)?
    let required: Bool

    init(_ key: String, names: [String], prefixes: [String] = [], yearSuffixed: (prefix: String, suffix: String)? = nil,
         required: Bool = false) {
        self.key = key
        shownName = names.first ?? key
        self.names = names.map { $0.lowercased() }
        self.prefixes = prefixes.map { $0.lowercased() }
        self.yearSuffixed = yearSuffixed
        self.required = required
    }

    func matches(_ lowered: String) -> Bool {
        if names.contains(lowered) { return true }
        if prefixes.contains(where: { lowered.hasPrefix($0) }) { return true }
        if let pattern = yearSuffixed, lowered.hasPrefix(pattern.prefix), lowered.hasSuffix(pattern.suffix) {
            let middle = lowered.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count)
            return middle.count == 2 && middle.allSatisfy(\.isNumber)
        }
        return false
    }
}

/// Where each wanted column is in a file's header.
struct HeaderColumns {
    let line: Int
    let fieldCount: Int
    private let positions: [String: Int]

    subscript(key: String) -> Int? { positions[key] }

    func has(_ key: String) -> Bool { positions[key] != nil }

    /// Tries `record` as the header. Nil when it names fewer than two of the required columns
    /// (a preamble line, or a data row); a failure when it names some required columns but not all.
    static func match(_ record: CSVRecord, specs: [ColumnSpec], file: ImportFile, format: String) throws(ImportFailure) -> HeaderColumns? {
        var names: [String] = []
        names.reserveCapacity(record.count)
        for index in 0..<record.count {
            names.append(record.withTrimmedField(index) { String(decoding: $0, as: UTF8.self) }.lowercased())
        }
        var positions: [String: Int] = [:]
        for spec in specs {
            if let position = names.firstIndex(where: spec.matches) { positions[spec.key] = position }
        }
        let required = specs.filter(\.required)
        let found = required.filter { positions[$0.key] != nil }
        guard found.count >= min(2, required.count) else { return nil }
        let missing = required.filter { positions[$0.key] == nil }
        if !missing.isEmpty {
            let list = missing.map { "\"\($0.shownName)\"" }
            throw ImportFailure.at(file, line: record.line,
                                   "the header has no \(list.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s")",
                                   "this import needs \(required.map { "\"\($0.shownName)\"" }.joined(separator: ", ")); give \(format) as published")
        }
        return HeaderColumns(line: record.line, fieldCount: record.count, positions: positions)
    }
}
