import ChoiceKit

/// Numbers typed on the command line, read as text so a negative number reaches the check that can
/// say what is wrong with it (a parser that takes `-5` for an option can only say "missing value"),
/// and so `inf`, `nan` and `1e309` are refused rather than used.
enum NumberArgument {
    /// A distance in kilometres, more than 0 and at most `limit`.
    static func kilometres(_ text: String, option: String, limit: Double = 1_000) throws(Failure) -> Double {
        let trimmed = text.trimmingCharacters()
        guard let value = Double(trimmed) else {
            throw Failure.usage("\(option) \(MessageText.quoted(text)) is not a number of kilometres — give a distance such as 2.5")
        }
        guard value.isFinite else {
            throw Failure.usage("\(option) \(MessageText.quoted(text)) is not a finite number — give a distance such as 2.5")
        }
        guard value > 0, value <= limit else {
            throw Failure.usage("\(option) must be more than 0 and at most \(Count.text(Int(limit))) km (it was \(MessageText.excerpt(trimmed))) — give a distance such as 2.5")
        }
        return value
    }

    /// A whole number within `range`.
    static func whole<Value: FixedWidthInteger>(_ text: String, option: String, in range: ClosedRange<Value>,
                                                 example: String) throws(Failure) -> Value {
        let trimmed = text.trimmingCharacters()
        let limits = "\(Count.text(Int(truncatingIfNeeded: range.lowerBound))) to \(range.upperBound > Value(Int.max) ? String(range.upperBound) : Count.text(Int(range.upperBound)))"
        guard !trimmed.isEmpty, trimmed.dropFirst(trimmed.first == "-" || trimmed.first == "+" ? 1 : 0).allSatisfy(\.isASCIIDigit) else {
            throw Failure.usage("\(option) \(MessageText.quoted(text)) is not a whole number — give one from \(limits), e.g. \(example)")
        }
        guard let value = Value(trimmed), range.contains(value) else {
            throw Failure.usage("\(option) must be a whole number from \(limits) (it was \(MessageText.excerpt(trimmed))) — e.g. \(example)")
        }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
