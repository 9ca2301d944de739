/// UK telephone numbers written as people read them, whatever the national file did: CQC's
/// directory drops the spaces (and the leading 0), epraccur and GIAS keep their own. Groups as
/// in Ofcom's National Telephone Numbering Plan (2024): 020 7946 0000; 0113 496 0000 and
/// 0161 496 0000; 01632 960000; 07700 900000; 0300 123 4567, 0800 123 4567.
enum PhoneNumbers {
    /// Anything but eleven digits from 0 (spaces aside) is left as the file has it.
    static func grouped(_ text: String) -> String {
        // Done for every row of a national file, so on bytes rather than characters.
        var digits: [UInt8] = []
        digits.reserveCapacity(11)
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits.count < 11 else { return text }
            digits.append(byte)
        }
        guard digits.count == 11, digits[0] == UInt8(ascii: "0") else { return text }
        let sizes: [Int]
        switch (digits[1], digits[2], digits[3]) {
        case (UInt8(ascii: "2"), _, _): sizes = [3, 4, 4]
        case (UInt8(ascii: "1"), UInt8(ascii: "1"), _), (UInt8(ascii: "1"), _, UInt8(ascii: "1")): sizes = [4, 3, 4]
        case (UInt8(ascii: "1"), _, _), (UInt8(ascii: "7"), _, _): sizes = [5, 6]
        default: sizes = [4, 3, 4]
        }
        var spaced: [UInt8] = []
        spaced.reserveCapacity(14)
        var start = 0
        for size in sizes {
            if start > 0 { spaced.append(UInt8(ascii: " ")) }
            spaced += digits[start..<(start + size)]
            start += size
        }
        return String(decoding: spaced, as: UTF8.self)
    }
}
