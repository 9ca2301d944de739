@testable import ChoiceKit
import Foundation
import Testing

/// The postcode list passed over for a first frame: found eight bytes at a time, it must end
/// exactly where a byte-by-byte reading of the JSON ends it, whatever the strings hold and
/// wherever the interesting bytes fall against the eight-byte steps.
struct PostcodeListSkipTests {
    /// The array's range by the plain rule: strings stepped over (escapes included), brackets
    /// counted, nil at a brace or the end.
    static func reference(_ bytes: [UInt8]) -> Range<Int>? {
        let key = Array("\"postcodes\"".utf8)
        guard let keyStart = (0...max(0, bytes.count - key.count)).first(where: { Array(bytes[$0..<min(bytes.count, $0 + key.count)]) == key }) else { return nil }
        var position = keyStart + key.count
        func skipSpace() { while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 } }
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
        position += 1
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else { return nil }
        let start = position
        position += 1
        var depth = 1, inString = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if inString {
                if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return start..<position }
            case UInt8(ascii: "{"), UInt8(ascii: "}"): return nil
            default: break
            }
        }
        return nil
    }

    static let rows = [
        #"["KM1 1AA", 51.5, -0.12, "Kingsmere"]"#,
        #"["KM1 2AB", 51.51, -0.13, "St Mary's [upper]"]"#,
        #"["KM1 3AC", 51.52, -0.14, "a \"quoted\" ] town"]"#,
        #"["KM1 4AD", 51.53, -0.15, "back\\slash\\"]"#,
        #"["KM1 5AE", 51.54, -0.16, "braces { } in text"]"#,
        #"["KM1 6AF", 51.55, -0.17, "Llanfair\u00e9 café"]"#,
        #"["KM1 7AG", 51.56, -0.18]"#,
    ]

    @Test func endsWhereTheByteByByteReadingEndsIt() {
        for padding in 0..<17 {
            for count in 0...Self.rows.count {
                let list = Self.rows.prefix(count).joined(separator: ",\n    ")
                let text = "{\"format\": \"agora-catalog\",\n  \"postcodes\": [" + list + String(repeating: " ", count: padding)
                    + "],\n  \"area\": {\"name\": \"x\"}}"
                let bytes = Array(text.utf8)
                let found = PostcodeListReader.arrayRange(bytes)
                #expect(found == Self.reference(bytes), "padding \(padding), rows \(count)")
                #expect(found != nil)
            }
        }
    }

    @Test func refusesWhatIsNotAPlainListAndStopsAtTheEnd() {
        let cases = [
            #"{"postcodes": [["KM1 1AA", 1, 2], {"postcode": "KM1 2AB"}]}"#,
            #"{"postcodes": [["KM1 1AA", 1, 2"#,
            #"{"postcodes": [["KM1 1AA", 1, 2, "unterminated"#,
            #"{"postcodes": [["KM1 1AA\"#,
            #"{"postcodes": "not a list"}"#,
            #"{"area": {}}"#,
            #"{"postcodes": [[], [[]], ["]"]]}"#,
        ]
        for text in cases {
            let bytes = Array(text.utf8)
            #expect(PostcodeListReader.arrayRange(bytes) == Self.reference(bytes), "\(text)")
        }
    }

    @Test func randomTextAgreesWithTheByteByByteReading() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"[]{}"\ ab,1.é"#.utf8) + [0x02, 0x0A, 0x5B, 0x5D, 0x7B, 0x7D]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<64, using: &generator)
            let body = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0x20 }
            let bytes = Array(#"{"postcodes": ["#.utf8) + body
            #expect(PostcodeListReader.arrayRange(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }
}
