import Foundation
import Testing

/// Every command says what went wrong in one shape, `agora: what is wrong — what to do`, on
/// standard error and nothing on standard output; 2 for a usage mistake, 1 for a failure.
@Suite struct ErrorShapeTests {
    static let usageMistakes: [[String]] = [
        ["list"],
        ["list", "--kind", "gp", "--bogus"],
        ["list", "--kind", "gp", "--near"],
        ["list", "--kind", "gp", "--within", "-5"],
        ["list", "--kind", "gp", "--sector", "nope"],
        ["show"],
        ["show", "NOPE"],
        ["show", "G1", "--fields", "nope"],
        ["--catalog", "/nonexistent", "list", "--kind", "gp"],
        ["--theme", "plaid"],
        ["--theme=plaid"],
        ["--catalog"],
        ["--plain=yes"],
        ["--plain", "--catalog", "--theme"],
        ["nonsense"],
        ["help", "nonsense"],
        ["catalog", "check", "/nonexistent"],
        ["catalog", "generate", "--seed", "1", "--providers", "5", "--out", "unused"],
        ["import", "gias"],
        ["import", "all"],
        ["budget", "show"],
        ["budget", "show", "Nobody"],
        ["budget", "new", "Mum", "--weekly", "100", "--mode", "direct", "--start", "2026-13-01"],
        ["schools"],
        ["schools", "--child", "Nobody"],
        ["gp", "can-register"],
        ["gp", "can-register", "G1", "--home", "ZZ1 1ZZ"],
        ["market"],
        ["market", "--service", "roads"],
        ["map", "--service", "roads"],
        ["shortlist", "add"],
        ["shortlist", "add", "NOPE"],
        ["settings", "set"],
        ["settings", "set", "theme", "plaid"],
        ["priorities", "set", "--child", "Nobody", "distance=9"],
        ["charge", "estimate", "--capital", "1", "--weekly-income", "lots", "--age", "70", "--setting", "home"],
    ]

    @Test("a usage mistake: one line in the shape, exit status 2", arguments: usageMistakes)
    func usageMistake(arguments: [String]) throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try AgoraBinary.run(["--data-dir", data.path] + arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        Self.expectOneShapedLine(run)
    }

    @Test func aDataDirectoryThatCannotBeOpenedIsAFailure() throws {
        let run = try AgoraBinary.run(["--data-dir", "/proc/agora-cannot-be-here", "shortlist"])
        #expect(run.status == 1)
        Self.expectOneShapedLine(run)
        #expect(run.stderr.contains("choose another place with --data-dir"))
    }

    @Test func aCatalogWithoutItsManifestIsAFailureInTheCatalogsOwnShape() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try AgoraBinary.run(["--catalog", directory.path, "list", "--kind", "gp"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(directory.path)/manifest.json: "))
        #expect(run.stdout.isEmpty)
    }

    @Test func missingArgumentsNeverGiveTheParsersOwnStatus() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        for arguments in [["list"], ["budget", "pay", "Mum"], ["child", "add"], ["list", "--kind", "gp", "--bogus"]] {
            // The help named is the command's own, global options before it or not.
            for run in [try AgoraBinary.run(arguments), try AgoraBinary.run(["--data-dir", data.path, "--plain"] + arguments)] {
                #expect(run.status == 2)
                #expect(run.stderr.contains("— see `agora \(arguments[0]) "), "\(run.stderr)")
            }
        }
    }

    @Test func aCommandThatDoesNotExistIsNamedWithTheCommandsThatDo() throws {
        let run = try AgoraBinary.run(["--plain", "nonsense"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("agora: there is no command \"nonsense\" — use list, show, "), "\(run.stderr)")
    }

    static func expectOneShapedLine(_ run: AgoraBinary.Run, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        let line = lines.first.map(String.init) ?? ""
        #expect(line.hasPrefix("agora: "), "\(line)", sourceLocation: sourceLocation)
        let parts = line.dropFirst("agora: ".count).components(separatedBy: " — ")
        #expect(parts.count >= 2 && parts.allSatisfy { !$0.isEmpty }, "\(line)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(run.stdout)", sourceLocation: sourceLocation)
    }
}
