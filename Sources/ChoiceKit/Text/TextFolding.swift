import Foundation

/// Case- and accent-insensitive matching: "Belvédère" and "belvedere" fold to the same bytes.
/// ASCII, the common case, is folded byte by byte; other text goes through Foundation's folding.
public enum TextFolding {
    /// Folded, tokenised text: lower-case letters and digits; apostrophes dropped so "Mary's" is
    /// "marys"; everything else separates tokens.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(text) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    public static func forEachToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let source = isASCII ? text : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var token: [UInt8] = []
        token.reserveCapacity(24)
        func flush() {
            if !token.isEmpty { token.withUnsafeBufferPointer(body); token.removeAll(keepingCapacity: true) }
        }
        var utf8 = Array(source.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case 65...90: token.append(byte + 32)
            case 97...122, 48...57: token.append(byte)
            case 39: break // apostrophe: "Mary's" -> "marys"
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0x99:
                index += 2 // right single quotation mark, used as an apostrophe
            case 0x80...:
                // A letter with no ASCII fold (ø, ß…): keep its bytes, lower-cased where Unicode can.
                var length = 1
                if byte >= 0xF0 { length = 4 } else if byte >= 0xE0 { length = 3 } else if byte >= 0xC0 { length = 2 }
                let end = min(utf8.count, index + length)
                let scalarText = String(decoding: utf8[index..<end], as: UTF8.self)
                if scalarText.unicodeScalars.first.map({ $0.properties.isAlphabetic || $0.properties.numericType != nil }) ?? false {
                    token.append(contentsOf: scalarText.lowercased().utf8)
                } else {
                    flush()
                }
                index = end - 1
            default: flush()
            }
            index += 1
        }
        flush()
        utf8.removeAll()
    }

    /// A sortable 64-bit key from the first eight folded characters of a name (letters, digits and
    /// single spaces), so names sort without comparing whole strings.
    public static func sortKey(_ text: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        var lastWasSpace = true
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let source = isASCII ? text : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for byte in source.utf8 where count < 8 {
            var folded: UInt8
            switch byte {
            case 65...90: folded = byte + 32
            case 97...122, 48...57: folded = byte
            case 39: continue
            default: folded = 32
            }
            if folded == 32 {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            key = key << 8 | UInt64(folded)
            count += 1
        }
        return key << (8 * UInt64(8 - count))
    }
}
