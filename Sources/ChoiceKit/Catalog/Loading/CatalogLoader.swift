import Dispatch
import Foundation

/// The result of checking a catalog: every problem, and the catalog itself when there were no errors.
public struct CatalogCheckReport: Sendable {
    /// What to show: at most `ProblemLimit.perCause` of each kind of problem, then one line saying
    /// how many more there are like it.
    public var problems: [CatalogProblem]
    public var catalog: Catalog?
    /// Every error and warning found, including those not listed one by one.
    public var errorCount: Int
    public var warningCount: Int

    init(problems: [CatalogProblem], catalog: Catalog? = nil) {
        errorCount = problems.count { $0.severity == .error }
        warningCount = problems.count - errorCount
        self.problems = ProblemLimit.capped(problems)
        self.catalog = catalog
    }

    public var errors: [CatalogProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [CatalogProblem] { problems.filter { $0.severity == .warning } }
}

/// One mistake repeated down a table (a wrong commissioner id on every row) is worth a few
/// examples and a count, not a hundred thousand lines.
public enum ProblemLimit {
    public static let perCause = 10

    /// Problems of the same file, field, fix and severity share a cause; after `perCause` of one,
    /// the rest become "… and 9,412 more like this".
    static func capped(_ problems: [CatalogProblem], perCause limit: Int = perCause) -> [CatalogProblem] {
        struct Cause: Hashable {
            let file: String, field: String, fix: String, severity: CatalogProblem.Severity
        }
        var counts: [Cause: Int] = [:]
        var kept: [CatalogProblem] = []
        var lastKept: [Cause: Int] = [:]
        for problem in problems {
            let cause = Cause(file: problem.file, field: problem.field, fix: problem.fix, severity: problem.severity)
            let count = counts[cause, default: 0] + 1
            counts[cause] = count
            if count <= limit {
                kept.append(problem)
                lastKept[cause] = kept.count - 1
            }
        }
        guard counts.values.contains(where: { $0 > limit }) else { return kept }
        // Each summary goes straight after the last example of its cause.
        var summaries: [Int: CatalogProblem] = [:]
        for (cause, count) in counts where count > limit {
            guard let position = lastKept[cause] else { continue }
            summaries[position] = CatalogProblem(file: cause.file, line: nil, field: cause.field,
                                                 message: "… and \(Count.text(count - limit)) more like this", fix: "",
                                                 severity: cause.severity)
        }
        var result: [CatalogProblem] = []
        result.reserveCapacity(kept.count + summaries.count)
        for (index, problem) in kept.enumerated() {
            result.append(problem)
            if let summary = summaries[index] { result.append(summary) }
        }
        return result
    }
}

/// Reads the manifest, then the provider tables in parallel, then checks what spans tables (ids).
public enum CatalogLoader {
    public static let manifestFileName = "manifest.json"

    /// The manifest alone (area, services, postcodes): enough to draw the home page while the
    /// provider tables load.
    /// `skippingPostcodes`: the postcode list is passed over unread (for a first frame, which does
    /// not need it; the full load reads and checks it).
    public static func readManifest(_ source: any CatalogSource, skippingPostcodes: Bool = false) -> (Manifest?, [CatalogProblem]) {
        let manifestPath = source.displayPath(manifestFileName)
        let manifestBytes: [UInt8]
        switch source.read(manifestFileName) {
        case .bytes(let bytes): manifestBytes = bytes
        case .missing:
            return (nil, [CatalogProblem(
                file: manifestPath, line: nil, field: "(file)", message: "is missing",
                fix: "a catalog directory needs a manifest.json; see catalog/README.md")])
        case .notAFile(let what):
            return (nil, [CatalogProblem(
                file: manifestPath, line: nil, field: "(file)", message: "is \(what), not a file",
                fix: "a catalog directory needs a manifest.json file; see catalog/README.md")])
        case .unreadable(let reason):
            return (nil, [CatalogProblem(
                file: manifestPath, line: nil, field: "(file)", message: "cannot be read (\(reason))",
                fix: "check the file and its permissions")])
        }
        var manifestReader = ManifestReader(file: manifestPath, bytes: manifestBytes)
        let manifest = manifestReader.read(data: manifestBytes, postcodes: skippingPostcodes ? .skipped : .read)
        return (manifest, manifestReader.problems)
    }

