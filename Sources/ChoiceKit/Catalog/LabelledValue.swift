/// A value written in catalog files by its label ("Requires improvement", "Free school").
/// Matching ignores case, so a spreadsheet's capitalisation does not matter.
public protocol LabelledValue: CaseIterable, Hashable, Sendable {
    var label: String { get }
}

extension LabelledValue {
    public init?(label: String) {
        let lowered = label.lowercased()
        guard let match = Self.allCases.first(where: { $0.label.lowercased() == lowered }) else { return nil }
        self = match
    }

    /// The allowed labels, for "use one of …" messages.
    public static var labelList: String { allCases.map { "\"\($0.label)\"" }.joined(separator: ", ") }
}

/// A prebuilt case-insensitive matcher for hot loops (loading 100,000 rows): compares a cell's
/// bytes with each label's, with no String made and nothing hashed.
struct LabelTable<Value: LabelledValue>: Sendable {
    private let entries: [(bytes: [UInt8], value: Value)]

    init(extra aliases: [String: Value] = [:]) {
        var entries = Value.allCases.map { (Array($0.label.lowercased().utf8), $0) }
        for (alias, value) in aliases.sorted(by: { $0.key < $1.key }) { entries.append((Array(alias.lowercased().utf8), value)) }
        self.entries = entries
    }

    func value(for text: String) -> Value? {
        var copy = text
        return copy.withUTF8 { value(forBytes: $0) }
    }

    func value(forBytes cell: UnsafeBufferPointer<UInt8>) -> Value? {
        for entry in entries where entry.bytes.count == cell.count {
            var equal = true
            for index in 0..<cell.count {
                var byte = cell[index]
                if byte >= 65, byte <= 90 { byte += 32 }
                if byte != entry.bytes[index] { equal = false; break }
            }
            if equal { return entry.value }
        }
        // Non-ASCII capitals are rare in labels; fall back to full case folding.
        if cell.contains(where: { $0 >= 0x80 }) {
            let lowered = Array(String(decoding: cell, as: UTF8.self).lowercased().utf8)
            return entries.first { $0.bytes == lowered }?.value
        }
        return nil
    }
}
