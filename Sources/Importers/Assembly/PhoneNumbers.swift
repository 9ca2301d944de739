/// UK telephone numbers written as people read them, whatever the national file did: CQC's
/// directory drops the spaces (and the leading 0), epraccur and GIAS keep their own. Groups as
/// in Ofcom's National Telephone Numbering Plan (2024): 020 7946 0000; 0113 496 0000 and
/// 0161 496 0000; 01632 960000; 07700 900000; 0300 123 4567, 0800 123 4567.
enum PhoneNumbers {
    static func grouped(_ text: String) -> String {
        let digits = Array(text.filter { $0 != " " })
        guard digits.count == 11, digits.allSatisfy(\.isASCIIDigit), digits[0] == "0" else { return text }
        let sizes: [Int]
        switch (digits[1], digits[2], digits[3]) {
        case ("2", _, _): sizes = [3, 4, 4]
        case ("1", "1", _), ("1", _, "1"): sizes = [4, 3, 4]
        case ("1", _, _), ("7", _, _): sizes = [5, 6]
        default: sizes = [4, 3, 4]
        }
        var groups: [String] = []
        var start = 0
        for size in sizes {
            groups.append(String(digits[start..<(start + size)]))
            start += size
        }
        return groups.joined(separator: " ")
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
