/// Names and addresses that a national file keeps in capitals ("ST ANNE'S & PRIORY PRACTICE",
/// "STOCKTON-ON-TEES") read as people write them ("St Anne's & Priory Practice",
/// "Stockton-on-Tees"): a list of such names in capitals is hard to read, and shouts beside the
/// mixed-case names of schools and care services.
enum CapitalsText {
    /// Kept in capitals: initialisms seen in practice names and addresses.
    private static let initialisms: Set<String> = [
        "NHS", "GP", "GPS", "HMP", "HMYOI", "PCN", "ICB", "CCG", "UK", "CIC", "LLP", "PLC", "LTD", "UTC",
        "MIU", "WIC", "OOH", "HCRG", "PMS", "GMS", "APMS", "IOM", "IOW", "A&E", "BMA", "RAF", "YMCA", "HIV",
        "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
    ]
    /// Lower case inside a name, as in "Practice of the Rose" and "Stoke-on-Trent".
    private static let smallWords: Set<String> = [
        "of", "the", "and", "on", "upon", "in", "by", "at", "de", "la", "le", "under", "with", "en", "for",
    ]

    /// Text with no lower-case letters, cased as a name; anything already in mixed case is left
    /// as it is (its writer chose its capitals).
    static func readable(_ text: String) -> String {
        guard !text.contains(where: \.isLowercase), text.contains(where: \.isUppercase) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var word = ""
        var wordsSoFar = 0
        func flush(before next: Character?) {
            guard !word.isEmpty else { return }
            result += cased(word, first: wordsSoFar == 0, last: next == nil)
            wordsSoFar += 1
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "'" || character == "’" || character == "&" {
                word.append(character)
            } else {
                flush(before: character)
                result.append(character)
            }
        }
        flush(before: nil)
        return result
    }

    private static func cased(_ word: String, first: Bool, last: Bool) -> String {
        if initialisms.contains(word) { return word }
        let lower = word.lowercased()
        if !first, !last, smallWords.contains(lower) { return lower }
        // "Anne's", not "Anne'S"; "2nd", not "2Nd"; "Mcdonald" is left so (too few names to guess).
        guard let head = lower.firstIndex(where: \.isLetter) else { return lower }
        guard lower[..<head].allSatisfy({ !$0.isNumber }) else { return lower }
        return lower[..<head] + lower[head...head].uppercased() + lower[lower.index(after: head)...]
    }
}
