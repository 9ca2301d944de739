/// The manifest with one value of the wrong type or shape: a number where text belongs, a list
/// where an object belongs, a huge or non-finite number, deep nesting, a key renamed away, hostile
/// text. Works on the text (no parse and rewrite), so the rest of the file stays exactly as it was.
enum ManifestMutations {
    static func apply(_ bytes: inout [UInt8], _ random: inout FuzzRandom) -> String {
        let values = valueSpans(bytes)
        guard !values.isEmpty else { return ByteMutations.apply(&bytes, &random, table: false) }
        let span = random.pick(values)
        if random.chance(1, in: 6), let key = keyBefore(span.lowerBound, in: bytes) {
            // The key renamed: as if it were missing.
            bytes.insert(contentsOf: Array("_gone".utf8), at: key)
            return "a key renamed away"
        }
        if random.chance(1, in: 6) {
            let depth = 50 + random.below(700)
            bytes.replaceSubrange(span, with: Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8))
            return "a value replaced by \(depth) nested lists"
        }
        let replacement = randomValue(&random)
        bytes.replaceSubrange(span, with: Array(replacement.text.utf8))
        return "a value replaced by \(replacement.name)"
    }

    private static func randomValue(_ random: inout FuzzRandom) -> (name: String, text: String) {
        switch random.below(13) {
        case 0: return ("a number", "42")
        case 1: return ("a huge number", "1e308")
        case 2: return ("a number too large for a double", "1e400")
        case 3: return ("a negative number", "-1000000000000.5")
        case 4: return ("text", "\"x\"")
        case 5: return ("an empty list", "[]")
        case 6: return ("an empty object", "{}")
        case 7: return ("null", "null")
        case 8: return ("true", "true")
        case 9: return ("an escape sequence", "\"\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\"")
        case 10: return ("reordering characters", "\"\u{202E}gnp.exe\\u2066\u{2028}\u{FEFF}\"")
        case 11: return ("a long text", "\"" + String(repeating: "y", count: 1_000 + random.below(20_000)) + "\"")
        default: return ("a list of numbers", "[1, 2, 3]")
        }
    }

    /// Where each value of the JSON text is (object members' values and list elements).
    static func valueSpans(_ bytes: [UInt8]) -> [Range<Int>] {
        var starts: [Int] = []
        var containers: [UInt8] = []
        var index = 0
        var expectValue = true
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                if expectValue { starts.append(index) }
                index = endOfString(bytes, from: index)
                expectValue = false
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if expectValue, !containers.isEmpty { starts.append(index) }
                containers.append(byte)
                expectValue = byte == UInt8(ascii: "[")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = containers.popLast()
                expectValue = false
            case UInt8(ascii: ":"):
                expectValue = true
            case UInt8(ascii: ","):
                expectValue = containers.last == UInt8(ascii: "[")
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                if expectValue { starts.append(index) }
                expectValue = false
            }
            index += 1
        }
        return starts.map { $0..<endOfValue(bytes, from: $0) }
    }

    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    private static func endOfValue(_ bytes: [UInt8], from start: Int) -> Int {
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return endOfString(bytes, from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index = endOfString(bytes, from: index); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return bytes.count
        default:
            var index = start
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            return index
        }
    }

    /// The position just inside the closing quote of the key before a member's value, if any.
    private static func keyBefore(_ valueStart: Int, in bytes: [UInt8]) -> Int? {
        var index = valueStart - 1
        while index >= 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index -= 1 }
        guard index >= 0, bytes[index] == UInt8(ascii: ":") else { return nil }
        index -= 1
        while index >= 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index -= 1 }
        guard index >= 0, bytes[index] == UInt8(ascii: "\"") else { return nil }
        return index
    }
}
