/// One thing wrong with a catalog, said so a person can fix it:
/// `catalog/schools.csv:42: ofsted_date: "31/02/2024" is not a date — use YYYY-MM-DD`.
public struct CatalogProblem: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: Hashable, Sendable { case error, warning }

    public var file: String
    public var line: Int?
    public var field: String
    public var message: String
    public var fix: String
    public var severity: Severity

    /// Every part is made inert and kept to a readable length here, whatever a caller quoted: a
    /// problem is text about a file, and the file's bytes must never reach a terminal through it.
    public init(file: String, line: Int?, field: String, message: String, fix: String, severity: Severity = .error) {
        self.file = Self.safe(file)
        self.line = line
        self.field = Self.safe(field)
        self.message = Self.safe(message)
        self.fix = Self.safe(fix)
        self.severity = severity
    }

    /// Longest part kept; longer text keeps its start and end around "…".
    static let partLimit = 400

    static func safe(_ text: String) -> String {
        guard text.utf8.count > partLimit else { return TextSafety.inert(text) }
        let characters = Array(text)
        guard characters.count > partLimit else { return TextSafety.inert(text) }
        return TextSafety.inert(String(characters.prefix(partLimit - 100)) + " … " + String(characters.suffix(99)))
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let warning = severity == .warning ? "warning: " : ""
        let fixText = fix.isEmpty ? "" : " — \(fix)"
        return TextSafety.inert("\(location): \(field): \(warning)\(message)\(fixText)")
    }
}

/// Loading failed: every problem found, in file and line order.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogProblem]

    public var errors: [CatalogProblem] { problems.filter { $0.severity == .error } }

    public var description: String {
        let errors = self.errors
        let shown = errors.prefix(20).map(\.description).joined(separator: "\n")
        let more = errors.count > 20 ? "\n… and \(Count.text(errors.count - 20)) more (run `agora catalog check` to see them all)" : ""
        return shown + more
    }
}
