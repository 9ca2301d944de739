import Foundation
import Testing
@testable import ChoiceKit

@Suite("Folding names for search and order")
struct TextFoldingTests {
    /// Names that are ASCII apart from punctuation skip Foundation's folding: what is made of them
    /// must be what is made of them folded.
    @Test func punctuationBeyondASCIIFoldsAsFoundationWould() {
        let names = ["St Mary’s Church of England Primary", "“Hope” Academy – East", "Ashby‐de‐la‐Zouch … Centre",
                     "King’s School — Upper", "O‘Brien’s Day Centre"]
        for name in names {
            #expect(TextFolding.isASCIIApartFromPunctuation(name), "\(name)")
            let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            #expect(TextFolding.tokens(name) == TextFolding.tokens(folded), "\(name)")
            #expect(TextFolding.foldedForOrder(name) == TextFolding.foldedForOrder(folded), "\(name)")
            #expect(TextFolding.sortKey(name) == TextFolding.sortKey(folded), "\(name)")
        }
        #expect(TextFolding.tokens("St Mary’s") == ["st", "marys"])
    }

    /// The keys names are ordered by are the first sixteen bytes of the folded name.
    @Test func orderKeysAreTheFoldedNamesFirstSixteenBytes() {
        for name in ["", "A", "St Mary’s C of E Primary School", "  --Hope--  Academy", "Belvédère Straße 12", "O'Brien's",
                     "123456789012345678", "Ørsted Ærø"] {
            let folded = TextFolding.foldedForOrder(name)
            func key(from start: Int) -> UInt64 {
                (start..<(start + 8)).reduce(UInt64(0)) { $0 << 8 | UInt64($1 < folded.count ? folded[$1] : 0) }
            }
            let keys = TextFolding.orderKeys(name)
            #expect(keys.first == key(from: 0) && keys.second == key(from: 8), "\(name)")
        }
    }

    @Test func accentsAndOtherScriptsStillFold() {
        for name in ["Belvédère", "ÉCOLE", "Straße", "Ørsted", "naïve ™ — x"] {
            #expect(!TextFolding.isASCIIApartFromPunctuation(name), "\(name)")
        }
        #expect(TextFolding.tokens("Belvédère ÉCOLE") == ["belvedere", "ecole"])
        #expect(TextFolding.foldedForOrder("Belvédère") == Array("belvedere".utf8))
    }

    /// Tokens cut one byte at a time, as simply as can be: what the search index's tokeniser must
    /// agree with, on texts mixing letters, digits, apostrophes, accents, symbols and long words.
    @Test func tokensAgreeWithAPlainReading() {
        func plainTokens(_ text: String) -> [String] {
            var tokens: [[UInt8]] = [[]]
            let bytes = Array(TextFolding.folded(text).utf8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if (65...90).contains(byte) {
                    tokens[tokens.count - 1].append(byte + 32)
                } else if (97...122).contains(byte) || (48...57).contains(byte) {
                    tokens[tokens.count - 1].append(byte)
                } else if byte == 39 {
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                    index += 2
                } else if byte >= 0x80 {
                    let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                    let end = min(bytes.count, index + width)
                    let scalar = String(decoding: bytes[index..<end], as: UTF8.self)
                    if let first = scalar.unicodeScalars.first, first.properties.isAlphabetic || first.properties.numericType != nil {
                        tokens[tokens.count - 1] += Array(scalar.lowercased().utf8)
                    } else {
                        tokens.append([])
                    }
                    index = end - 1
                } else {
                    tokens.append([])
                }
                index += 1
            }
            return tokens.filter { !$0.isEmpty }.map { String(decoding: $0.prefix(64), as: UTF8.self) }
        }
        var random = SystemRandomNumberGenerator()
        let pieces = ["St", " ", "Mary's", "Mary\u{2019}s", "ø", "ß", "Straße", "—", "™", "12", "-", "\u{1F600}", "Æ",
                      "O'", "'", "x", String(repeating: "long", count: 20), "ǅ", "١٢"]
        var texts = ["", " ", "'", "a'b", String(repeating: "z", count: 70), "ab\u{2019}"]
        for _ in 0..<2_000 { texts.append((0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()) }
        for text in texts {
            #expect(TextFolding.tokens(text) == plainTokens(text), "\(text)")
        }
    }
}
