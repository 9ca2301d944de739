import ChoiceKit

/// What a form field accepts. Each kind has its parser, so a form hands its owner typed values,
/// never text to parse again.
public enum FieldKind: Hashable, Sendable {
    case text
    /// Pounds and pence, read exactly by `Money` ("£1,234.50", "1234.5", "1234").
    case money(minimum: Money?, maximum: Money?)
    /// A calendar date typed as DD/MM/YYYY or YYYY-MM-DD.
    case date(earliest: CalendarDate?, latest: CalendarDate?)
    /// A UK postcode's shape; whether the area knows it is for the form's owner to say.
    case postcode
    case wholeNumber(ClosedRange<Int>)
    /// One of a few options, changed with ← → or Space.
    case choice([String])
}

/// A field's value once parsed.
public enum FieldValue: Hashable, Sendable {
    case empty
    case text(String)
    case money(Money)
    case date(CalendarDate)
    case postcode(String)
    case number(Int)
    case choice(Int)

    public var text: String? { if case .text(let value) = self { return value }; return nil }
    public var money: Money? { if case .money(let value) = self { return value }; return nil }
    public var date: CalendarDate? { if case .date(let value) = self { return value }; return nil }
    public var postcode: String? { if case .postcode(let value) = self { return value }; return nil }
    public var number: Int? { if case .number(let value) = self { return value }; return nil }
    public var choice: Int? { if case .choice(let value) = self { return value }; return nil }
}

/// A field needed only while the choice field `field` has one of `choices` chosen.
public struct FieldCondition: Hashable, Sendable {
    public let field: String
    public let choices: Set<Int>
    public init(field: String, choices: Set<Int>) {
        self.field = field
        self.choices = choices
    }
}

/// One labelled field of a `Form`.
public struct FormField: Hashable, Sendable {
    public let id: String
    public let label: String
    public let hint: String?
    public let kind: FieldKind
    public let required: Bool
    public var input: TextField
    public var choice: Int
    /// What is wrong with the value, shown beside the field.
    public var error: String?
    /// Set when the field matters only for some answers to a choice field: Tab passes over it
    /// otherwise, and it is drawn dim.
    public var neededWhen: FieldCondition?
    let initialText: String
    let initialChoice: Int

    public init(id: String, label: String, kind: FieldKind, value: String = "", required: Bool = false, hint: String? = nil,
                limit: Int = 100) {
        self.id = id
        self.label = label
        self.hint = hint
        self.kind = kind
        self.required = required
        input = TextField(value, width: Self.width(of: kind), limit: limit)
        var chosen = 0
        if case .choice(let options) = kind { chosen = options.firstIndex(of: value) ?? 0 }
        choice = chosen
        initialText = input.text
        initialChoice = chosen
    }

    static func width(of kind: FieldKind) -> Int {
        switch kind {
        case .text: return 32
        case .money: return 12
        case .date: return 12
        case .postcode: return 10
        case .wholeNumber: return 8
        case .choice(let options): return min(40, (options.map(DisplayWidth.of).max() ?? 4) + 4)
        }
    }

    public var isChanged: Bool { input.text != initialText || choice != initialChoice }

    /// What the field shows when drawn.
    public var shownText: String {
        if case .choice(let options) = kind, options.indices.contains(choice) { return "◂ \(options[choice]) ▸" }
        return input.text
    }

    /// The typed value, or a sentence saying what to type instead.
    public func parse() -> Result<FieldValue, FieldError> {
        let raw = input.text.trimmingCharacters(in: " ")
        if case .choice = kind { return .success(.choice(choice)) }
        if raw.isEmpty { return required ? .failure(FieldError("Please fill this in.")) : .success(.empty) }
        switch kind {
        case .text:
            return .success(.text(raw))
        case .money(let minimum, let maximum):
            switch Money.parse(raw) {
            case .failure(let problem): return .failure(FieldError(MessageText.sentence(problem.explanation) + " Type pounds and pence, e.g. 12.50."))
            case .success(let money):
                if let minimum, money < minimum { return .failure(FieldError("Must be at least \(minimum.formatted).")) }
                if let maximum, money > maximum { return .failure(FieldError("Must be at most \(maximum.formatted).")) }
                return .success(.money(money))
            }
        case .date(let earliest, let latest):
            guard let date = CalendarDate.parseTyped(raw) else {
                return .failure(FieldError("\"\(raw)\" is not a date: type it as day, month and year, e.g. 01/09/2026 (or 2026-09-01)."))
            }
            if let earliest, date < earliest { return .failure(FieldError("Must be \(earliest.long) or later.")) }
            if let latest, date > latest { return .failure(FieldError("Must be \(latest.long) or earlier.")) }
            return .success(.date(date))
        case .postcode:
            let canonical = PostcodeFormat.normalise(raw)
            guard PostcodeFormat.isWellFormed(canonical) else {
                return .failure(FieldError("\"\(raw)\" is not a postcode: it looks like KM1 2AB."))
            }
            return .success(.postcode(canonical))
        case .wholeNumber(let range):
            guard raw.count <= 12, let number = Int(raw) else {
                return .failure(FieldError("Type a whole number, e.g. \(range.lowerBound)."))
            }
            guard range.contains(number) else {
                return .failure(FieldError("Type a number from \(range.lowerBound) to \(range.upperBound)."))
            }
            return .success(.number(number))
        case .choice:
            return .success(.choice(choice))
        }
    }
}

/// Why a field's text is not a value: a sentence a person can act on.
public struct FieldError: Error, Hashable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
