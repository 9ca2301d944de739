/// How good a value is for the person choosing, by a rule kept in `Reference/Quality.swift`.
public enum Tone: Hashable, Sendable {
    case good, fair, poor, neutral
}

/// Why a value is missing: said in words, never shown as zero.
public enum Absence: Hashable, Sendable {
    /// The data does not have it.
    case notPublished
    /// It does not apply to this provider; the sentence says why ("not a care home").
    case notApplicable(String)
    /// It will exist but does not yet ("not yet rated").
    case notYet(String)
    /// It may exist, but the data it was imported from does not carry it (a CQC rating).
    case notImported

    public var words: String {
        switch self {
        case .notPublished: return "not published"
        case .notImported: return "rating not imported"
        case .notApplicable(let why), .notYet(let why): return why
        }
    }

    /// For narrow columns: "—" for not published, the reason's first words otherwise.
    public var short: String {
        switch self {
        case .notPublished: return ShortText.notPublished
        case .notImported: return "not imported"
        case .notApplicable: return "n/a"
        case .notYet(let why): return why
        }
    }
}

/// A value with its meaning: what it is as data, how to write it short and in words, how good it
/// is, and how it sorts. Computed once in ChoiceKit; the screen, plain mode, the command line and
/// exports all read it and never parse the text back.
public struct Measure: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case text(String)
        case count(Int)
        /// A score with one decimal place, in tenths (Attainment 8 47.5 is 475).
        case tenths(Int32)
        /// A percentage with one decimal place, in tenths of a percent.
        case percentTenths(Int32)
        case money(Money, per: PriceUnit?)
        case metres(Int)
        case date(CalendarDate)
        case yesNo(Bool)
        /// A grade on a published scale: its label and its rank (higher is better).
        case grade(String, rank: Int)
    }

    /// The value as data; nil when missing.
    public let value: Value?
    /// For narrow columns: "£29.00/hr", "A8 47.5".
    public let short: String
    /// In words, for details, plain mode and screen readers: "£29.00 an hour", "Attainment 8: 47.5".
    public let long: String
    public let tone: Tone
    public let absence: Absence?
    /// Orders values of the same measure; nil sorts last.
    public let sortKey: Int64?

    public init(_ value: Value, short: String, long: String? = nil, tone: Tone = .neutral, sortKey: Int64? = nil) {
        self.value = value
        self.short = short
        self.long = long ?? short
        self.tone = tone
        self.absence = nil
        self.sortKey = sortKey
    }

    public static func missing(_ absence: Absence) -> Measure { Measure(absence: absence) }

    private init(absence: Absence) {
        value = nil
        short = absence.short
        long = absence.words
        tone = .neutral
        self.absence = absence
        sortKey = nil
    }

    public var isMissing: Bool { value == nil }

    /// The same value written differently ("met" rather than "yes").
    public func relabelled(_ text: String) -> Measure {
        guard let value else { return self }
        return Measure(value, short: text, long: text, tone: tone, sortKey: sortKey)
    }

    public static func text(_ text: String?, missing: Absence = .notPublished) -> Measure {
        guard let text, !text.isEmpty else { return .missing(missing) }
        return Measure(.text(text), short: text)
    }

    public static func count(_ count: Int?, missing: Absence = .notPublished) -> Measure {
        guard let count else { return .missing(missing) }
        let text = Money.groupThousands(UInt64(max(0, count)))
        return Measure(.count(count), short: text, sortKey: Int64(count))
    }

    public static func yesNo(_ value: Bool?, missing: Absence = .notPublished, tone: (Bool) -> Tone = { _ in .neutral }) -> Measure {
        guard let value else { return .missing(missing) }
        return Measure(.yesNo(value), short: value ? "yes" : "no", tone: tone(value), sortKey: value ? 1 : 0)
    }

    public static func date(_ date: CalendarDate?, missing: Absence = .notPublished) -> Measure {
        guard let date else { return .missing(missing) }
        return Measure(.date(date), short: date.short, long: date.long, sortKey: Int64(date.daysSinceEpoch))
    }

    public static func metres(_ metres: Double) -> Measure {
        let rounded = Int(metres.isFinite ? metres.rounded() : 0)
        return Measure(.metres(rounded), short: DistanceText.format(metres: metres),
                       long: DistanceText.spoken(metres: metres), sortKey: Int64(rounded))
    }

    public static func money(_ money: Money?, per unit: PriceUnit?, missing: Absence = .notPublished) -> Measure {
        guard let money else { return .missing(missing) }
        return Measure(.money(money, per: unit), short: money.formattedShort + (unit?.abbreviation ?? ""),
                       long: money.formatted + (unit.map { " " + $0.per } ?? ""), sortKey: money.pence)
    }
}
