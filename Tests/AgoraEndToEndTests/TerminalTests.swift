import Foundation
import Testing

/// The real program in a real terminal (tmux), driven by keys, read from the screen.
@Suite("Full-screen program in a terminal", .serialized)
struct TerminalTests {
    private func environment(dataDir: URL, term: String = "tmux-256color") -> [String: String] {
        ["LC_ALL": "C.UTF-8", "TERM": term, "XDG_DATA_HOME": dataDir.path, "NO_COLOR": ""]
    }

    /// Runs `command` (the program by default) in a fresh tmux server with its own data directory,
    /// and cleans both up afterwards.
    private func inTerminal(width: Int, height: Int, command: [String] = [AgoraBinary.url.path],
                            _ body: (Tmux, URL) throws -> Void) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try tmux.start(command, width: width, height: height, environment: environment(dataDir: data))
        try body(tmux, data)
    }

    @Test func searchOpenMarkResizeAndQuit() throws {
        try inTerminal(width: 100, height: 30) { tmux, data in
            try tmux.waitFor("Choose a provider")
            try tmux.send("Enter")
            try tmux.waitFor("68 of 68")
            try tmux.send("/")
            try tmux.type("nursery")
            try tmux.waitFor("Search: nursery")
            let narrowed = try tmux.waitFor("3 matches")
            #expect(narrowed.contains("Nursery School"))
            try tmux.send("Enter")
            try tmux.waitFor("search \"nursery\"")
            try tmux.send("Enter")
            let detail = try tmux.waitFor("URN")
            #expect(detail.contains("Nursery School"))
            try tmux.send("m")
            try tmux.waitFor("On your shortlist")
            try tmux.resize(width: 70, height: 20)
            let small = try tmux.waitFor("Esc back")
            #expect(small.split(separator: "\n").allSatisfy { $0.count <= 70 })
            try tmux.send("Escape")
            try tmux.waitFor("search \"nursery\"")
            try tmux.send("q")
            try tmux.waitFor("Choose a provider")
            try tmux.send("q")
            #expect(try tmux.waitForExit() == 0)

            // The shortlist was saved: a plain session started afresh shows it.
            let plain = try AgoraBinary.run(["--plain"], environment: ["XDG_DATA_HOME": data.path],
                                            stdin: try AgoraBinary.input(["7", "q"]))
            #expect(plain.status == 0)
            #expect(plain.stdout.contains("Your shortlist (1)"))
            #expect(plain.stdout.contains("Nursery School"))
        }
    }

    /// A click is a press and a release: the press selects, the release is set aside (it once
    /// read as the end of input and ended the program).
    @Test func aClickSelectsAndTheButtonsReleaseIsIgnored() throws {
        try inTerminal(width: 80, height: 24) { tmux, data in
            try tmux.waitFor("▸ Schools")
            try tmux.type("\u{1B}[M %(")
            try tmux.waitFor("▸ GP practices")
            try tmux.type("\u{1B}[M#%(")
            // An SGR release (a terminal in that mode) must not end the program either.
            try tmux.type("\u{1B}[<0;5;8m")
            try tmux.type("\u{1B}[M %'")
            try tmux.waitFor("▸ Care for older people")
            try tmux.type("\u{1B}[M#%'")
            try tmux.send("Down")
            try tmux.waitFor("▸ GP practices")
            try tmux.send("q")
            #expect(try tmux.waitForExit() == 0)
        }
    }

    @Test func aHugePasteIntoSearchLeavesTheProgramAnsweringKeys() throws {
        try inTerminal(width: 100, height: 30) { tmux, _ in
            try tmux.waitFor("Choose a provider")
            try tmux.send("Enter")
            try tmux.waitFor("68 of 68")
            try tmux.send("/")
            try tmux.waitFor("Esc cancel")
            try tmux.run(["set-buffer", "-b", "paste", String(repeating: "ab", count: 5_000)])
            try tmux.run(["paste-buffer", "-b", "paste", "-t", tmux.session])
            // The field stops at its cap and says so; the other 9,900 characters cost a key's
            // handling each, not a frame each, so the next key is answered at once (it used to
            // wait behind a frame per character).
            let capped = try tmux.waitFor("as long as this field takes (100 characters)")
            #expect(capped.contains("Search: ‹abab"))
            try tmux.send("Escape")
            let cancelled = try tmux.waitFor("68 of 68")
            #expect(!cancelled.contains("abab"))
            try tmux.send("q")
            try tmux.waitFor("Choose a provider")
            try tmux.send("q")
            #expect(try tmux.waitForExit() == 0)
        }
    }

    @Test func tooSmallThenEnlarged() throws {
        try inTerminal(width: 50, height: 15) { tmux, _ in
            try tmux.waitFor("Please make this window larger.")
            try tmux.resize(width: 80, height: 24)
            try tmux.waitFor("Choose a provider")
            try tmux.send("C-c")
            // Ctrl-C means "stop now", as it does for any program: status 130, as in plain mode.
            #expect(try tmux.waitForExit() == 130)
        }
    }

    @Test func unknownTerminalExitsWithAMessage() throws {
        // tmux sets TERM for its panes itself, so the unknown type is set by `env` inside the pane.
        try inTerminal(width: 100, height: 30, command: ["env", "TERM=no-such-terminal-type", AgoraBinary.url.path]) { tmux, _ in
            #expect(try tmux.waitForExit() == 1)
            let screen = try tmux.joinedScreen()
            #expect(screen.contains("TERM is \"no-such-terminal-type\""))
            #expect(screen.contains("agora list"))
        }
    }

    @Test func noTerminalExitsWithAMessage() throws {
        let run = try AgoraBinary.run([], environment: ["TERM": "xterm-256color"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("needs an interactive terminal"))
        #expect(run.stderr.contains("agora list --kind school"))
    }

    @Test func dumbTerminalGetsPlainMenus() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try AgoraBinary.run([], environment: ["TERM": "dumb", "XDG_DATA_HOME": data.path],
                                      stdin: try AgoraBinary.input(["1", "2", "b", "b", "q"]))
        #expect(run.status == 0)
        #expect(run.stdout.contains("1. Schools (68). You choose."))
        #expect(run.stdout.contains("Ofsted"))
        #expect(!run.stdout.contains("\u{1B}["))
    }
}
