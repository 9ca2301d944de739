import Foundation
import Testing

@Suite("Command line, run as a user would")
struct CommandLineTests {
    @Test func listsTheDefaultBoroughsSchools() throws {
        let run = try AgoraBinary.run(["list", "--kind", "school"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Schools in Kingsmere — "))
        #expect(run.stdout.contains("Fictional sample data"))
        #expect(run.stdout.contains("Ofsted"))
        #expect(run.stdout.split(separator: "\n").count > 60)
    }

    @Test func jsonIsAnArrayOfObjectsWithIdNameKind() throws {
        let run = try AgoraBinary.run(["list", "--kind", "care", "--format", "json"])
        #expect(run.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count >= 50)
        #expect(objects.allSatisfy { $0["id"] is String && $0["name"] is String && ($0["kind"] as? String) == "care" })
    }

    @Test func csvHasAHeaderRow() throws {
        let run = try AgoraBinary.run(["list", "--kind", "gp", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("id,name,kind,sub_type,sector,"))
    }

    @Test func nearAndWithinShowDistancesNearestFirst() throws {
        let postcode = try firstPostcode()
        let run = try AgoraBinary.run(["list", "--kind", "school", "--near", postcode.lowercased(), "--within", "3", "--format", "json"])
        #expect(run.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let distances = objects.compactMap { $0["distance_m"] as? Int }
        #expect(!distances.isEmpty && distances.count == objects.count)
        #expect(distances == distances.sorted() && distances.allSatisfy { $0 <= 3_000 })
    }

    @Test func searchAndSortOptions() throws {
        let run = try AgoraBinary.run(["list", "--kind", "care", "--search", "home care", "--sort", "cost", "--reverse"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Home care"))
    }

    @Test("unknown input gets one line and exit status 2", arguments: [
        (["list", "--kind", "hospital"], "agora: unknown kind \"hospital\" — use school, care, gp or other"),
        (["list", "--kind", "school", "--near", "ZZ1 1ZZ"], "agora: unknown postcode \"ZZ1 1ZZ\""),
        (["show", "NOPE"], "agora: unknown id \"NOPE\" — "),
        (["list", "--kind", "school", "--sort", "fame"], "agora: unknown sort \"fame\" for schools — "),
    ])
    func unknownInput(arguments: [String], message: String) throws {
        let run = try AgoraBinary.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func showsEveryFactAboutOneProvider() throws {
        let list = try AgoraBinary.run(["list", "--kind", "gp", "--format", "json"])
        let first = try #require((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])?.first)
        let id = try #require(first["id"] as? String)
        let text = try AgoraBinary.run(["show", id])
        #expect(text.status == 0)
        #expect(text.stdout.contains("GP Patient Survey"))
        let json = try AgoraBinary.run(["show", id, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect(object["ods_code"] is String)
    }

    @Test func catalogCheckPassesOnTheCommittedCatalog() throws {
        let run = try AgoraBinary.run(["catalog", "check", "catalog"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("catalog: OK — "))
        #expect(run.stdout.split(separator: "\n").count == 1)
    }

    @Test func catalogCheckNamesFileLineAndFieldOfABrokenDate() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["manifest.json", "schools.csv", "care.csv", "gp.csv", "other.csv"] {
            try FileManager.default.copyItem(at: AgoraBinary.repositoryRoot.appendingPathComponent("catalog/\(name)"),
                                             to: directory.appendingPathComponent(name))
        }
        let care = directory.appendingPathComponent("care.csv")
        var lines = try String(contentsOf: care, encoding: .utf8).components(separatedBy: "\n")
        let target = try #require(lines.indices.dropFirst().first { lines[$0].contains(",20") && lines[$0].contains("-") })
        let regex = try NSRegularExpression(pattern: "(20[0-9]{2})-([0-9]{2})-([0-9]{2})")
        let range = NSRange(lines[target].startIndex..., in: lines[target])
        lines[target] = regex.stringByReplacingMatches(in: lines[target], range: range, withTemplate: "$3/$2/$1")
        try lines.joined(separator: "\n").write(to: care, atomically: true, encoding: .utf8)

        let run = try AgoraBinary.run(["catalog", "check", directory.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(directory.path)/care.csv:\(target + 1): cqc_report_date: \""))
        #expect(run.stdout.contains("is not a date — use YYYY-MM-DD"))

        let listing = try AgoraBinary.run(["--catalog", directory.path, "list", "--kind", "care"])
        #expect(listing.status == 1)
        #expect(listing.stderr.contains("care.csv:\(target + 1): cqc_report_date:"))
    }

    @Test func generateIsDeterministic() throws {
        let first = try AgoraBinary.temporaryDirectory(), second = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "5", "--providers", "300", "--out", first.path]).status == 0)
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "5", "--providers", "300", "--out", second.path]).status == 0)
        for name in ["manifest.json", "schools.csv", "care.csv", "gp.csv", "other.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b && !a.isEmpty)
        }
        #expect(try AgoraBinary.run(["catalog", "check", first.path]).status == 0)
    }

    @Test func catalogCheckCountsWithThousandsSeparators() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "5", "--providers", "2000", "--out", directory.path]).status == 0)
        let check = try AgoraBinary.run(["catalog", "check", directory.path])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("\(directory.path): OK — 2,000 providers ("), "\(check.stdout)")
    }

    private func firstPostcode() throws -> String {
        let manifest = try String(contentsOf: AgoraBinary.repositoryRoot.appendingPathComponent("catalog/manifest.json"), encoding: .utf8)
        let start = try #require(manifest.range(of: "\"postcodes\": [\n    [\""))
        return String(manifest[start.upperBound...].prefix { $0 != "\"" })
    }
}

