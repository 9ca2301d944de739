import Foundation

/// The providers of a catalog in catalog order (query results are positions in it). Loaded from
/// the files, every provider is in memory; read from a snapshot, each is decoded from the snapshot
/// the first time it is asked for — a list shows forty rows, not 100,000 — and kept.
public struct ProviderTable: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case decoded([Provider])
        case records(SnapshotRecords)
    }

    private let storage: Storage
    public let endIndex: Int

    public init(_ providers: [Provider]) {
        storage = .decoded(providers)
        endIndex = providers.count
    }

    public init(arrayLiteral providers: Provider...) { self.init(providers) }

    init(records: SnapshotRecords) {
        storage = .records(records)
        endIndex = records.count
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> Provider {
        switch storage {
        case .decoded(let providers): return providers[position]
        case .records(let records): return records.provider(at: position)
        }
    }

    public static func == (lhs: ProviderTable, rhs: ProviderTable) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

/// Provider records inside a snapshot, decoded one at a time on first use. The snapshot's
/// checksums were verified before this was made, so every record reads as it was written.
final class SnapshotRecords: @unchecked Sendable {
    private let storage: SnapshotStorage
    private let records: Range<Int>
    private let ends: [UInt32]
    private let strings: StringTable
    private let lock = NSLock()
    private var decoded: [Provider?]

    /// Nil unless the ends rise and the last is the end of the records.
    init?(storage: SnapshotStorage, records: Range<Int>, ends: [UInt32], strings: StringTable) {
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard Int(previous) == records.count else { return nil }
        self.storage = storage
        self.records = records
        self.ends = ends
        self.strings = strings
        decoded = Array(repeating: nil, count: ends.count)
    }

    var count: Int { ends.count }

    func provider(at position: Int) -> Provider {
        if let known = lock.withLock({ decoded[position] }) { return known }
        let provider = decode(position) ?? Self.unreadable(position)
        return lock.withLock {
            if let known = decoded[position] { return known }
            decoded[position] = provider
            return provider
        }
    }

    /// The record at `position`, or nil if it does not read cleanly.
    func decode(_ position: Int) -> Provider? {
        let start = records.lowerBound + (position == 0 ? 0 : Int(ends[position - 1]))
        let end = records.lowerBound + Int(ends[position])
        var reader = SnapshotReader(bytes: storage.bytes, range: start..<end, strings: strings)
        guard let provider = try? ProviderCoding.read(&reader), reader.position == end else { return nil }
        return provider
    }

    /// True when every record reads cleanly (for snapshots read without their checksums).
    func decodeAll() -> Bool {
        (0..<count).allSatisfy { decode($0) != nil }
    }

    /// Stands in for a record that does not read, which verified checksums rule out; a program
    /// that cannot show a provider says so rather than stopping.
    private static func unreadable(_ position: Int) -> Provider {
        Provider(id: "unreadable-\(position)", name: "(this provider could not be read; start Agora again)",
                 sector: .publicSector, organisation: "", commissionerID: "", address: "", town: "", postcode: "",
                 location: GeoPoint(latitude: 0, longitude: 0), phone: nil, website: nil,
                 details: .other(ContractDetails(serviceID: "", serviceDescription: "", contractName: nil, start: nil,
                                                 end: nil, value: nil, valueNote: nil, privateExtras: [], citizenNote: nil)))
    }
}
