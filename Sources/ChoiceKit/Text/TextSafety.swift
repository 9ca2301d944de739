/// Catalog text is data, never terminal instructions. These helpers find and neutralise control
/// characters (C0, DEL, C1), so an escape sequence in a file shows up as a visible symbol instead of
/// reaching the terminal.
public enum TextSafety {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Bidirectional overrides and isolates can reorder what is displayed around them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The text with every control character replaced by a visible placeholder: ESC becomes ␛,
    /// other C0 characters their Control Pictures symbol, DEL ␡, C1 and bidi controls �.
    public static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                scalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            } else if scalar.value == 0x7F {
                scalars.append("\u{2421}")
            } else if isControl(scalar) || isBidiControl(scalar) {
                scalars.append("\u{FFFD}")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
