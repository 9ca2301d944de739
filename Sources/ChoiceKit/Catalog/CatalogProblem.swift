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

    public init(file: String, line: Int?, field: String, message: String, fix: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.fix = fix
        self.severity = severity
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let warning = severity == .warning ? "warning: " : ""
        return "\(location): \(field): \(warning)\(message) — \(fix)"
    }
}

/// Loading failed: every problem found, in file and line order.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogProblem]

    public var errors: [CatalogProblem] { problems.filter { $0.severity == .error } }

    public var description: String {
        let errors = self.errors
        let shown = errors.prefix(20).map(\.description).joined(separator: "\n")
        let more = errors.count > 20 ? "\n… and \(errors.count - 20) more (run `agora catalog check` to see them all)" : ""
        return shown + more
    }
}