    public static func check(_ source: any CatalogSource) -> CatalogCheckReport {
        let (read, manifestProblems) = readManifest(source)
        var problems = manifestProblems
        guard let manifest = read else { return CatalogCheckReport(problems: problems) }
        let manifestPath = source.displayPath(manifestFileName)
        // A kind whose file name was refused has said so already.
        for kind in ProviderKind.allCases where manifest.files[kind] == nil && !problems.contains(where: { $0.field == "files.\(kind.rawValue)" }) {
            problems.append(CatalogProblem(file: manifestPath, line: nil, field: "files.\(kind.rawValue)",
                                           message: "no \(kind.singular) table is named",
                                           fix: "add \"\(kind.rawValue)\": \"\(kind.defaultFileName)\" to \"files\""))
        }

        let context = LoadContext(manifest: manifest)
        let kinds = ProviderKind.allCases.filter { manifest.files[$0] != nil }
        let results = readTables(kinds: kinds, manifest: manifest, source: source, context: context)

        var providers: [Provider] = []
        var nameKeys = NameKeys()
        var origins: [(file: Int, line: Int)] = []
        let files = kinds.map { source.displayPath(manifest.files[$0] ?? $0.defaultFileName) }
        for (number, result) in results.enumerated() {
            problems.append(contentsOf: result.problems)
            providers.append(contentsOf: result.providers)
            nameKeys.append(contentsOf: result.nameKeys)
            origins.append(contentsOf: result.lines.map { (number, $0) })
        }
        func duplicateProblems(_ duplicates: [ProviderIDTable.Duplicate]) -> [CatalogProblem] {
            duplicates.map { duplicate in
                let first = origins[Int(duplicate.first)], again = origins[Int(duplicate.again)]
                return CatalogProblem(file: files[again.file], line: again.line, field: "id",
                                      message: "\(MessageText.quoted(providers[Int(duplicate.again)].id)) is already used at \(files[first.file]):\(first.line)",
                                      fix: "give every provider its own id")
            }
        }
        if problems.contains(where: { $0.severity == .error }) {
            // The catalog will not load; still report duplicate ids, so every problem is listed.
            problems += duplicateProblems(ProviderIDTable.build(providers.map(\.id)).duplicates)
            return CatalogCheckReport(problems: problems)
        }
        // Duplicate ids are rare: check for them while the indexes are built, and drop the result if any.
        let warnings = problems.filter { $0.severity == .warning }
        let catalog = Catalog(manifest: manifest, providers: providers, warnings: warnings, nameKeys: nameKeys)
        if !catalog.index.duplicateIDs.isEmpty {
            problems += duplicateProblems(catalog.index.duplicateIDs)
            return CatalogCheckReport(problems: problems)
        }
        return CatalogCheckReport(problems: problems, catalog: catalog)
    }

    /// The tables one at a time, largest first, each in parts on every core: only one
    /// table's bytes are held at once (a national catalog's tables are 44 MB together), and each
    /// is let go as soon as it is read.
    private static func readTables(kinds: [ProviderKind], manifest: Manifest, source: any CatalogSource,
                                   context: LoadContext) -> [TableResult] {
        let fileNames = kinds.map { manifest.files[$0] ?? $0.defaultFileName }
        let order = kinds.indices.sorted { (source.status(fileNames[$0])?.size ?? 0) > (source.status(fileNames[$1])?.size ?? 0) }
        var results = [TableResult](repeating: TableResult(), count: kinds.count)
        for index in order {
            results[index] = readTable(kinds[index], file: fileNames[index], source: source, context: context)
        }
        return results
    }

    private static func readTable(_ kind: ProviderKind, file fileName: String, source: any CatalogSource,
                                  context: LoadContext) -> TableResult {
        let path = source.displayPath(fileName)
        let work: TableWork
        var problems: [CatalogProblem] = []
        switch source.read(fileName) {
        case .bytes(let bytes):
            guard let prepared = ProviderTableReader.prepare(kind: kind, file: path, data: bytes, problems: &problems) else {
                return TableResult(problems: problems)
            }
            work = TableWork(prepared)
        case .missing:
            return TableResult(problems: [CatalogProblem(
                file: path, line: nil, field: "(file)", message: "is missing",
                fix: "create it (see catalog/README.md) or correct its name under \"files\" in manifest.json")])
        case .notAFile(let what):
            return TableResult(problems: [CatalogProblem(
                file: path, line: nil, field: "(file)", message: "is \(what), not a file",
                fix: "put the CSV table there, or correct its name under \"files\" in manifest.json")])
        case .unreadable(let reason):
            return TableResult(problems: [CatalogProblem(
                file: path, line: nil, field: "(file)", message: "cannot be read (\(reason))",
                fix: "check the file and its permissions")])
        }
        DispatchQueue.concurrentPerform(iterations: work.partCount) { part in
            work.read(part: part, context: context)
        }
        var result = TableResult(problems: problems)
        guard let rows = work.result else { return result }
        result.providers = rows.providers
        result.lines = rows.lines
        result.nameKeys = rows.nameKeys
        result.problems += rows.problems
        return result
    }
}

/// One table being read in parts. Whichever part finishes last joins them, and the table's bytes
/// are let go at once, so a large catalog's files are not all held until the end.
private final class TableWork: @unchecked Sendable {
    private let lock = NSLock()
    private var table: ProviderTableReader.Prepared?
    private var parts: [ProviderTableReader.Part?]
    private var finished = 0
    let partCount: Int
    private(set) var result: TableResult?

    init(_ table: ProviderTableReader.Prepared) {
        self.table = table
        partCount = table.partCount
        parts = Array(repeating: nil, count: table.partCount)
    }

    func read(part number: Int, context: LoadContext) {
        guard let table = lock.withLock({ self.table }) else { return }
        let part = ProviderTableReader.readPart(table, number: number, context: context)
        let complete: [ProviderTableReader.Part]? = lock.withLock {
            parts[number] = part
            finished += 1
            return finished == partCount ? parts.compactMap { $0 } : nil
        }
        guard let complete else { return }
        let rows = ProviderTableReader.assemble(table, parts: complete, context: context)
        lock.withLock {
            result = rows
            self.table = nil
            parts = []
        }
    }
}
