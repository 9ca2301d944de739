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
}
