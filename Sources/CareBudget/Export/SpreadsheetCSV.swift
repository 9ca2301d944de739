import ChoiceKit

/// CSV for spreadsheets that never runs as a formula: text cells that a spreadsheet would read as
/// a formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe, and
/// every text passes `TextSafety.inert`. Amounts are written by Agora itself as plain numbers.
public enum SpreadsheetCSV {
    public enum Cell: Hashable, Sendable {
        case text(String)
        case amount(Money)
        case number(Int)
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func field(_ cell: Cell) -> String {
        switch cell {
        case .amount(let money): return money.plainText
        case .number(let value): return String(value)
        case .text(let raw):
            var text = raw
            if let first = text.first, formulaStarts.contains(first) { text = "'" + text }
            return CSVWriter.field(TextSafety.inert(text))
        }
    }

    public static func row(_ cells: [Cell]) -> String { cells.map(field).joined(separator: ",") + "\n" }
}
