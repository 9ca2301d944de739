import Foundation
import Testing

/// "My care budget" in the real program: a £350-a-week mixed budget set up, home care and a day
/// centre added from the catalog, a payment recorded, the projection read and the statement
/// exported — full screen in a real terminal, and the same in plain mode — then checked with the
/// command line, which reads the same store.
@Suite("Care budget journey in the real program", .serialized)
struct BudgetJourneyTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test("full screen at", arguments: sizes)
    func fullScreen(width: Int, height: Int) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let statement = data.appendingPathComponent("mum-statement.csv")
        try tmux.start([AgoraBinary.url.path], width: width, height: height,
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "XDG_DATA_HOME": data.path, "NO_COLOR": ""])

        func check(_ page: String, _ screen: String) {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= width }, "\(page) at \(width)×\(height) draws past the edge")
            #expect(screen.contains("help"), "\(page) at \(width)×\(height) lost its key hints")
        }

        try tmux.waitFor("Choose a provider")
        try tmux.send("End", "Up", "Up")
        try tmux.waitFor("▸ My care budget")
        try tmux.send("Enter")
        check("budgets", try tmux.waitFor("No budget yet"))
        try tmux.send("n")
        check("set-up form", try tmux.waitFor("Whose budget"))
        try tmux.type("Mum")
        try tmux.send("Tab", "C-u")
        try tmux.type("2026-04-06")
        try tmux.send("Tab")
        try tmux.type("350")
        try tmux.send("Tab", "Tab")
        try tmux.type("40")
        try tmux.send("Tab", "Left", "Tab")
        try tmux.type("150")
        try tmux.send("Enter")
        check("budget", try tmux.waitFor("Saved Mum's budget"))

        try tmux.send("p")
        check("plan", try tmux.waitFor("Nothing planned yet"))
        try tmux.send("a")
        try tmux.waitFor("What will the budget pay for?")
        try tmux.send("1")
        try tmux.waitFor("Hours a week")
        try tmux.type("6")
        try tmux.send("Enter")
        check("providers", try tmux.waitFor("Home care, 6 hours a week, paid from council-managed"))
        try tmux.send("Enter")
        try tmux.waitFor("to the plan.")
        try tmux.send("a")
        try tmux.waitFor("What will the budget pay for?")
        try tmux.send("2")
        try tmux.waitFor("Days a week")
        try tmux.type("2")
        try tmux.send("Enter")
        try tmux.waitFor("Day centre, 2 days a week, paid from direct payment")
        try tmux.send("Enter")
        let plan = try tmux.waitFor("to the plan.")
        check("plan with two lines", plan)
        #expect(plan.contains("planned of £18,200 a year"))
        #expect(plan.contains("█"), "the budget bar")
        #expect(plan.contains("warnings"))

        try tmux.send("Escape")
        try tmux.waitFor("Support plan: 2 lines")
        try tmux.send("$")
        try tmux.waitFor("Record a payment for Mum")
        try tmux.send("Tab")
        try tmux.type("150.60")
        try tmux.send("Tab", "Right", "Enter")
        check("after a payment", try tmux.waitFor("Saved: payment of £150.60"))
        try tmux.send("l")
        let ledger = try tmux.waitFor("1 entry")
        check("ledger", ledger)
        #expect(ledger.contains("-£150.60"))
        try tmux.send("Escape", "r")
        let projection = try tmux.waitFor("Balance through the year")
        check("projection", projection)
        #expect(projection.contains("At ") || projection.contains("overdrawn"))
        #expect(projection.contains("━") || projection.contains("┄"))

        try tmux.send("Escape", "e")
        try tmux.waitFor("Which document?")
        try tmux.send("Enter")
        try tmux.waitFor("mum-statement.csv")
        try tmux.send("C-u")
        try tmux.type(statement.path)
        try tmux.send("Enter")
        try tmux.waitFor("Saved statement to")
        try tmux.send("Escape", "Escape")
        try tmux.waitFor("Choose a provider")
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)

        let csv = try String(contentsOf: statement, encoding: .utf8)
        #expect(csv.hasPrefix("entry,date,kind,payee"))
        #expect(csv.contains("150.60"))
        // The command line reads what the screen saved.
        let shown = try AgoraBinary.run(["budget", "show", "Mum"], environment: ["XDG_DATA_HOME": data.path])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("£350.00 a week"))
        #expect(shown.stdout.contains("Home care"))
        #expect(shown.stdout.contains("Day centre"))
        #expect(shown.stdout.contains("Balance: -£150.60 after 1 entry."))
    }

    @Test func plainMode() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let statement = data.appendingPathComponent("mum.md")
        let lines = ["9", "n", "1 Mum", "2 2026-04-06", "3 350", "5 40", "6 4", "7 150", "s",
                     "p", "a", "1", "1 6", "s", "1", "a", "2", "1 2", "s", "1", "b",
                     "pay", "2 150.60", "3 2", "s", "r", "b", "e 1 \(statement.path)", "b", "b", "q"]
        let input = data.appendingPathComponent("input.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let run = try AgoraBinary.run(["--plain"], environment: ["XDG_DATA_HOME": data.path],
                                      stdin: FileHandle(forReadingAtPath: input.path))
        #expect(run.status == 0)
        let out = run.stdout
        #expect(out.contains("9. My care budget"))
        #expect(out.contains("Saved Mum's budget."))
        #expect(out.contains("cheapest first"))
        #expect(out.contains("Support plan for Mum"))
        #expect(out.contains("Saved: payment of £150.60"))
        #expect(out.contains("Projection for Mum"))
        #expect(out.contains("The balance every four weeks:"))
        #expect(out.contains("Saved statement to \(statement.path)"))
        #expect(!out.contains("\u{1B}["), "no cursor movement in plain mode")
        #expect(!out.contains("█") && !out.contains("×"), "symbols are spelled out")
        let markdown = try String(contentsOf: statement, encoding: .utf8)
        #expect(markdown.hasPrefix("# Statement: Mum"))
        #expect(markdown.contains("£150.60"))
        let shown = try AgoraBinary.run(["budget", "show", "Mum"], environment: ["XDG_DATA_HOME": data.path])
        #expect(shown.stdout.contains("Home care"))
        #expect(shown.stdout.contains("Day centre"))
    }
}
