/// Terminal columns of text, counted per grapheme cluster (what a person sees as one character):
/// East Asian Wide and Fullwidth characters and emoji take two columns, combining marks and other
/// invisible characters none, and a cluster (a letter and its accents, an emoji sequence joined
/// with U+200D, a flag) takes the width of its first character — two for emoji, whatever follows.
/// Used to line up tables and the full-screen grid, and to cut long text with "…". Every function
/// is linear in the length of its text.
public enum DisplayWidth {
    /// Columns of one Unicode scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    /// Columns of one grapheme cluster: its first scalar's, or two when the cluster asks for
    /// emoji presentation (U+FE0F) or is a flag.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return of(first) }
        let base = of(first)
        if base == 0 {
            // A cluster that starts with a mark (at the start of a text): its widest part.
            return scalars.map(of).max() ?? 0
        }
        if base == 1, scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        return base
    }

    public static func of(_ text: String) -> Int {
        // Plain ASCII (most text): one column per printable byte, no clusters to find.
        var ascii = true
        var count = 0
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x20, byte != 0x7F { count += 1 }
        }
        if ascii { return count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// Marks, format characters and other default-ignorable characters take no column.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: break
        }
        // Hangul jamo vowels and finals join the syllable before them.
        if (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value) { return true }
        return scalar.properties.isDefaultIgnorableCodePoint
    }

    /// East Asian Wide or Fullwidth (Unicode's EastAsianWidth.txt), or shown as emoji by default.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        let value = scalar.value
        var low = 0, high = wideRanges.count
        while low < high {
            let middle = (low + high) / 2
            if wideRanges[middle].1 < value { low = middle + 1 } else { high = middle }
        }
        return low < wideRanges.count && wideRanges[low].0 <= value
    }

    /// The text cut to at most `width` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        // The longest start that leaves room for "…", kept until the text is known not to fit.
        var fitting = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let w = of(character)
            if used + w > width { return String(text[..<fitting]) + "…" }
            used += w
            index = text.index(after: index)
            if used <= width - 1 { fitting = index }
        }
        return text
    }

    /// Pads (or cuts) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let space = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? space + cut : cut + space
    }

    /// Splits text into lines of at most `width` columns, breaking at spaces where possible and
    /// inside a word only when the word is longer than a line. A character wider than the line
    /// gets a line of its own rather than none.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = of(String(word))
            if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            guard lineWidth + wordWidth > width else {
                line += word
                lineWidth += wordWidth
                continue
            }
            // Longer than a line: break it character by character, once through.
            for character in word {
                let w = of(character)
                if lineWidth > 0, lineWidth + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += w
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Wide and Fullwidth ranges from Unicode 14 EastAsianWidth.txt (assigned characters, and the
    /// CJK blocks whose unassigned code points are wide by default), lowest first.
    static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
        (0x3041, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
        (0xFE10, 0xFE19), (0xFE30, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x1B2FB),
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F320),
        (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC),
        (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
        (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7F0), (0x1F90C, 0x1F93A),
        (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAF6), (0x20000, 0x3FFFD)
    ]
}
