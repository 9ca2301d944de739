import ChoiceKit

/// How a file's bytes become text. GIAS publishes Windows-1252; CQC, ODS and ONS publish UTF-8
/// (sometimes with a byte-order mark). A byte-order mark decides; without one, a first block whose
/// non-ASCII bytes are all valid UTF-8 is read as UTF-8, and otherwise the format's usual encoding
/// is assumed.
public enum TextEncoding: Sendable, Hashable {
    case utf8, windows1252

    public var name: String { self == .utf8 ? "UTF-8" : "Windows-1252" }

    /// The encoding of a file whose first block is `bytes` (after any byte-order mark).
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, usual: TextEncoding) -> TextEncoding {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return usual }
        // A block may end part-way through a character: only complete characters are judged.
        var end = bytes.count
        var back = 0
        while back < 3, end > 0, bytes[end - 1] & 0xC0 == 0x80 { end -= 1; back += 1 }
        if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
        return String(validating: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) != nil ? .utf8 : .windows1252
    }

    /// Windows-1252's characters for bytes 0x80–0x9F; nil where the code page defines none
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D). Bytes from 0xA0 are the Latin-1 characters of the same number.
    static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
}

/// A field's text and what was wrong with its bytes, if anything.
struct DecodedText {
    var text: String
    /// Said of the field: `byte 0x81 is not a Windows-1252 character (shown as �)`.
    var problem: String?
}

/// Turns a field's bytes into catalog text: decoded, line breaks and tabs made spaces, other
/// control and invisible formatting characters removed (catalog text must be plain), runs of
/// spaces made one, and the ends trimmed.
enum FieldText {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: TextEncoding) -> DecodedText {
        // Nearly every field is plain ASCII: one pass, one String.
        var plain = true
        var previousSpace = true
        for byte in bytes {
            if byte < 0x20 || byte >= 0x7F || (byte == 0x20 && previousSpace) { plain = false; break }
            previousSpace = byte == 0x20
        }
        if plain && !previousSpace { return DecodedText(text: String(decoding: bytes, as: UTF8.self)) }
        if plain && bytes.isEmpty { return DecodedText(text: "") }

        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var problem: String?
        switch encoding {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) {
                scalars.append(contentsOf: text.unicodeScalars)
            } else {
                let offset = firstInvalidUTF8(bytes)
                problem = "byte 0x\(hex(bytes[offset])) is not valid UTF-8 (shown as �) — save the file as UTF-8"
                scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
            }
        case .windows1252:
            for byte in bytes {
                if byte < 0x80 || byte >= 0xA0 {
                    scalars.append(Unicode.Scalar(byte))
                } else if let value = TextEncoding.windows1252High[Int(byte - 0x80)], let scalar = Unicode.Scalar(value) {
                    scalars.append(scalar)
                } else {
                    if problem == nil {
                        problem = "byte 0x\(hex(byte)) is not a Windows-1252 character (shown as �) — correct the file, or tell its publisher"
                    }
                    scalars.append("\u{FFFD}")
                }
            }
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var removed: UInt32?
        for scalar in scalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if TextSafety.isControl(scalar) || TextSafety.isInvisibleControl(scalar) {
                if removed == nil { removed = scalar.value }
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        if problem == nil, let removed {
            let code = String(removed, radix: 16, uppercase: true)
            problem = "a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) was removed"
        }
        return DecodedText(text: String(out), problem: problem)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for continuation in 1..<length where bytes[index + continuation] & 0xC0 != 0x80 { return index }
            if String(validating: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self) == nil {
                return index
            }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}
