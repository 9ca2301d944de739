import CNCursesW
import ChoiceKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is sent to the terminal for one cell of the grid. Curses moves the cursor by the width
/// the C library gives a cell's first character, and terminals disagree about emoji sequences
/// (a family joined with U+200D is one glyph in some and three in others; a skin tone may or may
/// not join its emoji). So a cell sends only what every terminal advances by the same amount as
/// curses: its first character and the marks that take no column, stopping at the first joined
/// or wide follower. When the grid gave the cluster two columns but that first character takes
/// one (❤️, a flag), a space fills the second column, so the rest of the row stays in place.
struct Glyph {
    /// The characters for `setcchar`, ending in 0.
    let characters: [wchar_t]
    /// True when the cell's second column needs a space.
    let padded: Bool

    static let space: [wchar_t] = [32, 0]
    static let replacement: wchar_t = 0xFFFD
    /// Curses keeps at most five characters per cell.
    static let limit = 5

    /// Printable ASCII, the most of any screen, made once: a frame need not build an array per cell.
    private static let ascii: [[wchar_t]] = (0..<128).map { [wchar_t($0), 0] }

    init(_ text: String) {
        var utf8 = text.utf8.makeIterator()
        if let byte = utf8.next(), byte >= 0x20, byte < 0x7F, utf8.next() == nil {
            characters = Self.ascii[Int(byte)]
            padded = false
            return
        }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else {
            characters = Self.space
            padded = false
            return
        }
        let columns = text.count == 1 ? DisplayWidth.of(Character(text)) : DisplayWidth.of(text)
        var base = wchar_t(bitPattern: first.value)
        var baseWidth = Int(agora_wcwidth(base))
        if baseWidth < 0 || baseWidth > columns || (baseWidth == 0 && columns > 0) {
            // Not printable as the C library sees it, or wider than the grid allows: a visible stand-in.
            base = Self.replacement
            baseWidth = 1
        }
        var sent: [wchar_t] = [base]
        for scalar in scalars.dropFirst() {
            let value = wchar_t(bitPattern: scalar.value)
            guard sent.count < Self.limit, scalar.value != 0x200D, agora_wcwidth(value) == 0 else { break }
            sent.append(value)
        }
        characters = sent + [0]
        padded = columns == 2 && baseWidth == 1
    }
}
