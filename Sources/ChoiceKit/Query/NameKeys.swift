/// Each name's first sixteen folded bytes as two keys (`TextFolding.orderKeys`), by position: what
/// name order sorts on, and what tells two names apart without reading them again.
struct NameKeys: Sendable {
    private(set) var first: [UInt64] = []
    private(set) var second: [UInt64] = []

    init() {}

    init(_ names: [String]) {
        reserveCapacity(names.count)
        for name in names { append(name) }
    }

    var count: Int { first.count }

    mutating func reserveCapacity(_ count: Int) {
        first.reserveCapacity(count)
        second.reserveCapacity(count)
    }

    mutating func append(_ name: String) {
        let keys = TextFolding.orderKeys(name)
        first.append(keys.first)
        second.append(keys.second)
    }

    mutating func append(contentsOf other: NameKeys) {
        first += other.first
        second += other.second
    }
}
