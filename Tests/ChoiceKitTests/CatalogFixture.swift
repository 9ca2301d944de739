import CatalogGenerator
@testable import ChoiceKit

/// A small generated catalog held in memory, which tests break one cell at a time.
struct CatalogFixture {
    var files: [String: String]

    init(seed: UInt64 = 7, providers: Int = 60) {
        files = CatalogGenerator.generate(seed: seed, providers: providers)
    }

    var source: InMemoryCatalogSource { InMemoryCatalogSource(texts: files, displayName: "catalog") }

    func check() -> CatalogCheckReport { CatalogLoader.check(source) }

    func load() throws -> Catalog { try Catalog.load(from: source) }

    /// Replaces the cell of `column` on physical line `line` (1 is the header) of `file`.
    mutating func set(_ file: String, line: Int, column: String, to value: String) {
        var lines = (files[file] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = Self.cells(lines[0])
        guard let index = header.firstIndex(of: column) else { fatalError("no column \(column) in \(file)") }
        var cells = Self.cells(lines[line - 1])
        cells[index] = value
        lines[line - 1] = String(CSVWriter.row(cells).dropLast())
        files[file] = lines.joined(separator: "\n")
    }

    /// The value of a cell, for tests that need to know what was there.
    func cell(_ file: String, line: Int, column: String) -> String {
        let lines = (files[file] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = Self.cells(lines[0])
        return Self.cells(lines[line - 1])[header.firstIndex(of: column) ?? 0]
    }

    mutating func replaceText(_ file: String, _ old: String, with new: String) {
        files[file] = files[file]?.replacingOccurrences(of: old, with: new)
    }

    static func cells(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var fields: [CSVField] = []
            _ = try? reader.next(into: &fields)
            return fields.map { field in CSVReader.withFieldBytes(field, in: buffer) { String(decoding: $0, as: UTF8.self) } }
        }
    }
}

import Foundation
