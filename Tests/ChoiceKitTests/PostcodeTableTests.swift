import Dispatch
import Testing
@testable import ChoiceKit

@Suite("The postcodes' table, made once on any thread")
struct PostcodeTableTests {
    private static let entries = (0..<3_000).map { number in
        Manifest.PostcodeEntry(postcode: "KM\(number / 100) \(number % 10)AB", location: GeoPoint(latitude: 52, longitude: -1),
                               town: "Town \(number)")
    }

    @Test func aLookupBeforeTheTableIsPreparedMakesIt() {
        let table = PostcodeTable(Self.entries)
        #expect(table.entry("KM0 5AB")?.town == "Town 95")
        #expect(table.entry("KM99 9ZZ") == nil)
    }

    @Test func lookupsWhileItIsPreparedElsewhereSeeTheWholeTable() {
        let table = PostcodeTable(Self.entries)
        DispatchQueue.global().async { table.prepare() }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for entry in Self.entries.prefix(200) { #expect(table.entry(entry.postcode) != nil) }
        }
        // A postcode given twice keeps its last entry, as the table always has.
        #expect(table.entry("KM29 9AB")?.town == "Town 2999")
    }
}
