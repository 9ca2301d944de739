import ChoiceKit

/// What an import did: for each file, the rows imported and those skipped (counted by reason, and
/// each one by its line), notes on values that could not be used, and what the imported providers
/// lack because the national files do not carry it.
public struct ImportReport: Sendable {
    public var files: [FileSection] = []
    public var lacking: [Lacking] = []
    /// One line: what the catalog now holds.
    public var outcome: String = ""

    public init() {}

    /// Why a row was not imported.
    public struct Reason: Hashable, Sendable {
        public let text: String
        /// A problem with the row (a value that cannot be read), as opposed to a row left out by
        /// choice (closed, outside the area, another kind of service).
        public let isProblem: Bool

        public init(_ text: String, isProblem: Bool = false) {
            self.text = text
            self.isProblem = isProblem
        }
    }

    public struct SkippedRows: Sendable {
        public let reason: Reason
        public private(set) var lines: [Int32] = []
        /// What the reason is about on each line (a postcode, a type), where it helps; kept for
        /// every problem row and for the first rows of other reasons.
        public private(set) var details: [Int32: String] = [:]

        static let detailedExamples = 10

        mutating func add(line: Int, detail: String?) {
            let number = Int32(clamping: line)
            lines.append(number)
            if let detail, reason.isProblem || details.count < Self.detailedExamples { details[number] = detail }
        }
    }

    public struct FileSection: Sendable {
        public let file: String
        public var format: String
        public var rows = 0
        public var imported = 0
        public private(set) var skipped: [SkippedRows] = []
        /// How current the file's data is and how that was found: "as of 1 August 2026, from the file's name".
        public var dated: String?
        /// `FILE:LINE: field: what was wrong — what was done`, for rows that were imported.
        public private(set) var notes: [String] = []

        public init(file: String, format: String) {
            self.file = file
            self.format = format
        }

        public var skippedCount: Int { skipped.reduce(0) { $0 + $1.lines.count } }

        mutating func skip(line: Int, _ reason: Reason, detail: String? = nil) {
            if let index = skipped.firstIndex(where: { $0.reason == reason }) {
                skipped[index].add(line: line, detail: detail)
            } else {
                var rows = SkippedRows(reason: reason)
                rows.add(line: line, detail: detail)
                skipped.append(rows)
            }
        }

        mutating func note(line: Int, field: String, _ text: String) {
            notes.append("\(file):\(line): \(field): \(text)")
        }
    }

    /// Says how current `file`'s data is, on its section.
    mutating func date(_ file: ImportFile?, _ asOf: AsOf) {
        guard let file else { return }
        for index in files.indices where files[index].file == file.shown { files[index].dated = asOf.text }
    }

    /// A fact the imported providers do not have, and why: "KS2 results — not in GIAS".
    public struct Lacking: Sendable, Hashable {
        public let kind: ProviderKind
        public let what: String
        public let why: String
        public let count: Int
    }
}
