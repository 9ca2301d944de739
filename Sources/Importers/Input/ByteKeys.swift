import ChoiceKit

/// Values looked up by a cell's text ignoring case, matched on the cell's bytes: GIAS's named
/// columns (type, phase, gender, status…) are read tens of thousands of times, and a String made,
/// lowered and hashed per cell was a good part of a row's reading. A cell that is not plain
/// printable ASCII is left to the caller's text path (`needsText`), which decodes it and notes any
/// byte its encoding lacks.
struct ByteKeys<Value: Sendable>: Sendable {
    private let keys: ASCIICaseKeys<Value>

    init(_ values: [String: Value]) {
        keys = ASCIICaseKeys(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    enum Match {
        case found(Value)
        case absent
        case needsText
    }

    func match(_ cell: UnsafeBufferPointer<UInt8>) -> Match {
        for byte in cell where byte < 0x20 || byte > 0x7E { return .needsText }
        return keys.value(forBytes: cell).map(Match.found) ?? .absent
    }

    /// The value for a decoded text, as a dictionary of the lower-cased keys would give it.
    func value(forText text: String) -> Value? { keys.value(forText: text) }
}
