/// Catalog text, arguments and file names are data, never terminal instructions. Everything Agora
/// writes to a terminal or a file passes through here: control characters (C0, DEL, C1) and the
/// invisible characters that reorder or break lines become visible placeholders, so an escape
/// sequence or a right-to-left override shows up as a symbol instead of acting.
public enum TextSafety {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Invisible characters that change how the text around them is shown: bidirectional marks,
    /// embeddings, overrides and isolates (which can make `exe.txt` read as `txt.exe`), line and
    /// paragraph separators, the byte-order mark and interlinear annotations. Joiners (U+200C,
    /// U+200D) and variation selectors are kept: emoji and many scripts need them.
    public static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x206A...0x206F,
             0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// The text with every control character replaced by a visible placeholder: ESC becomes ␛,
    /// other C0 characters their Control Pictures symbol, DEL ␡, C1 and invisible controls �.
    public static func inert(_ text: String) -> String {
        inert(text, keepingLineBreaks: false)
    }

    /// As `inert`, but line feeds stay line feeds: for whole blocks of output (a table, a
    /// message, plain mode's menus) written a line at a time.
    public static func inertLines(_ text: String) -> String {
        inert(text, keepingLineBreaks: true)
    }

    private static func inert(_ text: String, keepingLineBreaks: Bool) -> String {
        // Fast path: plain ASCII without controls (nearly all text) is returned as it is.
        var clean = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            if byte == 0x0A, keepingLineBreaks { continue }
            clean = false
            break
        }
        if clean { return text }
        let unsafe: (Unicode.Scalar) -> Bool = { scalar in
            (isControl(scalar) && !(keepingLineBreaks && scalar == "\n")) || isInvisibleControl(scalar)
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !unsafe(scalar) {
                scalars.append(scalar)
            } else if scalar.value < 0x20 {
                scalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            } else if scalar.value == 0x7F {
                scalars.append("\u{2421}")
            } else {
                scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }
}
