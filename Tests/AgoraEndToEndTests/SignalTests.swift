import Foundation
import Testing

/// Signals to the full-screen program: the terminal is usable afterwards, every time.
@Suite("Signals and the terminal", .serialized)
struct SignalTests {
    private func environment(_ data: URL) -> [String: String] {
        ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "XDG_DATA_HOME": data.path, "NO_COLOR": ""]
    }

    @Test("a fatal signal restores the terminal and exits 128+N", arguments: [
        ("HUP", SIGHUP), ("QUIT", SIGQUIT), ("PIPE", SIGPIPE), ("ALRM", SIGALRM), ("TERM", SIGTERM), ("INT", SIGINT),
    ])
    func fatalSignal(name: String, number: Int32) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try tmux.start([AgoraBinary.url.path], width: 100, height: 30, environment: environment(data))
        try tmux.waitFor("Choose a provider")
        let before = try tmux.modes()
        #expect(before.alternateScreen && !before.cursorShown && before.keypad && before.mouse)
        let pid = try #require(try tmux.pid(of: "agora"))
        #expect(Foundation.kill(pid, number) == 0)
        #expect(try tmux.waitForExit() == 128 + Int(number), "SIG\(name)")
        let after = try tmux.modes()
        #expect(!after.alternateScreen, "SIG\(name) left the alternate screen on")
        #expect(after.cursorShown, "SIG\(name) left the cursor hidden")
        #expect(!after.keypad, "SIG\(name) left keypad mode on")
        #expect(!after.mouse, "SIG\(name) left mouse reporting on")
        #expect(try tmux.lineInputWithEcho(), "SIG\(name) left the terminal raw")
    }

    @Test func ctrlZSuspendsAndResumeKeepsArrowKeys() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        // An interactive shell with job control, as a person has: Ctrl-Z, then fg. (Its line
        // editor sets its own terminal modes at the prompt, so tmux's flags are what is checked.)
        try tmux.start(["bash", "--norc", "--noprofile", "-i"], width: 100, height: 30, environment: environment(data))
        try tmux.waitFor("bash")
        try tmux.type(AgoraBinary.url.path)
        try tmux.send("Enter")
        try tmux.waitFor("Choose a provider")
        let pid = try #require(try tmux.pid(of: "agora"))

        for (how, suspend) in [("Ctrl-Z", { try tmux.send("C-z") }), ("SIGTSTP", { _ = Foundation.kill(pid, SIGTSTP) })] {
            try suspend()
            try tmux.waitFor("Stopped")
            #expect(tmux.state(of: pid) == "T", "\(how) did not stop the program")
            let stopped = try tmux.modes()
            #expect(!stopped.alternateScreen && stopped.cursorShown && !stopped.keypad && !stopped.mouse, "\(how)")
            try tmux.run(["send-keys", "-t", tmux.session, "-R"])
            try tmux.run(["clear-history", "-t", tmux.session])
            try tmux.type("fg")
            try tmux.send("Enter")
            try tmux.waitFor("Choose a provider")
            let resumed = try tmux.modes()
            #expect(resumed.alternateScreen && resumed.keypad && resumed.mouse, "\(how): modes after resume")
            // The next arrow key moves (it used to arrive as a bare Esc and quit).
            try tmux.send("Down")
            try tmux.waitFor("▸ Care for older people")
            try tmux.send("Up")
            try tmux.waitFor("▸ Schools")
        }
        try tmux.send("q")
        try tmux.type("echo status-$?")
        try tmux.send("Enter")
        try tmux.waitFor("status-0")
        let ended = try tmux.modes()
        #expect(!ended.alternateScreen && ended.cursorShown && !ended.keypad && !ended.mouse)
    }
}