@Suite("Snapshots of large catalogs")
struct SnapshotCommandLineTests {
    /// A snapshot after its header: magic (22 bytes), version, header checksum, header length, header.
    private static func body(of snapshot: Data) -> [UInt8] {
        let bytes = [UInt8](snapshot)
        guard bytes.count >= 35 else { return bytes }
        let length = (0..<4).reduce(0) { $0 | Int(bytes[31 + $1]) << (8 * $1) }
        return Array(bytes.dropFirst(35 + length))
    }

    @Test func secondRunUsesTheSnapshotAndAnEditIsSeen() throws {
        let catalog = try AgoraBinary.temporaryDirectory(), cache = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: catalog); try? FileManager.default.removeItem(at: cache) }
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "9", "--providers", "6000", "--out", catalog.path]).status == 0)
        let environment = ["XDG_CACHE_HOME": cache.path]
        let first = try AgoraBinary.run(["--catalog", catalog.path, "list", "--kind", "gp", "--format", "csv"], environment: environment)
        #expect(first.status == 0)
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("agora").path)
        #expect(snapshots.count == 1 && snapshots[0].hasSuffix(".snapshot"))
        let second = try AgoraBinary.run(["--catalog", catalog.path, "list", "--kind", "gp", "--format", "csv"], environment: environment)
        #expect(second.stdout == first.stdout)

        // A damaged snapshot (one bit) and a partial file left by a killed write: the files are
        // loaded instead, the snapshot is written again as it was, the leftover is gone.
        let snapshotFile = cache.appendingPathComponent("agora").appendingPathComponent(snapshots[0])
        let good = try Data(contentsOf: snapshotFile)
        var damaged = [UInt8](good)
        damaged[damaged.count / 3] ^= 0x04
        try Data(damaged).write(to: snapshotFile)
        let leftover = snapshotFile.path + ".partial-99999999"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data(damaged.prefix(1000))))
        let repaired = try AgoraBinary.run(["--catalog", catalog.path, "list", "--kind", "gp", "--format", "csv"], environment: environment)
        #expect(repaired.status == 0)
        #expect(repaired.stdout == first.stdout)
        // Written again as it was: the same body (the header records when it was made).
        #expect(Self.body(of: try Data(contentsOf: snapshotFile)) == Self.body(of: good))
        #expect(!FileManager.default.fileExists(atPath: leftover))

        // Edit a practice's name: the snapshot no longer matches, and the edit shows.
        let gp = catalog.appendingPathComponent("gp.csv")
        var text = try String(contentsOf: gp, encoding: .utf8)
        let oldName = text.split(separator: "\n")[1].split(separator: ",")[1]
        text = text.replacingOccurrences(of: "," + oldName + ",", with: ",Renamed Test Surgery,")
        try text.write(to: gp, atomically: true, encoding: .utf8)
        let third = try AgoraBinary.run(["--catalog", catalog.path, "list", "--kind", "gp", "--search", "renamed"], environment: environment)
        #expect(third.status == 0)
        #expect(third.stdout.contains("Renamed Test Surgery"))
    }
}
