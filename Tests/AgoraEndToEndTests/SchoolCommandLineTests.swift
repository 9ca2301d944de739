import Foundation
import Testing

/// The school commands, run as a parent would: a child added, schools found, compared, ranked.
@Suite("Schools for a child, on the command line")
final class SchoolCommandLineTests {
    let dataDir: URL
    let today = "2026-11-25"

    init() throws { dataDir = try AgoraBinary.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: dataDir) }

    private func agora(_ arguments: [String]) throws -> AgoraBinary.Run {
        try AgoraBinary.run(arguments + ["--data-dir", dataDir.path])
    }

    private func dated(_ arguments: [String]) throws -> AgoraBinary.Run {
        try agora(arguments + ["--today", today])
    }

    private func home() throws -> String {
        let manifest = try String(contentsOf: AgoraBinary.repositoryRoot.appendingPathComponent("catalog/manifest.json"), encoding: .utf8)
        let start = try #require(manifest.range(of: "\"postcodes\": [\n    [\""))
        return String(manifest[start.upperBound...].prefix { $0 != "\"" })
    }

    private func addAmy() throws {
        let run = try dated(["child", "add", "Amy", "--born", "2015-09-10", "--home", try home()])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Saved Amy. Born 10 September 2015, 11 today, Year 6 (2026/27). Next: Year 7 places for September 2027 — the closing date, 31 October 2026, has passed: make a late application."))
    }

    private func eligibleIDs() throws -> [String] {
        let run = try dated(["schools", "--child", "amy", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return objects.compactMap { $0["id"] as? String }
    }

    @Test func applicationsPerPlaceReadTheSameInAComparisonAndOnASchoolsPage() throws {
        // 572 applications for 275 places is 2.08 (2.1); 204 for 230 is 0.89 (0.9): rounded, not cut.
        let compared = try agora(["compare", "S900055", "S900051", "--format", "md"]).stdout
        #expect(compared.contains("275 places, 2.1 applications per place"))
        #expect(try agora(["show", "S900055"]).stdout.contains("(2.1 applications per place)"))
        // An 11–16 school has no early years or sixth form to grade, whatever its inspection.
        let stages = try agora(["compare", "S900055", "S900063"]).stdout
        #expect(stages.contains("no early years") && stages.contains("no sixth form"))
    }

    @Test("a child added, schools found, three compared, ranked and exported")
    func journey() throws {
        try addAmy()
        let list = try dated(["child", "list"])
        #expect(list.stdout.contains("Amy") && list.stdout.contains("Year 7 places for September 2027"))

        let show = try dated(["child", "show", "Amy"])
        #expect(show.stdout.contains("▶ 25 Nov 2026  Today"))
        #expect(show.stdout.contains("31 Oct 2026  Closing date for applications to the council (passed)"))
        #expect(show.stdout.contains("1 Mar 2027  National offer day"))

        let schools = try dated(["schools", "--child", "Amy"])
        #expect(schools.status == 0)
        #expect(schools.stdout.hasPrefix("Schools for Amy: Year 7 places for September 2027 — "))
        #expect(schools.stdout.contains("Distances are straight lines"))
        // An all-through school admits again at Year 7, as its own Year 6 move up.
        #expect(try eligibleIDs().contains("S900055"))
        #expect(schools.stdout.contains("all-through: its own Year 6 move up"))
        // CSV gives metres as a number, named as the JSON names them.
        let schoolsCSV = try dated(["schools", "--child", "Amy", "--format", "csv"])
        let csvLines = schoolsCSV.stdout.split(separator: "\n")
        #expect(csvLines.first == "id,name,distance_m,chance,reason,notes")
        let schoolsJSON = try dated(["schools", "--child", "Amy", "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(schoolsJSON.stdout.utf8)) as? [[String: Any]])
        let metres = try #require(objects.first?["distance_m"] as? Int)
        #expect(csvLines.count > 1 && csvLines[1].contains(",\(metres),"), "\(csvLines.prefix(2))")
        let ids = try eligibleIDs()
        try #require(ids.count >= 3)

        let table = try dated(["compare"] + Array(ids.prefix(3)) + ["--child", "Amy"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Weighted score") && table.stdout.contains("★ best in its row"))
        let markdown = try dated(["compare"] + Array(ids.prefix(3)) + ["--child", "Amy", "--format", "md"])
        #expect(markdown.stdout.hasPrefix("## Schools compared for Amy\n\n| Measure |"))
        let csv = try dated(["compare"] + Array(ids.prefix(3)) + ["--format", "csv"])
        #expect(csv.stdout.hasPrefix("measure,"))
        #expect(csv.stdout.split(separator: "\n").first?.hasSuffix(",best") == true)
        let json = try dated(["compare"] + Array(ids.prefix(3)) + ["--format", "json"])
        let grid = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((grid["columns"] as? [Any])?.count == 3)

        #expect(try agora(["priorities", "set", "--child", "Amy", "distance=5", "faith=0"]).status == 0)
        let set = try dated(["preferences", "set", "--child", "Amy"] + Array(ids.prefix(3)))
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Warning: The closing date, 31 October 2026, has passed"))
        #expect(set.stdout.contains("Warning: You have named 3 of the 6 schools the council allows"))
        #expect(set.stdout.contains("Each school ranks every applicant by its own criteria"))
        let shown = try dated(["preferences", "show", "--child", "Amy", "--format", "csv"])
        #expect(shown.stdout.hasPrefix("Rank,School,ID,Distance,Chance\n1,"))
        #expect(shown.stdout.split(separator: "\n").count == 4)

        let removed = try agora(["child", "remove", "AMY"])
        #expect(removed.stdout == "Removed Amy, with their preference list and priorities.\n")
        #expect(try agora(["child", "list"]).stdout.hasPrefix("No children saved yet."))
    }

    @Test("bad input gets one line, exit 2, and nothing stored changes")
    func badInput() throws {
        try addAmy()
        let before = try dated(["child", "list", "--format", "json"]).stdout
        let ids = try eligibleIDs()
        let home = try home()
        let cases: [([String], String)] = [
            (["child", "add", "Ben", "--born", "2030-01-01", "--home", home],
             "agora: the date of birth 2030-01-01 is in the future — give the child's date of birth as YYYY-MM-DD"),
            (["child", "add", "Ben", "--born", "2005-01-01", "--home", home],
             "agora: a child born on 2005-01-01 is 21 today, past school age — give the date of birth of a child under 19"),
            (["child", "add", "Ben", "--born", "2019-01-01", "--home", "ZZ1 1ZZ"], "agora: unknown postcode \"ZZ1 1ZZ\""),
            (["child", "add", "Ben", "--born", "1/1/19", "--home", home], "agora: --born \"1/1/19\" is not a date — use YYYY-MM-DD or DD/MM/YYYY"),
            (["child", "add", "Ben", "--born", "2019-01-01", "--home", home, "--sibling-at", "NOPE"], "agora: unknown school \"NOPE\""),
            (["child", "add", "amy", "--born", "2019-01-01", "--home", home], "agora: a child named \"amy\" is already saved"),
            (["child", "remove", "Nobody"], "agora: unknown child \"Nobody\""),
            (["schools", "--child", "Nobody"], "agora: unknown child \"Nobody\""),
            (["compare", "NOPE"], "agora: unknown school \"NOPE\""),
            (["compare"] + Array(repeating: ids[0], count: 7), "agora: 7 schools given, but a comparison shows at most 6 — name at most 6"),
            (["preferences", "set", "--child", "Amy"] + Array(ids.prefix(7)), "agora: 7 schools given, but "),
            (["preferences", "set", "--child", "Amy", ids[0], "NOPE"], "agora: unknown school \"NOPE\""),
            (["preferences", "set", "--child", "Amy", ids[0], ids[0]], "agora: \"\(ids[0])\" is given twice"),
            (["priorities", "set", "--child", "Amy", "fame=5"], "agora: \"fame=5\" is not priority=weight"),
        ]
        for (arguments, message) in cases {
            let undated = arguments[0] == "priorities" || arguments[1] == "remove"
            let run = try undated ? agora(arguments) : dated(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.hasPrefix(message), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
        #expect(try dated(["child", "list", "--format", "json"]).stdout == before)
        #expect(try dated(["preferences", "show", "--child", "Amy", "--format", "json"]).stdout.contains("\"preferences\": []"))
    }
}
