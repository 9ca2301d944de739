import Dispatch
import Foundation

/// The result of checking a catalog: every problem, and the catalog itself when there were no errors.
public struct CatalogCheckReport: Sendable {
    public var problems: [CatalogProblem]
    public var catalog: Catalog?

    public var errors: [CatalogProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [CatalogProblem] { problems.filter { $0.severity == .warning } }
}

/// Reads the manifest, then the provider tables in parallel, then checks what spans tables (ids).
public enum CatalogLoader {
    public static let manifestFileName = "manifest.json"

    public static func check(_ source: any CatalogSource) -> CatalogCheckReport {
        let manifestPath = source.displayPath(manifestFileName)
        let manifestBytes: [UInt8]
        switch source.read(manifestFileName) {
        case .bytes(let bytes): manifestBytes = bytes
        case .missing:
            return CatalogCheckReport(problems: [CatalogProblem(
                file: manifestPath, line: nil, field: "(file)", message: "is missing",
                fix: "a catalog directory needs a manifest.json; see catalog/README.md")])
        case .unreadable(let reason):
            return CatalogCheckReport(problems: [CatalogProblem(
                file: manifestPath, line: nil, field: "(file)", message: "cannot be read (\(reason))",
                fix: "check the file's permissions")])
        }
        guard let manifestText = String(validating: manifestBytes, as: UTF8.self) else {
            return CatalogCheckReport(problems: [CatalogProblem(
                file: manifestPath, line: nil, field: "(file)", message: "is not valid UTF-8",
                fix: "save the file as UTF-8")])
        }
        var manifestReader = ManifestReader(file: manifestPath, text: manifestText)
        let manifest = manifestReader.read(data: manifestBytes)
        var problems = manifestReader.problems
        guard let manifest else { return CatalogCheckReport(problems: problems) }
        for kind in ProviderKind.allCases where manifest.files[kind] == nil {
            problems.append(CatalogProblem(file: manifestPath, line: nil, field: "files.\(kind.rawValue)",
                                           message: "no \(kind.singular) table is named",
                                           fix: "add \"\(kind.rawValue)\": \"\(kind.defaultFileName)\" to \"files\""))
        }

        let context = LoadContext(manifest: manifest)
        let kinds = ProviderKind.allCases.filter { manifest.files[$0] != nil }
        let results = readTables(kinds: kinds, manifest: manifest, source: source, context: context)

        var providers: [Provider] = []
        let total = results.reduce(0) { $0 + $1.providers.count }
        providers.reserveCapacity(total)
        var positionByID: [String: Int32] = [:]
        positionByID.reserveCapacity(total)
        var origins: [(file: String, line: Int)] = []
        for (kind, result) in zip(kinds, results) {
            problems.append(contentsOf: result.problems)
            let file = source.displayPath(manifest.files[kind] ?? kind.defaultFileName)
            var duplicates: [Int] = []
            result.providers.withUnsafeBufferPointer { buffer in
                for (offset, line) in result.lines.enumerated() {
                    let id = buffer[offset].id
                    if let earlier = positionByID[id] {
                        let origin = origins[Int(earlier)]
                        problems.append(CatalogProblem(
                            file: file, line: line, field: "id",
                            message: "\"\(id)\" is already used at \(origin.file):\(origin.line)",
                            fix: "give every provider its own id"))
                        duplicates.append(offset)
                    } else {
                        positionByID[id] = Int32(origins.count)
                        origins.append((file, line))
                    }
                }
            }
            if duplicates.isEmpty {
                providers.append(contentsOf: result.providers)
            } else {
                let skip = Set(duplicates)
                providers.append(contentsOf: result.providers.enumerated().filter { !skip.contains($0.offset) }.map(\.element))
            }
        }
        let hasErrors = problems.contains { $0.severity == .error }
        let warnings = problems.filter { $0.severity == .warning }
        return CatalogCheckReport(
            problems: problems,
            catalog: hasErrors ? nil : Catalog(manifest: manifest, providers: providers, positionByID: positionByID, warnings: warnings))
    }

    /// Each table on its own thread: they share nothing but the read-only context.
    private static func readTables(kinds: [ProviderKind], manifest: Manifest, source: any CatalogSource,
                                   context: LoadContext) -> [TableResult] {
        let slots = ResultSlots(count: kinds.count)
        DispatchQueue.concurrentPerform(iterations: kinds.count) { index in
            let kind = kinds[index]
            let fileName = manifest.files[kind] ?? kind.defaultFileName
            let path = source.displayPath(fileName)
            let result: TableResult
            switch source.read(fileName) {
            case .bytes(let bytes):
                result = ProviderTableReader.read(kind: kind, file: path, data: bytes, context: context)
            case .missing:
                result = TableResult(problems: [CatalogProblem(
                    file: path, line: nil, field: "(file)", message: "is missing",
                    fix: "create it (see catalog/README.md) or correct its name under \"files\" in manifest.json")])
            case .unreadable(let reason):
                result = TableResult(problems: [CatalogProblem(
                    file: path, line: nil, field: "(file)", message: "cannot be read (\(reason))",
                    fix: "check the file's permissions")])
            }
            slots.store(result, at: index)
        }
        return slots.results
    }
}

/// Results written from parallel iterations, each to its own slot.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [TableResult]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: TableResult(), count: count) }

    func store(_ result: TableResult, at index: Int) { lock.withLock { slots[index] = result } }

    var results: [TableResult] { lock.withLock { slots } }
}
