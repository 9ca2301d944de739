import ChoiceKit
import Foundation

/// Damage of the kinds real files suffer and hostile files carry: flipped and stray bytes, cut-off
/// rows and quotes, numbers and fields far too large, NUL and invalid UTF-8, escape sequences and
/// reordering characters, broken headers, duplicated rows, a manifest of the wrong shape, and
/// directories, pipes and devices where files should be. Each returns its name, for reports.
enum CatalogMutations {
    static func apply(_ files: inout [String: FuzzFile], _ random: inout FuzzRandom) -> String {
        let names = files.keys.sorted()
        let name = random.chance(2, in: 5) ? CatalogLoader.manifestFileName : random.pick(names)
        if random.chance(1, in: 40) {
            let kind = random.pick(SpecialFile.allCases)
            files[name] = .special(kind)
            return "\(name): \(kind.rawValue) in its place"
        }
        if random.chance(1, in: 80) {
            files[name] = nil
            return "\(name): removed"
        }
        guard case .bytes(var bytes)? = files[name] else { return "\(name): already not a file" }
        let what: String
        if name == CatalogLoader.manifestFileName, random.chance(1, in: 3) {
            what = ManifestMutations.apply(&bytes, &random)
        } else {
            what = ByteMutations.apply(&bytes, &random, table: name != CatalogLoader.manifestFileName)
        }
        files[name] = .bytes(bytes)
        return "\(name): \(what)"
    }
}

/// Mutations on the bytes of any file; `table` adds the ones that only mean something in CSV.
enum ByteMutations {
    static let hugeNumbers = ["1000000000000", "99999999999999999999999999999999", "-99999999999999999999.5", "1e400",
                              "-1e309", "nan", "inf", "-0", "0.000000001", "18446744073709551616", "9223372036854775808",
                              String(repeating: "9", count: 400), "1" + String(repeating: "0", count: 30) + ".5"]
    static let hostileTexts: [[UInt8]] = [
        [0x1B] + Array("[31m".utf8), [0x1B] + Array("]2;owned".utf8) + [0x07], [0x00], [0xC2, 0x9B], [0x7F], [0x09],
        Array("\u{202E}".utf8), Array("\u{2028}".utf8), Array("\u{FEFF}".utf8), Array("\u{200F}".utf8),
        Array("\u{2067}".utf8), Array("👨‍👩‍👧".utf8), Array("\u{0301}".utf8), Array("中".utf8),
    ]
    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82],
                                         [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]
    static let structural: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: ","), 0x0A, 0x0D, UInt8(ascii: "|"), UInt8(ascii: "["),
                                      UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\\")]

    static func apply(_ bytes: inout [UInt8], _ random: inout FuzzRandom, table: Bool) -> String {
        guard !bytes.isEmpty else {
            bytes = Array("id,name\n".utf8)
            return "emptied, then a bare header"
        }
        let position = random.below(bytes.count)
        switch random.below(table ? 16 : 12) {
        case 0:
            let bit = random.below(8)
            bytes[position] ^= 1 << UInt8(bit)
            return "bit \(bit) of byte \(position) flipped"
        case 1:
            bytes[position] = random.chance(1, in: 2) ? UInt8(truncatingIfNeeded: random.next()) : random.pick(structural)
            return "byte \(position) replaced"
        case 2:
            let length = 1 + random.below(64)
            let from = random.below(bytes.count)
            let chunk = Array(bytes[from..<min(bytes.count, from + length)])
            bytes.insert(contentsOf: chunk, at: position)
            return "\(chunk.count) bytes copied in at \(position)"
        case 3:
            let end = min(bytes.count, position + 1 + random.below(200))
            bytes.removeSubrange(position..<end)
            return "bytes \(position)..<\(end) deleted"
        case 4:
            bytes.removeSubrange(position...)
            return "cut at \(position)"
        case 5:
            // Just after a quote, or in the middle of a row.
            let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
            let cut = quotes.isEmpty ? position : random.pick(quotes) + 1
            bytes.removeSubrange(min(cut, bytes.count)...)
            return "cut after a quote at \(cut)"
        case 6:
            return replaceNumber(&bytes, &random)
        case 7:
            let length = random.chance(1, in: 40) ? 1_000_000 : 1_000 + random.below(100_000)
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: length), at: position)
            return "\(length) bytes of text at \(position)"
        case 8:
            bytes.insert(contentsOf: random.pick(invalidUTF8), at: position)
            return "invalid UTF-8 at \(position)"
        case 9:
            bytes.insert(contentsOf: random.pick(hostileTexts), at: position)
            return "control or invisible character at \(position)"
        case 10:
            // A line repeated elsewhere (duplicate ids, a second header).
            let lines = lineStarts(bytes)
            let line = random.pick(lines)
            let end = bytes[line...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: Array(bytes[line..<end]), at: random.pick(lines))
            return "a line duplicated"
        case 11:
            let lines = lineStarts(bytes)
            let from = random.pick(lines), to = random.pick(lines)
            guard from != to else { return "nothing moved" }
            let end = bytes[from...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = Array(bytes[from..<end])
            bytes.removeSubrange(from..<end)
            bytes.insert(contentsOf: line, at: min(to, bytes.count))
            return "a line moved"
        default:
            return changeHeader(&bytes, &random)
        }
    }

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        [0] + bytes.indices.filter { bytes[$0] == 0x0A && $0 + 1 < bytes.count }.map { $0 + 1 }
    }

    /// A run of digits replaced by a number far out of range (or not a finite number at all).
    private static func replaceNumber(_ bytes: inout [UInt8], _ random: inout FuzzRandom) -> String {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard (48...57).contains(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
            runs.append(start..<index)
        }
        guard !runs.isEmpty else { return "no number to replace" }
        let run = random.pick(runs)
        let number = random.chance(1, in: 3) ? String((0..<(12 + random.below(30))).map { _ in Character(String(random.below(10))) })
            : random.pick(hugeNumbers)
        bytes.replaceSubrange(run, with: Array(number.utf8))
        return "a number replaced by \(number.prefix(20))"
    }

    /// The header row: a name duplicated, emptied, dropped, given an escape sequence, or two swapped.
    private static func changeHeader(_ bytes: inout [UInt8], _ random: inout FuzzRandom) -> String {
        let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
        var names = String(decoding: bytes[..<end], as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard names.count > 1 else { return "no header to change" }
        let at = random.below(names.count), other = random.below(names.count)
        let what: String
        switch random.below(6) {
        case 0: names[at] = names[other]; what = "a column named twice"
        case 1: names[at] = ""; what = "a column without a name"
        case 2: names.remove(at: at); what = "a column name dropped"
        case 3: names[at] += "\u{1B}[2J"; what = "an escape sequence in a column name"
        case 4: names.swapAt(at, other); what = "two column names swapped"
        default: names[at] = names[at].uppercased() + " "; what = "a column name in capitals"
        }
        bytes.replaceSubrange(..<end, with: Array(names.joined(separator: ",").utf8))
        return what
    }
}
