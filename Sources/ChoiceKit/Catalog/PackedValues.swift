/// Small sets and maps of enum values packed into one integer, so a provider record needs no heap
/// array for them (at 100,000 providers those arrays were a third of the memory).
public struct EnumSet<Element: IndexedCase>: Hashable, Sendable {
    private var bits: UInt32 = 0

    public init() {}

    public init(_ elements: some Sequence<Element>) {
        for element in elements { insert(element) }
    }

    private static func bit(_ element: Element) -> UInt32 {
        1 << UInt32(element.caseIndex)
    }

    public mutating func insert(_ element: Element) { bits |= Self.bit(element) }
    public func contains(_ element: Element) -> Bool { bits & Self.bit(element) != 0 }
    public var isEmpty: Bool { bits == 0 }
    /// In declaration order.
    public var elements: [Element] { Element.allCases.filter(contains) }
}

/// An optional grade per case of `Key`, four bits each (enough for scales up to 15).
struct PackedGrades<Key: IndexedCase>: Hashable, Sendable {
    private var bits: UInt64 = 0

    init() {}

    private static func shift(_ key: Key) -> UInt64 { UInt64(key.caseIndex * 4) }

    subscript(key: Key) -> Int? {
        get {
            let value = Int((bits >> Self.shift(key)) & 0xF)
            return value == 0 ? nil : value
        }
        set {
            bits &= ~(0xF << Self.shift(key))
            if let newValue { bits |= UInt64(newValue & 0xF) << Self.shift(key) }
        }
    }
}
