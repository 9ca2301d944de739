/// Where a JSON syntax error is, said as a line and column rather than the parser's byte offset
/// ("Unescaped control character around character 1456."), so the message points at the line as
/// every other manifest problem does.
struct JSONSyntaxPlace {
    /// The parser's reason without its offset, e.g. "unescaped control character".
    let reason: String
    let line: Int?

    /// `detail` is the parser's message about `bytes` as parsed, where `replaced` (when given) was
    /// a range of `bytes` parsed as `[]` (the postcode list, read apart).
    init(detail: String, in bytes: [UInt8], replaced: Range<Int>?) {
        let marker = " around character "
        guard let found = detail.range(of: marker),
              let parsedOffset = Int(detail[found.upperBound...].prefix { $0.isNumber }) else {
            reason = detail
            line = nil
            return
        }
        var offset = parsedOffset
        if let replaced, offset >= replaced.lowerBound + 2 { offset += replaced.count - 2 }
        offset = min(max(0, offset), bytes.count)
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        let words = String(detail[..<found.lowerBound])
        reason = (words.first.map { $0.lowercased() + words.dropFirst() } ?? "a syntax error") + " at column \(column)"
        line = before.count { $0 == 0x0A } + 1
    }
}
