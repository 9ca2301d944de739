import Testing
@testable import ChoiceKit

@Suite("Search tokens interned by their bytes")
struct TokenTableTests {
    @Test func eachDistinctTokenHasOneIDAndItsBytes() {
        var table = TokenTable()
        var ids: [String: UInt64] = [:]
        // Enough to grow the table several times, with every token seen twice.
        // Runs of every length from 0 to 12, some alike but for their length or a zero byte.
        let words = (0..<20_000).map { "w\($0 % 10_000)x" } + (0..<4_000).map { "longer word \($0 % 2_000)" }
            + ["", "é", "a", "ab", "abc", "a\u{0}", "\u{0}", "\u{0}\u{0}", "abcdefgh", "abcdefghi", "abcdefg\u{0}"]
            + (0...12).map { String(repeating: "z", count: $0) }
        for word in words {
            let bytes = Array(word.utf8)
            let id = bytes.withUnsafeBufferPointer { table.intern($0) }
            if let known = ids[word] { #expect(known == id) } else { ids[word] = id }
        }
        #expect(table.count == ids.count)
        #expect(table.count == 10_000 + 2_000 + 11 + 12)
        for (word, id) in ids {
            let range = table.start(Int(id))..<Int(table.ends[Int(id)])
            #expect(Array(table.bytes[range]) == Array(word.utf8))
        }
    }

    /// The search index orders tokens by a radix sort on their first eight bytes, then by bytes
    /// within runs sharing those: the order must be the plain byte order.
    @Test func tokensAreOrderedByTheirBytes() {
        var table = TokenTable()
        var random = SystemRandomNumberGenerator()
        let stems = ["", "a", "abcdefgh", "abcdefghij", "stmary", "caf\u{E9}", "\u{F8}rsted", "1234567"]
        for _ in 0..<6_000 {
            let stem = stems.randomElement(using: &random) ?? ""
            let tail = (0..<Int.random(in: 0...12, using: &random)).map { _ in "ab9\u{E9}z".randomElement(using: &random) ?? "a" }
            let token = Array((stem + String(tail)).utf8)
            guard !token.isEmpty else { continue }
            _ = token.withUnsafeBufferPointer { table.intern($0) }
        }
        #expect(table.count > 2_048)
        let expected = (0..<table.count).sorted { first, second in
            table.bytes[table.start(first)..<Int(table.ends[first])]
                .lexicographicallyPrecedes(table.bytes[table.start(second)..<Int(table.ends[second])])
        }
        #expect(SearchIndex.byteOrder(table) == expected)
    }
}
