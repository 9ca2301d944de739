import Foundation
import Testing

/// `agora import`, run as a person would, on the shared samples of the national files.
@Suite("agora import")
struct ImportCommandTests {
    static let fixtures = AgoraBinary.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    static func sample(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static let older = ["--gias", sample("gias/edubasealldata-sample.csv"), "--cqc", sample("cqc/directory-sample.csv"),
                        "--cqc", sample("cqc/location-sample.json"), "--ods", sample("ods/epraccur-sample.csv"),
                        "--postcodes", sample("postcodes/postcodes-sample.csv")]
    static let newer = ["--gias", sample("gias/edubasealldata-sample.csv"), "--cqc", sample("cqc/directory-sample.csv"),
                        "--cqc", sample("cqc/location-sample.json"), "--ods", sample("ods/epraccur-2026-sample.csv"),
                        "--postcodes", sample("postcodes/nspl-2026-sample.csv")]

    /// Every file in a directory with its bytes, to show nothing changed.
    static func contents(_ directory: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            out[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return out
    }

    @Test("import all, then catalog check", arguments: [older, newer])
    func importAllThenCheck(files: [String]) throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("kingsmere").path
        let run = try AgoraBinary.run(["import", "all"] + files + ["--area", "Kingsmere", "--into", target])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Imported into \(target): "))
        #expect(run.stdout.contains("What the imported providers lack"))
        let check = try AgoraBinary.run(["catalog", "check", target])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("\(target): OK — "))
        let list = try AgoraBinary.run(["list", "--kind", "school", "--catalog", target, "--format", "json"])
        #expect(list.status == 0)
        let schools = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(schools.contains { $0["id"] as? String == "990001" })
        // Nothing but the catalog is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["kingsmere"])
    }

    @Test func stepByStepIntoOneCatalog() throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("catalog").path
        let steps: [[String]] = [
            ["postcodes", Self.sample("postcodes/postcodes-sample.csv"), "--area", "E06000990"],
            ["gias", Self.sample("gias/edubasealldata-sample.csv")],
            ["cqc", Self.sample("cqc/directory-sample.csv"), Self.sample("cqc/location-sample.json")],
            ["ods", Self.sample("ods/epraccur-2026-sample.csv")],
            ["ods", Self.sample("ods/epraccur-sample.csv"), "--include-closed"],
        ]
        for step in steps {
            let run = try AgoraBinary.run(["import"] + step + ["--into", target])
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        let check = try AgoraBinary.run(["catalog", "check", target])
        #expect(check.status == 0)
        #expect(check.stdout.contains("9 schools, 6 care for older people, 6 gp practices"))
        let show = try AgoraBinary.run(["show", "Z99003", "--catalog", target])
        #expect(show.stdout.contains("Harrowby Health Centre (closed 31 March 2019)"))
    }

