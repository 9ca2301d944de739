/// A feature as plain-mode lines: headings, numbered items and notes, then a prompt saying what
/// can be typed. Read by a screen reader line by line, so nothing is drawn, only said.
public struct PlainView: Hashable, Sendable {
    public var title: String
    public var lines: [PlainLine]
    public var prompt: String

    public init(title: String, lines: [PlainLine], prompt: String) {
        self.title = title
        self.lines = lines
        self.prompt = prompt
    }
}

public struct PlainLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case heading, item(Int), note }
    public var kind: Kind
    public var text: String

    public static func heading(_ text: String) -> PlainLine { PlainLine(kind: .heading, text: text) }
    public static func item(_ number: Int, _ text: String) -> PlainLine { PlainLine(kind: .item(number), text: text) }
    public static func note(_ text: String) -> PlainLine { PlainLine(kind: .note, text: text) }

    /// The line as printed: numbered items start with their number.
    public var printed: String {
        switch kind {
        case .heading: return text + ":"
        case .item(let number): return "\(number). \(text)"
        case .note: return text
        }
    }
}

/// One typed plain-mode command: a word, an optional number and the rest. "f1", "f 1", "f 3 2 km",
/// "3" and "s st mary" are all understood.
public struct PlainCommand: Hashable, Sendable {
    public var word: String
    public var number: Int?
    public var argument: String
    /// The line as typed (trimmed), for answers that are text: a file name, a postcode.
    public var raw: String

    public init(word: String, number: Int? = nil, argument: String = "") {
        self.word = word
        self.number = number
        self.argument = argument
        raw = ([word, number.map(String.init) ?? "", argument].filter { !$0.isEmpty }).joined(separator: " ")
    }

    public init(parsing line: String) {
        raw = line.trimmingCharacters(in: " ")
        var rest = Substring(raw)
        // The word: leading letters and symbols up to a digit or a space.
        var word = ""
        while let first = rest.first, !first.isWhitespace, !first.isNumber {
            word.append(first)
            rest = rest.dropFirst()
        }
        while rest.first?.isWhitespace == true { rest = rest.dropFirst() }
        // The number: digits, if the next part is only digits.
        var digits = ""
        var afterDigits = rest
        while let first = afterDigits.first, first.isASCII, first.isNumber {
            digits.append(first)
            afterDigits = afterDigits.dropFirst()
        }
        if !digits.isEmpty, digits.count <= 9, afterDigits.first.map(\.isWhitespace) ?? true, let value = Int(digits) {
            number = value
            rest = afterDigits
            while rest.first?.isWhitespace == true { rest = rest.dropFirst() }
        } else {
            number = nil
        }
        self.word = word.lowercased()
        argument = String(rest)
    }
}

/// Symbols and abbreviations spelled out for a screen reader.
public enum Spoken {
    public static func text(_ text: String) -> String {
        var out = text
        for (symbol, words) in replacements { out = out.replacingAll(symbol, with: words) }
        return out
    }

    static let replacements: [(String, String)] = [
        ("◂ ", ""), (" ▸", ""), ("≥ ", "at least "), ("≥", "at least "), ("≤ ", "at most "), ("/hr", " an hour"), ("/wk", " a week"),
        ("/day", " a day"), ("A8 ", "Attainment 8 "), ("KS2 ", "Key stage 2 "), ("✓", "marked"), ("—", "-"), ("…", "..."),
        ("[x]", "on"), ("[ ]", "off"), (" × ", " times "),
    ]
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
