import ArgumentParser
import ChoiceKit
import EmbeddedCatalog
import Foundation

/// What the shells offer on Tab for kinds, services, provider ids and postcodes. Ids and
/// postcodes are read straight from the catalog's files — the first column of each provider
/// table, the postcode lines of the manifest — with no checking and no index, so a completion is
/// quick even for a large catalog. The catalog is the one `--catalog DIR` names on the command
/// line being completed, else the built-in one.
enum CatalogCompletion {
    static let kinds = CompletionKind.list(ProviderKind.allCases.map(\.rawValue))
    static let services = CompletionKind.list(["schools", "care", "gp", "waste", "probation", "employment"])

    /// Ids of providers of these kinds (every kind when nil).
    static func ids(of kinds: [ProviderKind]? = nil) -> CompletionKind {
        .custom { words, _, prefix in providerIDs(of: kinds ?? ProviderKind.allCases, words: words, prefix: prefix) }
    }

    /// A filter's fixed choices by their short names, for whichever kind has them
    /// ("primary", "home-care"); the kind is checked when the command runs.
    static func choices(of filter: ProviderFilter) -> CompletionKind {
        .list(Array(Set(ProviderKind.allCases.flatMap { filter.choices(for: $0).map(\.name) })).sorted())
    }

    static let sorts = CompletionKind.list(SortField.allCases.map(\.rawValue))
    static let formats = CompletionKind.list(["table", "csv", "json"])

    /// Postcodes, written without their space ("KM19UY") so every shell takes each as one word;
    /// Agora reads them either way.
    static let postcodes = CompletionKind.custom { words, _, prefix in postcodes(words: words, prefix: prefix) }

    /// Organisations of the kind `--kind` names (every kind without it), by their short names
    /// ("ivyley-schools-trust"), which `--organisation` takes as it takes the full name.
    static let organisations = CompletionKind.custom { words, _, prefix in
        names(inColumn: "organisation", of: kind(in: words).map { [$0] } ?? ProviderKind.allCases, words: words, prefix: prefix)
    }

    /// Schools' faiths by their short names ("roman-catholic").
    static let faiths = CompletionKind.custom { words, _, prefix in
        names(inColumn: "religious_character", of: [.school], words: words, prefix: prefix)
    }

    /// The distinct values of a provider table's column, as short names.
    static func names(inColumn column: String, of kinds: [ProviderKind], words: [String], prefix: String) -> [String] {
        let source = catalogSource(words: words)
        let wanted = ProviderFilter.slug(prefix)
        var names: Set<String> = []
        for kind in kinds {
            guard case .bytes(let bytes) = source.read(kind.defaultFileName) else { continue }
            let rows = lines(bytes)
            guard let header = rows.first, let position = cells(header).firstIndex(of: column) else { continue }
            for row in rows.dropFirst() {
                let row = cells(row)
                guard position < row.count else { continue }
                let name = ProviderFilter.slug(row[position])
                if !name.isEmpty, name.hasPrefix(wanted) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// The kind `--kind` names on the line being completed.
    private static func kind(in words: [String]) -> ProviderKind? {
        guard let at = words.firstIndex(of: "--kind"), at + 1 < words.count else { return nil }
        return ProviderKind(rawValue: unquoted(words[at + 1]).lowercased())
    }

    static func providerIDs(of kinds: [ProviderKind], words: [String], prefix: String) -> [String] {
        let source = catalogSource(words: words)
        let wanted = prefix.uppercased()
        var ids: [String] = []
        for kind in kinds {
            guard case .bytes(let bytes) = source.read(kind.defaultFileName) else { continue }
            for line in lines(bytes).dropFirst() {
                let id = firstField(line)
                if !id.isEmpty, id.uppercased().hasPrefix(wanted) { ids.append(id) }
            }
        }
        return ids
    }

    static func postcodes(words: [String], prefix: String) -> [String] {
        guard case .bytes(let bytes) = catalogSource(words: words).read("manifest.json") else { return [] }
        let wanted = compact(prefix)
        var found: [String] = []
        // The manifest lists one postcode a line: ["KM1 2AB", 52.63012, -1.12045, "Town"].
        for line in lines(bytes) {
            let text = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard text.starts(with: Array("[\"".utf8)) else { continue }
            let postcode = text.dropFirst(2).prefix { $0 != UInt8(ascii: "\"") }
            let canonical = PostcodeFormat.normalise(String(decoding: postcode, as: UTF8.self))
            guard PostcodeFormat.isWellFormed(canonical) else { continue }
            let short = compact(canonical)
            if short.hasPrefix(wanted) { found.append(short) }
        }
        return found
    }

    /// `--catalog DIR` (or `--catalog=DIR`) from the words being completed, else the built-in catalog.
    static func catalogSource(words: [String]) -> any CatalogSource {
        var directory: String?
        for (index, word) in words.enumerated() {
            if word == "--catalog", index + 1 < words.count {
                directory = words[index + 1]
            } else if word.hasPrefix("--catalog=") {
                directory = String(word.dropFirst("--catalog=".count))
            }
        }
        guard var path = directory.map(unquoted), !path.isEmpty else { return EmbeddedCatalog.source }
        if path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            path = home + path.dropFirst()
        }
        return DirectoryCatalogSource(directory: path)
    }

    /// Shells pass words as typed: 'my dir', "my dir" and my\ dir all mean the same directory.
    private static func unquoted(_ word: String) -> String {
        if word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first {
            return String(word.dropFirst().dropLast())
        }
        return word.replacingOccurrences(of: "\\ ", with: " ")
    }

    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    }

    /// A CSV line's first cell; ids are plain, but a quoted one is read too.
    private static func firstField(_ line: ArraySlice<UInt8>) -> String {
        var cell = line.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\r") }
        if cell.first == UInt8(ascii: "\"") { cell = cell.dropFirst().prefix { $0 != UInt8(ascii: "\"") } }
        return String(decoding: cell, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// A CSV line's cells: quoted cells may hold commas and doubled quotes.
    private static func cells(_ line: ArraySlice<UInt8>) -> [String] {
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var bytes = line.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "\""):
                if quoted, let next = bytes.next() {
                    if next == UInt8(ascii: "\"") { cell.append(next); continue }
                    quoted = false
                    if next == UInt8(ascii: ",") { cells.append(String(decoding: cell, as: UTF8.self)); cell = [] } else if next != UInt8(ascii: "\r") { cell.append(next) }
                } else {
                    quoted.toggle()
                }
            case UInt8(ascii: ",") where !quoted:
                cells.append(String(decoding: cell, as: UTF8.self))
                cell = []
            case UInt8(ascii: "\r") where !quoted:
                continue
            default:
                cell.append(byte)
            }
        }
        cells.append(String(decoding: cell, as: UTF8.self))
        return cells
    }

    private static func compact(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
    }
}
