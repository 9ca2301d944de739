import Testing
@testable import ChoiceKit

@Suite("Search tokens interned by their bytes")
struct TokenTableTests {
    @Test func eachDistinctTokenHasOneIDAndItsBytes() {
        var table = TokenTable()
        var ids: [String: UInt64] = [:]
        // Enough to grow the table several times, with every token seen twice.
        let words = (0..<20_000).map { "w\($0 % 10_000)x" } + ["", "é", "a", "ab", "abc"]
        for word in words {
            let bytes = Array(word.utf8)
            let id = bytes.withUnsafeBufferPointer { table.intern($0) }
            if let known = ids[word] { #expect(known == id) } else { ids[word] = id }
        }
        #expect(table.count == ids.count)
        #expect(table.count == 10_005)
        for (word, id) in ids {
            let range = table.start(Int(id))..<Int(table.ends[Int(id)])
            #expect(Array(table.bytes[range]) == Array(word.utf8))
        }
    }
}