    @Test func theWholeReportGoesToAFileWhenAsked() throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = scratch.appendingPathComponent("report.txt").path
        let run = try AgoraBinary.run(["import", "all"] + Self.older + ["--area", "990", "--into", scratch.appendingPathComponent("k").path,
                                                                        "--report", report])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("postcodes-sample.csv:16: outside the area"))
        #expect(!run.stdout.contains("postcodes-sample.csv:16: outside the area"))
        #expect(run.stdout.contains("… and 5 more outside the area"))
    }

    /// Broken input: one clear message, a non-zero status, and the catalog exactly as it was.
    @Test("broken input leaves the catalog as it was", arguments: [
        ("truncated", "the file ends inside a quoted field"),
        ("no-urn", "the header has no \"URN\" column"),
        ("empty", "is empty — download the file again"),
        ("binary", "is not a text file (it has a zero byte)"),
        ("too-many", "a row does not have the 139 fields its header names"),
        ("too-few", "a row does not have the 139 fields its header names"),
    ])
    func brokenInput(kind: String, message: String) throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("catalog")
        let made = try AgoraBinary.run(["import", "all"] + Self.older + ["--area", "Kingsmere", "--into", target.path])
        #expect(made.status == 0)
        let before = try Self.contents(target)

        let sample = try Data(contentsOf: URL(fileURLWithPath: Self.sample("gias/edubasealldata-sample.csv")))
        var rows = String(decoding: sample, as: UTF8.self).components(separatedBy: "\r\n")
        let broken: Data
        switch kind {
        case "truncated": broken = sample.dropLast(7)
        case "no-urn": broken = Data(String(decoding: sample, as: UTF8.self).replacingOccurrences(of: "\"URN\",", with: "\"Ref\",").utf8)
        case "empty": broken = Data()
        case "binary": broken = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D])
        case "too-many":
            rows[4] += ",\"\""
            broken = Data(rows.joined(separator: "\r\n").utf8)
        default:
            rows[4] = String(rows[4].dropLast(rows[4].count - (rows[4].lastIndex(of: ",").map { rows[4].distance(from: rows[4].startIndex, to: $0) } ?? 0)))
            broken = Data(rows.joined(separator: "\r\n").utf8)
        }
        let file = scratch.appendingPathComponent("gias-\(kind).csv")
        try broken.write(to: file)
        let run = try AgoraBinary.run(["import", "gias", file.path, "--into", target.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("agora: "))
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("(nothing was changed)"))
        #expect(try Self.contents(target) == before)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path)) == ["catalog", file.lastPathComponent])
    }

    @Test("usage mistakes are said in one line with status 2", arguments: [
        (["import", "all", "--postcodes", "x.csv", "--gias", "y.csv"], "agora: --area is needed"),
        (["import", "all", "--postcodes", sample("postcodes/nspl-2026-sample.csv"), "--gias", sample("gias/edubasealldata-sample.csv"), "--area", "Atlantis"],
         "agora: unknown area \"Atlantis\" — give a local authority's name or code as GIAS spells it"),
        (["import", "postcodes", sample("postcodes/nspl-2026-sample.csv"), "--area", "X", "--within", "2"], "agora: --within needs --of"),
        (["import", "postcodes", sample("postcodes/nspl-2026-sample.csv"), "--area", "X", "--within", "-2", "--of", "KM1 2AB"], "agora: --within must be more than 0"),
        (["import", "gias", sample("gias/edubasealldata-sample.csv")], "agora: missing expected argument '--into <dir>'"),
    ])
    func usage(arguments: [String], message: String) throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let into = arguments.contains("gias") && !arguments.contains("all") ? [] : ["--into", scratch.appendingPathComponent("new").path]
        let run = try AgoraBinary.run(arguments + into)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("new").path))
    }

    @Test func addingToADirectoryWithNoCatalogSaysHowToStart() throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try AgoraBinary.run(["import", "gias", Self.sample("gias/edubasealldata-sample.csv"), "--into", scratch.appendingPathComponent("none").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("yet — start one with agora import postcodes FILE --area NAME --into"))
        let missing = try AgoraBinary.run(["import", "all", "--gias", "/nonexistent/gias.csv", "--postcodes", Self.sample("postcodes/nspl-2026-sample.csv"),
                                           "--area", "E06000990", "--into", scratch.appendingPathComponent("new").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("agora: there is no file at \"/nonexistent/gias.csv\" — check the name and the folder"))
    }

    /// A catalog of 5,000 providers or more gets its snapshot at once, so its first launch is quick.
    @Test func aLargeImportLeavesItsSnapshot() throws {
        let scratch = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var text = "URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Gender (name),Postcode,LA (name),GSSLACode (name)\r\n"
        for number in 0..<5_000 {
            text += "\(900_000 + number),School \(number),Community school,Open,Primary,4,11,Mixed,\(["KM1 2AB", "KM2 3CD", "KM3 4EF", "KM1 5GH", "KM4 6JK", "KM3 7LM"][number % 6]),Kingsmere,E06000990\r\n"
        }
        let gias = scratch.appendingPathComponent("gias.csv")
        try Data(text.utf8).write(to: gias)
        let cache = scratch.appendingPathComponent("cache")
        let target = scratch.appendingPathComponent("large").path
        let run = try AgoraBinary.run(["import", "all", "--gias", gias.path, "--postcodes", Self.sample("postcodes/postcodes-sample.csv"),
                                       "--area", "Kingsmere", "--into", target], environment: ["XDG_CACHE_HOME": cache.path])
        #expect(run.status == 0, "\(run.stderr)")
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("agora").path)
        #expect(snapshots.count == 1 && snapshots[0].hasSuffix(".snapshot"))
        let list = try AgoraBinary.run(["list", "--kind", "school", "--catalog", target, "--search", "School 4999"],
                                       environment: ["XDG_CACHE_HOME": cache.path])
        #expect(list.stdout.contains("904999"))
    }
}
