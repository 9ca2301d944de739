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

    /// Calls `body` with each folded token's bytes. Tokens longer than 64 bytes are cut (no name
    /// has such words; the cut keeps the scan free of allocations).
    public static func forEachToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var source = folded(text)
        // One loop, no nested functions: a local function capturing the token's length made every
        // byte a checked access at run time (an eighth of building the search index).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { token in
            source.withUTF8 { utf8 in
                var length = 0
                var index = 0
                while index <= utf8.count {
                    let byte: UInt8 = index < utf8.count ? utf8[index] : 32
                    var kept: UInt8 = 0
                    var ends = false
                    switch byte {
                    case 65...90: kept = byte + 32
                    case 97...122, 48...57: kept = byte
                    case 39: break // apostrophe: "Mary's" -> "marys"
                    case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && utf8[index + 2] == 0x99:
                        index += 2 // right single quotation mark, used as an apostrophe
                    case 0x80...:
                        // A letter with no ASCII fold (ø, ß…): keep it, lower-cased where Unicode can.
                        var width = 1
                        if byte >= 0xF0 { width = 4 } else if byte >= 0xE0 { width = 3 } else if byte >= 0xC0 { width = 2 }
                        let end = min(utf8.count, index + width)
                        let scalarText = String(decoding: UnsafeBufferPointer(rebasing: utf8[index..<end]), as: UTF8.self)
                        if scalarText.unicodeScalars.first.map({ $0.properties.isAlphabetic || $0.properties.numericType != nil }) ?? false {
                            for folded in scalarText.lowercased().utf8 where length < token.count {
                                token[length] = folded
                                length += 1
                            }
                        } else {
                            ends = true
                        }
                        index = end - 1
                    default: ends = true
                    }
                    if kept != 0, length < token.count {
                        token[length] = kept
                        length += 1
                    }
                    if ends, length > 0 {
                        body(UnsafeBufferPointer(rebasing: token[0..<length]))
                        length = 0
                    }
                    index += 1
                }
            }
        }
    }

    /// A sortable 64-bit key from eight folded characters of a name (letters, digits and single
    /// spaces), after skipping `skip` of them, so names sort without comparing whole strings.
    public static func sortKey(_ text: String, skipping skip: Int = 0) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        var skipped = 0
        var lastWasSpace = true
        let source = folded(text)
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
            if skipped < skip { skipped += 1; continue }
            key = key << 8 | UInt64(folded)
            count += 1
        }
        return key << (8 * UInt64(8 - count))
    }

    /// The text with accents and case folded where that changes anything beyond ASCII letters (the
    /// callers fold those byte by byte). Text that is ASCII apart from general punctuation — the ’
    /// of "St Mary’s", dashes, curly quotes, which folding leaves as they are — is returned as it
    /// is: Foundation's folding costs far more than the rest of the work on a name.
    static func folded(_ text: String) -> String {
        if isASCII(text) || isASCIIApartFromPunctuation(text) { return text }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// True when every character beyond ASCII is in Unicode's General Punctuation block
    /// (U+2000–U+206F: UTF-8 E2 80 xx and E2 81 80–AF), which has no case or accents to fold.
    static func isASCIIApartFromPunctuation(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                guard byte == 0xE2, index + 2 < bytes.count else { return false }
                let second = bytes[index + 1]
                guard second == 0x80 || (second == 0x81 && bytes[index + 2] <= 0xAF) else { return false }
                index += 3
            }
            return true
        }
    }

    /// True when every byte is ASCII, checked eight bytes at a time.
    static func isASCII(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var index = 0
            var bits: UInt64 = 0
            while index + 8 <= bytes.count {
                bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < bytes.count { bits |= UInt64(bytes[index]); index += 1 }
            return bits & 0x8080_8080_8080_8080 == 0
        }
    }

    /// The first sixteen bytes of `foldedForOrder(text)` as two big-endian keys (zero-padded),
    /// made without the folded array: every name is keyed, few need more than this to be ordered.
    static func orderKeys(_ text: String) -> (first: UInt64, second: UInt64) {
        var source = folded(text)
        return source.withUTF8 { utf8 in
            var first: UInt64 = 0, second: UInt64 = 0, count = 0
            var lastWasSpace = true
            func put(_ byte: UInt8) {
                if count < 8 { first |= UInt64(byte) << (56 - 8 * UInt64(count)) } else { second |= UInt64(byte) << (56 - 8 * UInt64(count - 8)) }
                count += 1
            }
            for byte in utf8 {
                guard count < 16 else { break }
                switch byte {
                case 65...90: put(byte + 32); lastWasSpace = false
                case 97...122, 48...57: put(byte); lastWasSpace = false
                case 39: continue
                default:
                    if !lastWasSpace { put(32); lastWasSpace = true }
                }
            }
            return (first, second)
        }
    }

    /// The whole name folded for ordering: lower-case letters and digits, apostrophes dropped,
    /// anything else a single space (the same rules as `sortKey`, without its eight-byte limit).
    static func foldedForOrder(_ text: String) -> [UInt8] {
        let source = folded(text)
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count)
        var lastWasSpace = true
        for byte in source.utf8 {
            switch byte {
            case 65...90: out.append(byte + 32); lastWasSpace = false
            case 97...122, 48...57: out.append(byte); lastWasSpace = false
            case 39: continue
            default:
                if !lastWasSpace { out.append(32); lastWasSpace = true }
            }
        }
        return out
    }
}
