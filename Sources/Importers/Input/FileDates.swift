import ChoiceKit

/// Publishers put the date of a release in the file's name: GIAS `edubasealldata20260915.csv`,
/// ONS `NSPL_AUG_2026_UK.csv`. When the name has one, it is how current the data is.
enum FileDates {
    static func date(inName path: String) -> CalendarDate? {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let characters = Array(name)
        // Eight digits that make a date: YYYYMMDD.
        var index = 0
        while index + 8 <= characters.count {
            let run = characters[index..<(index + 8)]
            if run.allSatisfy(\.isASCIIDigitCharacter), index + 8 == characters.count || !characters[index + 8].isASCIIDigitCharacter,
               index == 0 || !characters[index - 1].isASCIIDigitCharacter,
               let year = Int(String(run.prefix(4))), (2000...2100).contains(year),
               let month = Int(String(run.dropFirst(4).prefix(2))), let day = Int(String(run.suffix(2))),
               let date = CalendarDate(year: year, month: month, day: day) {
                return date
            }
            index += 1
        }
        // A month's name and a year: AUG_2026, August 2026.
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (position, word) in words.enumerated() where position + 1 < words.count {
            guard let month = CalendarDate.monthNumber(word), word.count == 3 || CalendarDate.monthNames.contains(word.lowercased()),
                  let year = Int(words[position + 1]), (2000...2100).contains(year) else { continue }
            return CalendarDate(year: year, month: month, day: 1)
        }
        return nil
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

/// How current a file's data is, and how that was found out, for the report and the About page.
struct AsOf: Sendable {
    let date: CalendarDate
    /// "from the file's name", "the newest LastChangedDate in the file", …
    let basis: String
    /// The same, short, after a data date's label: "dated by the file's name".
    let dating: String

    /// The date in the file's name where it has one (`nameFirst`), or the one the file's contents
    /// give; failing both, the day of the import.
    static func of(_ file: ImportFile?, inFile: CalendarDate?, inFileBasis: String, dating: String, nameFirst: Bool = true,
                   today: CalendarDate) -> AsOf {
        let named = file.flatMap { FileDates.date(inName: $0.path) }.map {
            AsOf(date: $0, basis: "from the file's name", dating: "dated by the file's name")
        }
        let found = inFile.map { AsOf(date: $0, basis: inFileBasis, dating: dating) }
        let chosen = nameFirst ? (named ?? found) : (found ?? named)
        return chosen ?? AsOf(date: today, basis: "the day of the import: the file gives no date", dating: "the file gives no date: the day of the import")
    }

    /// "as of 1 August 2026, from the file's name".
    var text: String { "as of \(date.long), \(basis)" }
}
