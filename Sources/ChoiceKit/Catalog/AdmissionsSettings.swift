extension Manifest {
    /// What the council decides for admissions in its area (catalog format 2).
    public struct AdmissionsSettings: Hashable, Sendable {
        /// How many schools a parent may name: at least 3 by law, more where the council allows.
        public var primaryPreferences: Int
        public var secondaryPreferences: Int
        /// Where the numbers come from, e.g. the council's coordinated scheme.
        public var preferencesSource: String
        /// School holidays between terms, for counting school days (term dates are set locally).
        public var schoolHolidays: [SchoolHoliday]

        public init(primaryPreferences: Int, secondaryPreferences: Int, preferencesSource: String,
                    schoolHolidays: [SchoolHoliday]) {
            self.primaryPreferences = primaryPreferences
            self.secondaryPreferences = secondaryPreferences
            self.preferencesSource = preferencesSource
            self.schoolHolidays = schoolHolidays
        }

        public func isSchoolHoliday(_ date: CalendarDate) -> Bool {
            schoolHolidays.contains { $0.from <= date && date <= $0.to }
        }
    }

    public struct SchoolHoliday: Hashable, Sendable {
        public var name: String
        public var from: CalendarDate
        public var to: CalendarDate

        public init(name: String, from: CalendarDate, to: CalendarDate) {
            self.name = name
            self.from = from
            self.to = to
        }
    }

    /// An average of one results measure over England or the local area, for one year.
    public struct ResultsAverage: Hashable, Sendable {
        public var measure: ResultsMeasure
        public var scope: Scope
        public var value: Tenths
        public var year: String
        public var source: String

        public enum Scope: String, CaseIterable, Hashable, Sendable {
            case england, local
        }

        public init(measure: ResultsMeasure, scope: Scope, value: Tenths, year: String, source: String) {
            self.measure = measure
            self.scope = scope
            self.value = value
            self.year = year
            self.source = source
        }
    }

    public func resultsAverage(_ measure: ResultsMeasure, _ scope: ResultsAverage.Scope) -> ResultsAverage? {
        resultsAverages.first { $0.measure == measure && $0.scope == scope }
    }
}

/// The school results measures the catalog holds, by their column names.
public enum ResultsMeasure: String, CaseIterable, Hashable, Sendable {
    case ks2ExpectedStandard = "ks2_rwm_expected_pct"
    case attainment8 = "ks4_attainment8"
    case grade5EnglishMaths = "ks4_grade5_eng_maths_pct"

    public var label: String {
        switch self {
        case .ks2ExpectedStandard: return "KS2 expected standard"
        case .attainment8: return "Attainment 8"
        case .grade5EnglishMaths: return "Grade 5+ English and maths"
        }
    }

    /// The largest value the measure can take (percentages 100, Attainment 8 is a total out of 90).
    public var maximum: Tenths { Tenths(tenths: self == .attainment8 ? 900 : 1000) }

    public func text(_ value: Tenths) -> String { self == .attainment8 ? value.text : value.percentText }

    public func value(of school: SchoolDetails) -> Tenths? {
        switch self {
        case .ks2ExpectedStandard: return school.ks2ExpectedStandard
        case .attainment8: return school.ks4Attainment8
        case .grade5EnglishMaths: return school.ks4Grade5EnglishMaths
        }
    }
}
