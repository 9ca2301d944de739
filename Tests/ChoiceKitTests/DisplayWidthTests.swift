import Testing
@testable import ChoiceKit

/// Columns per grapheme cluster, as a terminal shows them; cutting and wrapping never split a
/// cluster and take time in proportion to the text.
@Suite("Display width")
struct DisplayWidthTests {
    @Test("clusters take the width of what is seen", arguments: [
        ("abc", 3), ("👨\u{200D}👩\u{200D}👧", 2), ("🇬🇧", 2), ("e\u{0301}", 1), ("中文", 4), ("❤\u{FE0F}", 2), ("❤", 1),
        ("👍🏽", 2), ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", 2), ("Ａ", 2), ("한국어", 6),
        ("\u{200B}", 0), ("a\u{0}b", 2), ("\u{1B}[31m", 4), ("x\u{20DD}", 1),
    ])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func aFamilyInATableCellIsTwoColumnsNotSix() {
        let name = "Family 👨\u{200D}👩\u{200D}👧 Surgery"
        #expect(DisplayWidth.of(name) == 17)
        #expect(DisplayWidth.of(DisplayWidth.pad(name, to: 20)) == 20)
        #expect(DisplayWidth.pad(name, to: 20).hasSuffix("Surgery   "))
    }

    @Test func cuttingNeverSplitsACluster() {
        let text = "ab👨\u{200D}👩\u{200D}👧cd🇬🇧e\u{0301}f"
        for width in 1...12 {
            let cut = DisplayWidth.truncate(text, to: width)
            #expect(DisplayWidth.of(cut) <= width, "width \(width): \(cut)")
            let body = cut.hasSuffix("…") ? String(cut.dropLast()) : cut
            #expect(text.hasPrefix(body), "width \(width) split a cluster: \(cut.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(DisplayWidth.truncate(text, to: 14) == text)
    }

    @Test func aCharacterWiderThanTheLineGetsALineOfItsOwn() {
        // This used to loop for ever.
        #expect(DisplayWidth.wrap("中", width: 1) == ["中"])
        #expect(DisplayWidth.wrap("a 中 b", width: 1) == ["a", "中", "b"])
    }

    @Test func wrappingAVeryLongWordTakesTimeInProportion() {
        // 300,000 characters in one word: once this took minutes (each line re-measured the rest).
        let word = String(repeating: "x", count: 300_000)
        let lines = DisplayWidth.wrap("start " + word + " end", width: 30)
        #expect(lines.count == 10_002)
        #expect(lines.first == "start")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 30 })
        #expect(lines.last == "end")
    }

    @Test func wrappingKeepsClustersWhole() {
        let lines = DisplayWidth.wrap("👨\u{200D}👩\u{200D}👧👨\u{200D}👩\u{200D}👧👨\u{200D}👩\u{200D}👧", width: 3)
        #expect(lines == ["👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧"])
    }
}
