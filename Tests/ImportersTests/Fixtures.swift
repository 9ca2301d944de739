import Foundation
@testable import Importers

/// The shared samples of the national files, read where they are (never copied into the repository).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    static func file(_ name: String) -> ImportFile { ImportFile(path: path(name)) }

    static let gias = file("gias/edubasealldata-sample.csv")
    static let cqcDirectory = file("cqc/directory-sample.csv")
    static let cqcLocations = file("cqc/location-sample.json")
    static let epraccur = file("ods/epraccur-sample.csv")
    static let epraccur2026 = file("ods/epraccur-2026-sample.csv")
    static let postcodes = file("postcodes/postcodes-sample.csv")
    static let nspl2026 = file("postcodes/nspl-2026-sample.csv")

    /// A scratch directory removed by the caller.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agora-import-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a new file in `directory`.
    static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> ImportFile {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return ImportFile(path: url.path)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }
}
