@testable import ChoiceKit
import Testing

/// A `|`-separated cell ("Nursing|Dementia care") cut into its items on bytes.
struct ListCellTests {
    static func items(_ text: String) -> [String] {
        var items: [String] = []
        RowDecoder.forEachItem(of: text) { items.append(String(decoding: $0, as: UTF8.self)) }
        return items
    }

    @Test func itemsAreTrimmedAndEmptyOnesSkipped() {
        #expect(Self.items("Nursing|Dementia care") == ["Nursing", "Dementia care"])
        #expect(Self.items(" a |b|  | c ") == ["a", "b", "c"])
        #expect(Self.items("|a||") == ["a"])
        #expect(Self.items("") == [])
        #expect(Self.items("|") == [])
        #expect(Self.items("   ") == [])
        #expect(Self.items("St Mary’s | Église Saint-Étienne|Ysgol Gymraeg") == ["St Mary’s", "Église Saint-Étienne", "Ysgol Gymraeg"])
        // Tabs and other spaces stay: only the plain space is trimmed, as before.
        #expect(Self.items("\u{00A0}a\u{00A0}|b") == ["\u{00A0}a\u{00A0}", "b"])
    }

    /// The same items as splitting the text as a String would give, for random texts.
    @Test func agreesWithSplittingTheText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", " ", "|", "é", "’", "  ", "||", "x y"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = text.split(separator: "|", omittingEmptySubsequences: false).compactMap { item -> String? in
                var trimmed = Substring(item)
                while trimmed.first == " " { trimmed = trimmed.dropFirst() }
                while trimmed.last == " " { trimmed = trimmed.dropLast() }
                return trimmed.isEmpty ? nil : String(trimmed)
            }
            #expect(Self.items(text) == expected, "\(text)")
        }
    }
}
