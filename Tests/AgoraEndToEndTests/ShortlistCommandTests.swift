import AgoraStore
import ChoiceKit
import Foundation
import Testing

private enum CalendarDateForTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 26) ?? CalendarDate(daysSinceEpoch: 0)
}

/// `agora shortlist` and `agora settings` on the same store the full-screen program reads.
@Suite("Shortlist and settings commands")
final class ShortlistCommandTests {
    let data: URL

    init() throws { data = try AgoraBinary.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: data) }

    private func agora(_ arguments: [String]) throws -> AgoraBinary.Run {
        try AgoraBinary.run(arguments + ["--data-dir", data.path])
    }

    /// Two ids of different kinds, as `agora list` gives them.
    private func ids() throws -> [String] {
        try ["care", "gp"].map { kind in
            let run = try agora(["list", "--kind", kind, "--fields", "id", "--format", "csv"])
            return try #require(run.stdout.split(separator: "\n").dropFirst().first.map(String.init))
        }
    }

    @Test func entriesFromAnotherCatalogAreNamedNotShownAsEmptyRows() throws {
        let ids = try ids()
        #expect(try agora(["shortlist", "add", ids[0]]).status == 0)
        // As if marked while another catalog was open.
        let store = try AgoraStore(directory: data.path)
        try store.addToShortlist(providerID: "990001", kind: .school, on: CalendarDateForTests.day)
        let table = try agora(["shortlist"])
        #expect(table.stdout.hasPrefix("Your shortlist — 1 provider.\n"), "\(table.stdout)")
        #expect(table.stdout.hasSuffix("Also on it, from another catalog: 990001 — not in this catalog; give theirs with --catalog DIR to see them.\n"))
        // Programs still get every entry, with what this catalog does not know as null.
        let json = try JSONSerialization.jsonObject(with: Data(try agora(["shortlist", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect(json?.count == 2 && json?.last?["name"] is NSNull)
    }

    @Test func addListRemoveAndClearShareTheFullScreenProgramsStore() throws {
        let ids = try ids()
        let added = try agora(["shortlist", "add"] + ids.map { $0.lowercased() })
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Your shortlist has 2 providers."))
        let store = try AgoraStore(directory: data.path)
        #expect(try store.shortlist().map(\.providerID) == ids)
        let json = try JSONSerialization.jsonObject(with: Data(try agora(["shortlist", "list", "--format", "json"]).stdout.utf8)) as? [[String: Any]]
        #expect(json?.compactMap { $0["id"] as? String } == ids)
        #expect(json?.allSatisfy { ($0["added_on"] as? String)?.count == 10 } == true)
        #expect(try agora(["shortlist", "remove", ids[0]]).status == 0)
        #expect(try store.shortlist().map(\.providerID) == [ids[1]])
        let csv = try agora(["shortlist", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,name,kind,sub_type,town,postcode,added_on\n\(ids[1]),"))
        #expect(try agora(["shortlist", "clear"]).stdout == "Cleared your shortlist (1 removed).\n")
        #expect(try store.shortlist().isEmpty)
    }

    @Test func anUnknownIdSavesNothingAndExitsTwo() throws {
        let ids = try ids()
        let run = try agora(["shortlist", "add", ids[0], "NOPE"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("agora: unknown id \"NOPE\" — "))
        #expect(try AgoraStore(directory: data.path).shortlist().isEmpty)
        let remove = try agora(["shortlist", "remove", ids[0]])
        #expect(remove.status == 2 && remove.stderr.contains("is not on your shortlist"))
    }

    @Test func settingsAreShownAndSetOnTheSameStore() throws {
        let postcode = try #require(try agora(["list", "--kind", "gp", "--fields", "postcode", "--format", "csv"]).stdout
            .split(separator: "\n").dropFirst().first.map(String.init))
        let set = try agora(["settings", "set", "home-postcode", postcode.lowercased()])
        #expect(set.status == 0 && set.stdout == "Saved: home-postcode is \(postcode).\n")
        #expect(try agora(["settings", "set", "theme", "high-contrast"]).status == 0)
        let store = try AgoraStore(directory: data.path)
        #expect(try store.setting(.homePostcode) == postcode)
        #expect(try store.setting(.theme) == "high-contrast")
        let json = try JSONSerialization.jsonObject(with: Data(try agora(["settings", "--format", "json"]).stdout.utf8)) as? [String: String]
        #expect(json == ["home_postcode": postcode, "theme": "high-contrast"])
        let bad = try agora(["settings", "set", "theme", "neon"])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("agora: unknown theme \"neon\" — use default, high-contrast, mono"))
        let unknown = try agora(["settings", "set", "home-postcode", "ZZ9 9ZZ"])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("agora: unknown postcode"))
        #expect(try agora(["settings", "clear", "home-postcode"]).status == 0)
        #expect(try store.setting(.homePostcode) == nil)
        let missing = try agora(["settings", "set", "theme"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("agora: missing expected argument"))
    }
}
