import ChoiceKit

/// Counts short stays in residential care paid by direct payment: at most four consecutive weeks
/// in any twelve months, where stays less than four weeks apart are added together.
public struct ShortStayCount: Hashable, Sendable {
    public struct Stay: Hashable, Sendable {
        public var line: Int
        public var nights: Int
        public var start: CalendarDate?

        public init(line: Int, nights: Int, start: CalendarDate?) {
            self.line = line
            self.nights = nights
            self.start = start
        }
    }

    /// A run of stays that count as one period (less than four weeks apart).
    public struct CountedPeriod: Hashable, Sendable {
        public var lines: [Int]
        public var nights: Int
    }

    public var stays: [Stay]
    public var periods: [CountedPeriod]
    public var limitNights: Int { DirectPaymentRules.shortStayLimitNights.value }
    public var longest: Int { periods.map(\.nights).max() ?? 0 }
    public var isWithinLimit: Bool { longest <= limitNights }
    /// Stays without a date cannot be placed in time, so they are added together with the rest.
    public var hasUndatedStays: Bool { stays.contains { $0.start == nil } }

    public init(stays: [Stay]) {
        self.stays = stays
        let gap = DirectPaymentRules.shortStayGapDays.value
        let undated = stays.filter { $0.start == nil }
        let dated = stays.compactMap { stay in stay.start.map { (stay: stay, start: $0) } }.sorted { $0.start < $1.start }
        var periods: [CountedPeriod] = []
        var lastEnd: CalendarDate? = nil
        for (stay, start) in dated {
            let end = start.adding(days: stay.nights)
            if let previous = lastEnd, previous.days(until: start) < gap, var current = periods.popLast() {
                current.lines.append(stay.line)
                current.nights += stay.nights
                periods.append(current)
            } else {
                periods.append(CountedPeriod(lines: [stay.line], nights: stay.nights))
            }
            lastEnd = end
        }
        if !undated.isEmpty {
            // Unknown timing: counted with the longest dated period, the cautious reading.
            let undatedNights = undated.reduce(0) { $0 + $1.nights }
            let undatedLines = undated.map(\.line)
            if let longestIndex = periods.indices.max(by: { periods[$0].nights < periods[$1].nights }) {
                periods[longestIndex].lines += undatedLines
                periods[longestIndex].nights += undatedNights
            } else {
                periods.append(CountedPeriod(lines: undatedLines, nights: undatedNights))
            }
        }
        self.periods = periods
    }

    /// "21 of 28 nights"-style summary.
    public var words: String {
        guard !stays.isEmpty else { return "no short stays paid by direct payment" }
        let counted = "\(longest) of the \(limitNights) nights (4 weeks) allowed in a row"
        return hasUndatedStays ? "\(counted), counting stays without dates together" : counted
    }
}
