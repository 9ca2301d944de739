/// Values quoted in messages: made inert and cut short, so a message can never carry an escape
/// sequence, nor a whole megabyte of someone's file.
public enum MessageText {
    /// Text as a sentence for a person: a capital first, and one stop at the end (a question or
    /// exclamation mark it has counts as one). "what is wrong — what to do" reads as a message.
    public static func sentence(_ text: String) -> String {
        let ended = text.last.map { ".?!".contains($0) } == true ? text : text + "."
        return (ended.first.map { String($0).uppercased() } ?? "") + ended.dropFirst()
    }

    /// Characters of a value shown in a message before it is cut with "…".
    public static let valueLimit = 60
    /// Items of a list shown in a message before "and N more".
    public static let listLimit = 8

    /// Characters of a path shown in a message: enough for any real path, never a megabyte.
    public static let pathLimit = 1_000

    /// The value, inert, at most `limit` characters.
    public static func excerpt(_ value: String, limit: Int = valueLimit) -> String {
        var cut = ""
        var count = 0
        for character in value {
            if count == limit {
                cut += "…"
                break
            }
            cut.append(character)
            count += 1
        }
        return TextSafety.inert(cut)
    }

    /// The value in double quotes, inert and cut: `"Kingsmere Primary…"`.
    public static func quoted(_ value: String, limit: Int = valueLimit) -> String { "\"" + excerpt(value, limit: limit) + "\"" }

    /// A file or directory path in double quotes, inert, cut only if absurdly long.
    public static func path(_ value: String) -> String { quoted(value, limit: pathLimit) }

    /// `a, b, c` or, when long, `a, b, … and 12 more`; each item inert and cut.
    public static func list(_ items: [String], limit: Int = listLimit) -> String {
        let shown = items.prefix(limit).map { excerpt($0) }.joined(separator: ", ")
        guard items.count > limit else { return shown }
        return shown + ", … and \(Count.text(items.count - limit)) more"
    }
}

/// Whole numbers as people read them in messages: `9,412`.
public enum Count {
    public static func text(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// "1 provider", "2 providers", "1,200 providers" (nouns that take an s).
    public static func text(_ value: Int, _ noun: String) -> String {
        "\(text(value)) \(noun)\(value == 1 ? "" : "s")"
    }
}
