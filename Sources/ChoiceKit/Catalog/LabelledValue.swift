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
    private let keys: ASCIICaseKeys<Value>

    init(extra aliases: [String: Value] = [:]) {
        keys = ASCIICaseKeys(Value.allCases.map { ($0.label, $0) } + aliases.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    func value(for text: String) -> Value? {
        var copy = text
        return copy.withUTF8 { value(forBytes: $0) }
    }

    func value(forBytes cell: UnsafeBufferPointer<UInt8>) -> Value? {
        if let value = keys.value(forBytes: cell) { return value }
        // Non-ASCII capitals are rare in labels; fall back to full case folding.
        guard cell.contains(where: { $0 >= 0x80 }) else { return nil }
        return keys.value(forText: String(decoding: cell, as: UTF8.self))
    }
}
