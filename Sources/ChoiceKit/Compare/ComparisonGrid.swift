/// Providers side by side: providers as columns, measures as rows, each cell a typed value that
/// knows how it sorts, why it is missing, and whether it is the best in its row. Screens, plain
/// mode, the command line and exports all draw from this; none parses text back.
public struct ComparisonGrid: Hashable, Sendable {
    public var title: String
    public var columns: [ComparisonColumn]
    public var rows: [ComparisonRow]
    /// Sentences that explain the grid (how distance is measured, what a score means).
    public var notes: [String]

    /// Marks the best cell in a row in text, so it never depends on colour.
    public static let bestMarker = "★"
    public static let bestLegend = "★ best in its row"

    public init(title: String, columns: [ComparisonColumn], rows: [ComparisonRow], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows.map { $0.markingBest() }
        self.notes = notes
    }
}

public struct ComparisonColumn: Hashable, Sendable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// Which way is better in a row, or neither (type of school, faith).
public enum BetterDirection: Hashable, Sendable {
    case higher, lower, none
}

public struct ComparisonRow: Hashable, Sendable {
    public var key: String
    public var label: String
    /// A heading the row sits under ("Ofsted", "Results", "Admissions").
    public var group: String
    public var better: BetterDirection
    public var cells: [ComparisonCell]

    public init(key: String, label: String, group: String, better: BetterDirection = .none, cells: [ComparisonCell]) {
        self.key = key
        self.label = label
        self.group = group
        self.better = better
        self.cells = cells
    }

    /// The best value is marked only where at least two cells have values and they differ; ties are all best.
    func markingBest() -> ComparisonRow {
        var row = self
        guard better != .none else { return row }
        let values = cells.compactMap(\.sortValue)
        guard values.count >= 2, let best = better == .higher ? values.max() : values.min(), values.contains(where: { $0 != best }) else {
            return row
        }
        for index in row.cells.indices { row.cells[index].isBest = row.cells[index].sortValue == best }
        return row
    }
}

public struct ComparisonCell: Hashable, Sendable {
    /// Short text for the grid ("640 m", "Strong standard", "Likely").
    public var text: String
    /// A longer explanation (a chance's reason, a grade's date); optional.
    public var detail: String?
    /// Orders the row for "best"; nil when the value cannot be compared or is missing.
    public var sortValue: Int?
    /// Why there is no value; nil when there is one. Never shown as 0.
    public var absence: Absence?
    /// How good the value is, for screens to colour by; never the only signal (the text says it too).
    public var tone: Tone
    public internal(set) var isBest: Bool

    public init(text: String, detail: String? = nil, sortValue: Int? = nil, tone: Tone = .neutral) {
        self.text = text
        self.detail = detail
        self.sortValue = sortValue
        self.absence = nil
        self.tone = tone
        self.isBest = false
    }

    /// A missing value says why in words; it is never shown as 0.
    public static func missing(_ absence: Absence = .notPublished) -> ComparisonCell {
        var cell = ComparisonCell(text: absence.words)
        cell.absence = absence
        return cell
    }

    public var isMissing: Bool { absence != nil }
    public var missingReason: String? { absence?.words }

    /// The cell as one line for exports: text, the best marker, and the detail after a dash.
    public var plainText: String {
        var out = text
        if isBest { out += " " + ComparisonGrid.bestMarker }
        if let detail, !detail.isEmpty { out += " — " + detail }
        return out
    }
}
