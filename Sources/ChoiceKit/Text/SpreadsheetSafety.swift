/// Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
/// first) get a leading apostrophe, so an exported file cannot run anything when opened. Plain
/// numbers such as `-0.23` are left as they are: they cannot be formulas.
public enum SpreadsheetSafety {
    private static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.first, triggers.contains(first), !isPlainNumber(cell) else { return cell }
        return "'" + cell
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.first != ".", body.last != "." else { return false }
        var point = false
        for character in body {
            if character == "." { if point { return false }; point = true; continue }
            guard character.isASCII, character.isNumber else { return false }
        }
        return true
    }
}
