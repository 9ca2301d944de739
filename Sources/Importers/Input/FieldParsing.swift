import ChoiceKit

/// Numbers and dates read straight from a field's bytes, as the national files write them.
enum FieldParsing {
    /// Digits only (at most 12), within `range`.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Int>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 12 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return range.contains(value) ? value : nil
    }

    /// A decimal such as `-2.532223` or `458210` (at most 15 digits), exactly as written, rounded
    /// once to the nearest Double.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0, places = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte >= 0x30, byte <= 0x39 {
                guard digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                digits += 1
                if seenPoint { places += 1 }
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / powersOfTen[places]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// GIAS dates: `31-08-2019` (also `31/08/2019`).
    static func dayMonthYear(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count == 10, bytes[2] == bytes[5], bytes[2] == UInt8(ascii: "-") || bytes[2] == UInt8(ascii: "/"),
              let day = number(bytes, 0..<2), let month = number(bytes, 3..<5), let year = number(bytes, 6..<10) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// ODS dates: `20171031`.
    static func compact(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count == 8, let year = number(bytes, 0..<4), let month = number(bytes, 4..<6),
              let day = number(bytes, 6..<8) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// ISO dates, `2019-10-31`, as the CQC API writes them (a time after them is ignored).
    static func iso(_ text: String) -> CalendarDate? {
        CalendarDate.parseISO(String(text.prefix(10)))
    }

    private static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The CQC directory's dates, in either of its styles: `09/Jan/2018 - 00:00` or
    /// `09/01/2018 - 00:00` (the time may be missing).
    static func cqcDirectory(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        let text = String(decoding: bytes, as: UTF8.self)
        let datePart = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? text
        let parts = datePart.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        let monthText = parts[1].lowercased()
        let month = Int(monthText) ?? monthAbbreviations.firstIndex(of: monthText).map { $0 + 1 }
        guard let month else { return nil }
        if text.count > datePart.count {
            // The rest must be the time CQC writes: " - 00:00".
            let rest = text.dropFirst(datePart.count).trimming(" ")
            guard rest.isEmpty || rest.hasPrefix("- ") || rest.hasPrefix("-") else { return nil }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

extension Substring {
    func trimming(_ set: Character) -> Substring {
        var slice = self
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return slice
    }
}
