/// Byte-level text tests for values read on every row of a national file, where Foundation's
/// `contains` (which goes through locale-aware searching) cost a tenth of decoding a GIAS row.
enum PlainText {
    /// Whether `text` holds `part` exactly (same bytes, same case).
    static func has(_ text: String, _ part: String) -> Bool {
        let haystack = text.utf8, needle = part.utf8
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var start = haystack.startIndex
        while let found = haystack[start...].firstIndex(of: first) {
            if haystack[found...].starts(with: needle) { return true }
            start = haystack.index(after: found)
        }
        return false
    }
}
