import Foundation
import Testing

/// What Agora writes: never a raw control or invisible reordering character, every write checked,
/// and every error in one shape with one set of exit statuses.
@Suite("Output, errors and arguments, run as a user would")
struct OutputSafetyTests {
    /// Characters a catalog may hold (they pass `catalog check`) that must never reach a terminal raw.
    static let invisible: [Unicode.Scalar] = ["\u{202E}", "\u{2067}", "\u{2069}", "\u{200F}", "\u{2028}", "\u{FEFF}"]

    /// A generated catalog whose first GP practice's name and the area's description hold them.
    private func hostileCatalog() throws -> (URL, id: String) {
        let directory = try AgoraBinary.temporaryDirectory()
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "3", "--providers", "40", "--out", directory.path]).status == 0)
        let gp = directory.appendingPathComponent("gp.csv")
        var lines = try String(contentsOf: gp, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[1].components(separatedBy: ",")
        let hostile = "Evil\u{202E}txt.exe\u{2067}x\u{2069}\u{200F}y\u{2028}z\u{FEFF} Surgery"
        cells[1] = hostile
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: gp, atomically: true, encoding: .utf8)
        let manifest = directory.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "\"description\": \"", with: "\"description\": \"\u{202E}\u{2028}")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        #expect(try AgoraBinary.run(["catalog", "check", directory.path]).status == 0)
        return (directory, cells[0])
    }

    private func expectInert(_ text: String, _ what: String) {
        let found = text.unicodeScalars.filter { scalar in
            Self.invisible.contains(scalar) || (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
        }
        #expect(found.isEmpty, "\(what) wrote \(found.map { String($0.value, radix: 16) })")
    }

    @Test func catalogTextNeverReachesTheOutputRaw() throws {
        let (catalog, id) = try hostileCatalog()
        defer { try? FileManager.default.removeItem(at: catalog) }
        for format in ["table", "csv", "json"] {
            let run = try AgoraBinary.run(["--catalog", catalog.path, "list", "--kind", "gp", "--format", format])
            #expect(run.status == 0)
            #expect(run.stdout.contains("Evil"))
            expectInert(run.stdout, "list --format \(format)")
        }
        let show = try AgoraBinary.run(["--catalog", catalog.path, "show", id])
        #expect(show.status == 0 && show.stdout.contains("Evil"))
        expectInert(show.stdout, "show")

        // JSON keeps the text exactly, as \u escapes.
        let json = try AgoraBinary.run(["--catalog", catalog.path, "show", id, "--format", "json"])
        expectInert(json.stdout, "show --format json")
        #expect(json.stdout.contains("Evil\\u202etxt.exe\\u2067x\\u2069\\u200fy\\u2028z\\ufeff Surgery"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["name"] as? String) == "Evil\u{202E}txt.exe\u{2067}x\u{2069}\u{200F}y\u{2028}z\u{FEFF} Surgery")

        // Plain mode (numbered menus) too: the home screen, the GP list and the about page.
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let plain = try AgoraBinary.run(["--catalog", catalog.path, "--plain", "--data-dir", data.path],
                                        stdin: try AgoraBinary.input(["3", "s evil", "1", "b", "b", "9", "b", "q"]))
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Evil"))
        expectInert(plain.stdout, "--plain")
    }

    @Test func argumentsAreEchoedInertly() throws {
        let escape = "x\u{1B}]2;owned\u{07}\u{1B}[31m"
        for arguments in [["list", "--kind", escape], ["list", "--kind", "gp", "--near", escape], ["show", escape],
                          ["list", "--kind", "gp", "--sort", escape], ["list", "--kind", "gp", "--format", escape],
                          ["--theme", escape], ["--theme", escape, "list", "--kind", "gp"],
                          ["--catalog", escape, "list", "--kind", "gp"], ["catalog", "check", escape]] {
            let run = try AgoraBinary.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.hasPrefix("agora: "), "\(arguments)")
            #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{07}"), "\(arguments)")
            #expect(run.stderr.contains("x␛]2;owned␇␛[31m"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func writeErrorsAreReportedWithAFailingStatus() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in [["list", "--kind", "gp"], ["show", "G11"], ["catalog", "check"], ["list", "--kind", "care", "--format", "json"]] {
            let run = try AgoraBinary.run(arguments, stdout: full)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr == "agora: the output could not be written (the disk is full) — check where it is going (a full disk, or a closed file or pipe)\n",
                    "\(arguments)")
        }
        let closed = try AgoraBinary.run(["sh", "-c", "exec \"$0\" list --kind gp >&-", AgoraBinary.url.path], shell: true)
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("standard output is closed"))
    }

    @Test("numbers reach the check that can say what is wrong", arguments: [
        (["list", "--kind", "school", "--near", "KM1 5FZ", "--within", "-5"], "agora: --within must be more than 0 and at most 1,000 km (it was -5)"),
        (["list", "--kind", "school", "--near", "KM1 5FZ", "--within", "1e309"], "agora: --within \"1e309\" is not a finite number"),
        (["list", "--kind", "school", "--near", "KM1 5FZ", "--within", "inf"], "agora: --within \"inf\" is not a finite number"),
        (["list", "--kind", "school", "--near", "KM1 5FZ", "--within", "nan"], "agora: --within \"nan\" is not"),
        (["catalog", "generate", "--providers", "-1", "--out", "/nonexistent/x"], "agora: --providers must be a whole number from 20 to 2,000,000 (it was -1)"),
        (["catalog", "generate", "--seed", "-1", "--out", "/nonexistent/x"], "agora: --seed must be a whole number from 0 to 18446744073709551615 (it was -1)"),
        (["list", "--kind", "school", "--bogus"], "agora: unknown option '--bogus' — see `agora list --help`"),
        (["list"], "agora: missing expected argument '--kind <kind>' — see `agora list --help`"),
    ])
    func usageMistakes(arguments: [String], message: String) throws {
        let run = try AgoraBinary.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(run.stderr.contains(" — "))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.isEmpty)
    }

    @Test func fileErrorsAreSaidInWords() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("FILE")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        let run = try AgoraBinary.run(["catalog", "generate", "--providers", "30", "--out", file.path + "/sub"])
        #expect(run.status == 1)
        #expect(run.stderr == "agora: cannot write the catalog to \"\(file.path)/sub\": \"\(file.path)\" is a file, not a directory — choose a directory you can write to for --out\n")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func aGenerateKilledMidWriteLeavesNoPartialFileAfterTheNextRun() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // What a kill -9 while writing leaves: a partial file of a process that no longer runs.
        let leftover = directory.appendingPathComponent("gp.csv.partial-99999999")
        #expect(FileManager.default.createFile(atPath: leftover.path, contents: Data("id,na".utf8)))
        #expect(try AgoraBinary.run(["catalog", "generate", "--providers", "30", "--out", directory.path]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["care.csv", "gp.csv", "manifest.json", "other.csv", "schools.csv"])
    }

    @Test func aPathThatIsNotUTF8IsRefusedNotAltered() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The bytes "caf\xE9" (Latin-1 é): not UTF-8. Passed through a shell, as a person would.
        let run = try AgoraBinary.run(["sh", "-c", "exec \"$0\" catalog generate --providers 30 --out \"$1/$(printf 'caf\\351')\"",
                                       AgoraBinary.url.path, directory.path], shell: true)
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not valid UTF-8"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
