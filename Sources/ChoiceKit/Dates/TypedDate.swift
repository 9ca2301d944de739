import Foundation

extension CalendarDate {
    /// A date as a person in England types it: `2016-03-14`, or day first as on a letter,
    /// `14/03/2016`, `14/3/2016` or `14.03.2016`. A two-digit year is refused: 14/03/16 could
    /// be 1916 or 2016.
    public static func parseTyped(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = parseISO(trimmed) { return iso }
        for separator in ["/", ".", "-"] {
            let parts = trimmed.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { continue }
            return CalendarDate(year: year, month: month, day: day)
        }
        return nil
    }
}
