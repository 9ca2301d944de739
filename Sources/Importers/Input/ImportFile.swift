import ChoiceKit

/// A file given to an import: its path, and the name messages use for it (as the person typed it).
public struct ImportFile: Hashable, Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The path as messages show it: inert, and cut only if absurdly long.
    public var shown: String { MessageText.excerpt(path, limit: MessageText.pathLimit) }

    /// `FILE:LINE` (or `FILE` with no line), the start of every message about a row.
    func at(_ line: Int?) -> String { line.map { "\(shown):\($0)" } ?? shown }
}

/// Why an import stopped, in the program's one shape: `what is wrong — what to do`. When an
/// import fails nothing has been written.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Lines that follow the message: the rows it is about, `FILE:LINE: …`.
    public let details: [String]
    /// True when what was typed is wrong (an unknown area, a postcode not in the file): exit 2.
    public let isUsage: Bool

    public init(_ message: String, details: [String] = [], isUsage: Bool = false) {
        self.message = message
        self.details = details
        self.isUsage = isUsage
    }

    public var description: String { message }

    static func at(_ file: ImportFile, line: Int?, _ what: String, _ fix: String) -> ImportFailure {
        ImportFailure("\(file.at(line)): \(what) — \(fix)")
    }

    static func usage(_ what: String, _ fix: String) -> ImportFailure {
        ImportFailure("\(what) — \(fix)", isUsage: true)
    }
}

/// The import was asked to stop (Ctrl-C) and did, leaving everything as it was.
public struct ImportCancelled: Error, Sendable {
    public init() {}
}

/// How far reading one file has got, for a progress bar.
public struct ImportProgress: Sendable {
    public let file: String
    public let bytesDone: Int64
    public let bytesTotal: Int64
    public let rows: Int
}

/// How an import tells its caller how far it has got, and learns that it should stop. Both are
/// called on the importing thread, between blocks of a file (about every megabyte).
public struct ImportControl {
    public var isCancelled: () -> Bool
    public var progress: (ImportProgress) -> Void

    public init(isCancelled: @escaping () -> Bool = { false }, progress: @escaping (ImportProgress) -> Void = { _ in }) {
        self.isCancelled = isCancelled
        self.progress = progress
    }

    public static var quiet: ImportControl { ImportControl() }

    func checkCancelled() throws(ImportCancelled) {
        if isCancelled() { throw ImportCancelled() }
    }
}
