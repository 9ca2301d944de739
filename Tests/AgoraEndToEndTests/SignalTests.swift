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
            let recording = FileManager.default.temporaryDirectory.appendingPathComponent("\(tmux.socket)-resume.bytes").path
            try tmux.startRecording(to: recording)
            try tmux.type("fg")
            try tmux.send("Enter")
            try tmux.waitFor("Choose a provider")
            let resumed = try tmux.waitForModes { $0.alternateScreen && $0.keypad && $0.mouse }
            #expect(resumed.alternateScreen && resumed.keypad && resumed.mouse, "\(how): modes after resume")
            // The next arrow key moves (it used to arrive as a bare Esc and quit).
            try tmux.send("Down")
            try tmux.waitFor("▸ Care for older people")
            try tmux.send("Up")
            try tmux.waitFor("▸ Schools")
            // Once back in full screen, keypad mode stays on: the SIGCONT that continued the program
            // is not acted on a second time (that turned keypad mode off and on again, and an arrow
            // key typed in between arrived as Esc).
            let written = try tmux.stopRecording(recording)
            let enteredFullScreen = try #require(Self.lastRange(of: "\u{1B}[?1049h", in: written), "\(how): no return to full screen")
            #expect(Self.lastRange(of: "\u{1B}[?1l", in: Array(written[enteredFullScreen.upperBound...])) == nil,
                    "\(how): keypad mode was turned off after the page came back")
        }
        try tmux.send("q")
        try tmux.type("echo status-$?")
        try tmux.send("Enter")
        try tmux.waitFor("status-0")
        let ended = try tmux.modes()
        #expect(!ended.alternateScreen && ended.cursorShown && !ended.keypad && !ended.mouse)
    }

    /// Where `text` last occurs in `bytes`.
    private static func lastRange(of text: String, in bytes: [UInt8]) -> Range<Int>? {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) where bytes[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}
