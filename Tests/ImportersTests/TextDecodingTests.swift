import Testing
@testable import Importers

@Suite("Text from Windows-1252 and UTF-8")
struct TextDecodingTests {
    static func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> DecodedText {
        bytes.withUnsafeBufferPointer { FieldText.decode($0, encoding) }
    }

    @Test func windows1252CharactersBecomeTheirUnicode() {
        // St Mary’s, Belvédère, Zoë, an en dash and the euro sign.
        let decoded = Self.decode([0x53, 0x74, 0x20, 0x4D, 0x61, 0x72, 0x79, 0x92, 0x73, 0x20, 0xE9, 0xEB, 0x96, 0x80], .windows1252)
        #expect(decoded.text == "St Mary’s éë–€")
        #expect(decoded.problem == nil)
    }

    @Test("undefined Windows-1252 bytes are reported", arguments: [UInt8(0x81), 0x8D, 0x8F, 0x90, 0x9D])
    func undefinedBytes(byte: UInt8) {
        let decoded = Self.decode([0x41, byte, 0x42], .windows1252)
        #expect(decoded.text == "A\u{FFFD}B")
        #expect(decoded.problem?.contains("byte 0x\(String(byte, radix: 16, uppercase: true)) is not a Windows-1252 character") == true)
    }

    @Test func invalidUTF8IsReported() {
        let decoded = Self.decode([0x41, 0xC3, 0x28], .utf8)
        #expect(decoded.problem?.contains("byte 0xC3 is not valid UTF-8") == true)
    }

    @Test func controlsAndLineBreaksNeverReachTheCatalog() {
        let decoded = Self.decode(Array("  Oak\r\nLane\t\u{1B}[31m  Road \u{202E}x  ".utf8), .utf8)
        #expect(decoded.text == "Oak Lane [31m Road x")
        #expect(decoded.problem?.contains("control character (U+001B)") == true)
    }

    @Test func sniffing() {
        func sniff(_ bytes: [UInt8], usual: TextEncoding) -> TextEncoding { bytes.withUnsafeBufferPointer { TextEncoding.sniff($0, usual: usual) } }
        #expect(sniff(Array("Belvédère".utf8), usual: .windows1252) == .utf8)
        #expect(sniff([0x42, 0xE9, 0x6C], usual: .utf8) == .windows1252)
        #expect(sniff(Array("plain".utf8), usual: .windows1252) == .windows1252)
        // A block ending part-way through a character is still UTF-8.
        #expect(sniff(Array("café".utf8).dropLast(), usual: .windows1252) == .utf8)
    }

    @Test func dates() {
        func parse(_ text: String, _ parser: (UnsafeBufferPointer<UInt8>) -> ChoiceKitDate?) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { parser($0)?.iso }
        }
        #expect(parse("09/Jan/2018 - 00:00", FieldParsing.cqcDirectory) == "2018-01-09")
        #expect(parse("09/01/2018 - 00:00", FieldParsing.cqcDirectory) == "2018-01-09")
        #expect(parse("30/Feb/2018 - 00:00", FieldParsing.cqcDirectory) == nil)
        #expect(parse("31-08-2019", FieldParsing.dayMonthYear) == "2019-08-31")
        #expect(parse("20171031", FieldParsing.compact) == "2017-10-31")
        #expect(parse("2017-10-31", FieldParsing.compact) == nil)
        #expect(FileDates.date(inName: "/data/edubasealldata20260915.csv")?.iso == "2026-09-15")
        #expect(FileDates.date(inName: "NSPL_AUG_2026_UK.csv")?.iso == "2026-08-01")
        #expect(FileDates.date(inName: "epraccur.csv") == nil)
    }
}

typealias ChoiceKitDate = ChoiceKit.CalendarDate
import ChoiceKit
