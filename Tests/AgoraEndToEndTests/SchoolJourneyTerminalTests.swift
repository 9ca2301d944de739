import Foundation
import Testing

/// A parent's whole school journey in the real program: add a child, compare three schools, rank
/// them, export; full screen in a terminal, and the same in plain mode.
@Suite("Schools for my child, end to end", .serialized)
struct SchoolJourneyTerminalTests {
    /// A child who starts Reception in a September still ahead, whatever day the tests run.
    static var birthDate: String {
        let year = Calendar.current.component(.year, from: Date()) - 3
        return "\(year)-10-01"
    }

    @Test func fullScreenFromNothingToExportedFiles() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try tmux.start([AgoraBinary.url.path, "--data-dir", data.path], width: 80, height: 24,
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color"])
        try tmux.waitFor("Choose a provider")
        try tmux.send("End")
        try tmux.waitFor("▸ About Agora")
        try tmux.send("Up")
        try tmux.waitFor("▸ Home postcode")
        try tmux.send("Up")
        try tmux.waitFor("▸ My care budget")
        try tmux.send("Up")
        try tmux.waitFor("▸ Schools for my child")
        try tmux.send("Enter")
        try tmux.waitFor("No child saved yet")
        try tmux.send("Enter")
        try tmux.waitFor("Name or nickname")
        try tmux.type("Sam")
        try tmux.send("Tab")
        try tmux.type(Self.birthDate)
        try tmux.send("Tab", "C-u")
        try tmux.type("KM1 9UY")
        try tmux.send("Enter")
        try tmux.waitFor("Saved Sam")
        try tmux.waitFor("Today")
        try tmux.send("1")
        try tmux.waitFor("Chance")
        try tmux.send("Space")
        try tmux.waitFor("1 marked")
        try tmux.send("Down", "Space")
        try tmux.waitFor("2 marked")
        try tmux.send("Down", "Space")
        try tmux.waitFor("3 marked")
        try tmux.send("c")
        try tmux.waitFor("Schools compared for Sam")
        // The ★ may come a moment after the title when the terminal draws in pieces.
        let compared = try tmux.waitFor("★")
        #expect(compared.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try tmux.send("e")
        try tmux.waitFor("Save this comparison")
        let comparisonFile = data.appendingPathComponent("sam-comparison.md").path
        try tmux.send("C-u")
        try tmux.type(comparisonFile)
        try tmux.send("Enter")
        try tmux.waitFor("Saved comparison")
        try tmux.send("Escape")
        try tmux.waitFor("3 marked")
        try tmux.send("Escape")
        try tmux.waitFor("Preference list (0 of")
        try tmux.send("4")
        try tmux.waitFor("No school on the list yet")
        for count in 1...3 {
            try tmux.send("a")
            try tmux.waitFor("Add a preference")
            try tmux.send("Enter")
            try tmux.waitFor("\(count) of 3 named")
        }
        try tmux.send("u")
        try tmux.waitFor("is now preference 2")
        try tmux.send("e")
        try tmux.waitFor("Save the preference list")
        let listFile = data.appendingPathComponent("sam-preferences.csv").path
        try tmux.send("C-u")
        try tmux.type(listFile)
        try tmux.send("Enter")
        try tmux.waitFor("Saved preference list")
        try tmux.send("C-c")
        #expect(try tmux.waitForExit() == 130)

        let comparison = try String(contentsOfFile: comparisonFile, encoding: .utf8)
        #expect(comparison.hasPrefix("## Schools compared for Sam"))
        #expect(comparison.contains("Weighted score"))
        let list = try String(contentsOfFile: listFile, encoding: .utf8)
        #expect(list.hasPrefix("Rank,School,ID,Distance,Chance"))
        #expect(list.split(separator: "\n").count == 4)

        // Saved: a plain session started afresh finds Sam with three schools ranked.
        let again = try AgoraBinary.run(["--plain", "--data-dir", data.path],
                                        stdin: try AgoraBinary.input(["8", "1", "4", "q"]))
        #expect(again.status == 0)
        #expect(again.stdout.contains("Preference list (3 of 3 named)"))
        #expect(again.stdout.contains("3 of 3 named"))
    }

    @Test func plainModeFromNothingToAnExportedList() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let listFile = data.appendingPathComponent("sam.md").path
        let comparisonFile = data.appendingPathComponent("sam.csv").path
        let lines = ["8", "a", "1 Sam", "2 \(Self.birthDate)", "3 KM1 9UY", "s", "1", "m 1", "m 2", "m 3", "c", "e \(comparisonFile)",
                     "b", "b", "4", "a", "1", "a", "1", "a", "1", "d 1", "e \(listFile)", "q"]
        let run = try AgoraBinary.run(["--plain", "--data-dir", data.path],
                                      stdin: try AgoraBinary.input(lines))
        #expect(run.status == 0)
        #expect(run.stdout.contains("Saved Sam."))
        #expect(run.stdout.contains(": today."))
        #expect(run.stdout.contains("Schools compared for Sam"))
        #expect(run.stdout.contains("is now preference 2"))
        #expect(run.stdout.contains("Saved preference list to"))
        #expect(!run.stdout.contains("\u{1B}["))
        let list = try String(contentsOfFile: listFile, encoding: .utf8)
        #expect(list.hasPrefix("## Sam: preferences for Reception places"))
        #expect(list.contains("| 1 |") && list.contains("| 3 |"))
        let comparison = try String(contentsOfFile: comparisonFile, encoding: .utf8)
        #expect(comparison.hasPrefix("measure,"))
    }
}
