/// The line on which each value of a JSON text starts, by its path (`commissioners[0].name`), so a
/// message about the manifest points at the value itself rather than at the first key that happens
/// to share its name. Built only when there is a problem to report; text that is not JSON simply
/// yields fewer lines.
struct JSONLineMap {
    private var lines: [String: Int] = [:]

    /// Deeper nesting than any manifest has is not mapped (and cannot exhaust the stack).
    static let depthLimit = 64

    init(_ text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.value(path: "", depth: 0)
        lines = scanner.lines
    }

    /// The line of the value at `path`, or of its nearest ancestor that exists (a missing key is
    /// reported where its object is).
    func line(of path: String) -> Int? {
        var current = Substring(path)
        while !current.isEmpty {
            if let line = lines[String(current)] { return line }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            current = current[..<cut]
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        var lines: [String: Int] = [:]
        var failed = false

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x0A: line += 1; position += 1
                case 0x20, 0x09, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(path: String, depth: Int) {
            skipSpace()
            guard !failed, position < bytes.count, depth < JSONLineMap.depthLimit else { failed = true; return }
            if !path.isEmpty { lines[path] = line }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return }
                while !failed {
                    skipSpace()
                    guard let key = string() else { failed = true; return }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { failed = true; return }
                    position += 1
                    value(path: path.isEmpty ? key : path + "." + key, depth: depth + 1)
                    guard closeOrContinue(UInt8(ascii: "}")) else { return }
                }
            case UInt8(ascii: "["):
                position += 1
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return }
                var index = 0
                while !failed {
                    value(path: path + "[\(index)]", depth: depth + 1)
                    index += 1
                    guard closeOrContinue(UInt8(ascii: "]")) else { return }
                }
            case UInt8(ascii: "\""):
                _ = string()
            default:
                // A number, true, false or null: up to the next delimiter.
                while position < bytes.count, !Self.delimiters.contains(bytes[position]) { position += 1 }
            }
        }

        private static let delimiters: Set<UInt8> = [0x2C, 0x5D, 0x7D, 0x20, 0x0A, 0x0D, 0x09]

        /// After a member or element: true on a comma (more follow), false at the closing bracket.
        private mutating func closeOrContinue(_ closing: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count else { failed = true; return false }
            if bytes[position] == UInt8(ascii: ",") { position += 1; return true }
            if bytes[position] != closing { failed = true }
            position += 1
            return false
        }

        /// A string's text, with the common escapes undone (keys in a manifest are plain words).
        private mutating func string() -> String? {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            position += 1
            var text: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escaped = bytes[position]
                    position += 1
                    if escaped == UInt8(ascii: "u") {
                        // Kept as written: good enough to name the path in a message.
                        text += Array("\\u".utf8)
                    } else {
                        text.append(escaped)
                    }
                case 0x0A:
                    line += 1
                    text.append(byte)
                default:
                    text.append(byte)
                }
            }
            return nil
        }
    }
}

/// How deeply a JSON text nests, checked before a recursive parser sees it: thousands of `[` must
/// be a message, not a stack overflow.
enum JSONDepth {
    static let limit = 100

    static func isWithinLimit(_ bytes: [UInt8]) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return false }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return true
    }
}
