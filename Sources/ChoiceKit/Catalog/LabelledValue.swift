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

/// A prebuilt case-insensitive lookup for hot loops (loading 100,000 rows).
struct LabelTable<Value: LabelledValue>: Sendable {
    private let byLowercasedLabel: [String: Value]

    init(extra aliases: [String: Value] = [:]) {
        var table: [String: Value] = [:]
        for value in Value.allCases { table[value.label.lowercased()] = value }
        for (alias, value) in aliases { table[alias.lowercased()] = value }
        byLowercasedLabel = table
    }

    func value(for text: String) -> Value? {
        if let exact = byLowercasedLabel[text] { return exact }
        return byLowercasedLabel[text.lowercased()]
    }
}
