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
