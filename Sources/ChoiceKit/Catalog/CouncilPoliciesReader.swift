import Foundation

/// Reads and checks the manifest's `council_policies` object (format version 2), reporting each
/// problem as `FILE:LINE: FIELD: what is wrong — how to fix it`.
struct CouncilPoliciesReader {
    let file: String
    /// The manifest's bytes, for finding the line of a problem.
    let bytes: [UInt8]
    private(set) var problems: [CatalogProblem] = []

    /// Amounts in policies are pounds and pence in a JSON string ("20.00"), read exactly.
    static let largestAmount = Money(pounds: 1_000_000)

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// The line of `needle` inside the policies object (keys such as "as_of" occur earlier too).
    private func line(of needle: String) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        let start = text.range(of: "\"council_policies\"")?.lowerBound ?? text.startIndex
        guard let range = text.range(of: needle, range: start..<text.endIndex) else { return nil }
        return text.utf8[..<range.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// `field` is the path under council_policies ("charging.year"); the line is found by its last key.
    private mutating func problem(_ field: String, _ message: String, _ fix: String, severity: CatalogProblem.Severity = .error) {
        let key = field.split(separator: ".").last.map(String.init) ?? field
        problems.append(CatalogProblem(file: file, line: line(of: "\"\(key)\""), field: "council_policies.\(field)",
                                       message: message, fix: fix, severity: severity))
    }

    static let knownKeys: Set<String> = ["council", "as_of", "url", "payment_interval_weeks", "contingency_weeks",
                                         "direct_payments_may_buy_council_services", "standard_dre_weekly", "charging"]

    mutating func read(_ value: Any, commissioners: Set<String>) -> CouncilPolicies? {
        guard let object = value as? [String: Any] else {
            problems.append(CatalogProblem(file: file, line: line(of: "\"council_policies\""), field: "council_policies",
                                           message: "is not an object", fix: "write {\"council\": \"council\", \"as_of\": \"2026-04-01\", …}; see catalog/README.md"))
            return nil
        }
        for key in object.keys.sorted() where !Self.knownKeys.contains(key) {
            problem(key, "is not a council policy Agora knows and was ignored",
                    "remove it, or check its spelling against catalog/README.md", severity: .warning)
        }
        let council = object["council"] as? String
        if council == nil {
            problem("council", "is missing", "give the commissioner id of the council, e.g. \"council\"")
        } else if let council, !commissioners.contains(council) {
            problem("council", "\"\(TextSafety.inert(council))\" is not a commissioner in this manifest",
                    "use the id of the council in \"commissioners\"")
        }
        let asOfText = object["as_of"] as? String
        let asOf = asOfText.flatMap(CalendarDate.parseISO)
        if asOf == nil {
            problem("as_of", asOfText.map { "\"\(TextSafety.inert($0))\" is not a date" } ?? "is missing",
                    "give the day the policies were checked as YYYY-MM-DD")
        }
        let url = object["url"] as? String ?? ""
        if let bad = url.unicodeScalars.first(where: TextSafety.isControl) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            problem("url", "contains a control character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
                    "remove it; catalog text must be plain, printable text")
        }
        let interval = weeks(object, "payment_interval_weeks", range: 1...13)
        let contingency = weeks(object, "contingency_weeks", range: 0...52)
        var mayBuy: Bool? = nil
        if let raw = object["direct_payments_may_buy_council_services"], !(raw is NSNull) {
            if Self.isJSONBool(raw), let flag = raw as? Bool {
                mayBuy = flag
            } else {
                problem("direct_payments_may_buy_council_services", "is not true or false",
                        "write true or false, or null when the council has not said")
            }
        }
        let dre = amount(object, "standard_dre_weekly", path: "standard_dre_weekly")
        var charging = CouncilPolicies.ChargingFigures()
        if let raw = object["charging"], !(raw is NSNull) {
            if let figures = raw as? [String: Any] {
                let keys = Set(CouncilPolicies.chargingKeys.map(\.key) + ["year"])
                for key in figures.keys.sorted() where !keys.contains(key) {
                    problem("charging.\(key)", "is not a charging figure Agora knows and was ignored",
                            "remove it, or check its spelling against catalog/README.md", severity: .warning)
                }
                if let year = figures["year"] {
                    if let year = year as? String, !year.isEmpty, !year.unicodeScalars.contains(where: TextSafety.isControl) {
                        charging.year = year
                    } else if !(year is NSNull) {
                        problem("charging.year", "is not a year such as \"2026/27\"", "give the financial year the figures are for")
                    }
                }
                for (key, path) in CouncilPolicies.chargingKeys {
                    charging[keyPath: path] = amount(figures, key, path: "charging.\(key)")
                }
                if let lower = charging.lowerCapitalLimit, let upper = charging.upperCapitalLimit, lower >= upper {
                    problem("lower_capital_limit", "\(lower.formatted) is not below the upper limit \(upper.formatted)",
                            "the lower capital limit must be the smaller")
                }
                if !charging.isEmpty, charging.year == nil {
                    problem("charging", "gives figures without saying which year they are for",
                            "add \"year\": \"2026/27\" (or the year they apply to)")
                }
            } else {
                problem("charging", "is not an object", "write {\"year\": \"2026/27\", \"minimum_income_pension_age\": \"…\"}")
            }
        }
        guard let council, commissioners.contains(council), let asOf else { return nil }
        return CouncilPolicies(councilID: council, asOf: asOf, url: url, paymentIntervalWeeks: interval,
                               contingencyWeeks: contingency, directPaymentsMayBuyCouncilServices: mayBuy,
                               standardDisabilityRelatedExpenditure: dre, charging: charging)
    }

    /// JSON true and false arrive as NSNumbers of C type "c", unlike 0 and 1.
    static func isJSONBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// A whole number of weeks in range; null or absent means not published.
    private mutating func weeks(_ object: [String: Any], _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let number = raw as? NSNumber, !Self.isJSONBool(raw),
              number.doubleValue == number.doubleValue.rounded(), range.contains(Int(exactly: number.doubleValue) ?? -1) else {
            problem(key, "\(raw) is not a whole number of weeks from \(range.lowerBound) to \(range.upperBound)",
                    "give whole weeks, e.g. 4, or null when the council has not published it")
            return nil
        }
        return number.intValue
    }

    /// Pounds and pence in a string, from £0 up to £1,000,000; null or absent means not published.
    private mutating func amount(_ object: [String: Any], _ key: String, path: String) -> Money? {
        guard let raw = object[key], !(raw is NSNull) else { return nil }
        guard let text = raw as? String else {
            problem(path, "is not written as a string of pounds and pence", "write it in quotes, e.g. \"20.00\"")
            return nil
        }
        switch Money.parse(text) {
        case .success(let money) where !money.isNegative && money <= Self.largestAmount:
            return money
        case .success:
            problem(path, "\"\(TextSafety.inert(text))\" is outside £0 to £1,000,000", "give a weekly amount such as \"20.00\"")
        case .failure(let error):
            problem(path, TextSafety.inert(error.explanation), "write pounds and pence, e.g. \"20.00\"")
        }
        return nil
    }
}
