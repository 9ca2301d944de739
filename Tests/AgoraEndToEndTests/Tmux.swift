import Foundation

/// A tmux server of our own (private socket), so tests never touch a person's sessions.
struct Tmux {
    let socket = "agora-test-\(UUID().uuidString.prefix(8))"
    let session = "agora"

    enum Failure: Error, CustomStringConvertible {
        case timedOut(String, screen: String)
        case commandFailed(String)
        var description: String {
            switch self {
            case .timedOut(let text, let screen): return "waited for \"\(text)\"; the screen shows:\n\(screen)"
            case .commandFailed(let command): return "tmux \(command) failed"
            }
        }
    }

    /// Runs a tmux command. `capture` is false for commands that start the server: the server
    /// keeps inherited pipes open, so reading one to its end would never finish.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let output = Pipe()
        process.standardOutput = capture ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = capture ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.commandFailed(arguments.joined(separator: " ")) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Where the wrapper writes the program's exit status (tmux cannot always report it: a server
    /// started from a test process may never be told how its panes' programs ended).
    var statusFile: String { "/tmp/\(socket).status" }

    /// Starts `command` in a detached session of the given size, through a shell that records the
    /// exit status and then keeps the pane open so the final screen can still be read.
    func start(_ command: [String], width: Int, height: Int, environment: [String: String]) throws {
        unlink(statusFile)
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        let script = "\"$@\"; echo $? > \(statusFile).partial; mv \(statusFile).partial \(statusFile); exec sleep 600"
        arguments += ["sh", "-c", script, "agora-under-test"] + command
        try spawnWithCleanSignals(["tmux", "-L", socket] + arguments)
    }

    /// Starts the tmux server with default signal handling and nothing of ours inherited. The test
    /// process blocks SIGCHLD (Foundation watches its own children that way); a tmux server that
    /// inherited the block could never learn how the program under test exited.
    private func spawnWithCleanSignals(_ arguments: [String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure.commandFailed("spawn tmux") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        guard status == 0 else { throw Failure.commandFailed("new-session") }
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    /// The screen with lines the terminal wrapped joined again (for plain printed messages).
    func joinedScreen() throws -> String { try run(["capture-pane", "-p", "-J", "-S", "-", "-t", session]) }

    func send(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until it shows `text` (no fixed sleeps).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if last.contains(text) { return last }
            usleep(10_000)
        }
        throw Failure.timedOut(text, screen: last)
    }

    /// The program's exit status once it has ended.
    func waitForExit(timeout: Double = 15) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(10_000)
        }
        throw Failure.timedOut("the program to exit", screen: (try? screen()) ?? "")
    }

    /// A tmux format for the pane, e.g. `#{alternate_on}`.
    func display(_ format: String) throws -> String {
        try run(["display", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    typealias Modes = (alternateScreen: Bool, cursorShown: Bool, keypad: Bool, mouse: Bool)

    /// The terminal's modes as tmux sees them: alternate screen, cursor shown, keypad (cursor
    /// keys) mode and mouse reporting.
    func modes() throws -> Modes {
        let flags = try display("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}")
            .split(separator: " ").map { $0 == "1" }
        guard flags.count == 4 else { throw Failure.commandFailed("display modes") }
        return (flags[0], flags[1], flags[2], flags[3])
    }

    /// Polls the modes until `condition` holds (a program sets them a moment after it draws);
    /// the last modes seen, whether or not it came to hold.
    @discardableResult
    func waitForModes(timeout: Double = 15, _ condition: (Modes) -> Bool) throws -> Modes {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try modes()
        while !condition(last), Date() < deadline {
            usleep(10_000)
            last = try modes()
        }
        return last
    }

    /// Starts copying every byte the pane's program writes into `path` (complete once
    /// `stopRecording` returns).
    func startRecording(to path: String) throws {
        unlink(path)
        try run(["pipe-pane", "-t", session, "cat > '\(path).partial'; mv '\(path).partial' '\(path)'"])
    }

    /// Stops the copy and waits for the file to be whole.
    func stopRecording(_ path: String, timeout: Double = 15) throws -> [UInt8] {
        try run(["pipe-pane", "-t", session])
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: path) {
                unlink(path)
                return Array(data)
            }
            usleep(10_000)
        }
        throw Failure.timedOut("the recording in \(path)", screen: (try? screen()) ?? "")
    }

    /// `stty -a` of the pane's terminal: whether it is back to line input with echo.
    func lineInputWithEcho() throws -> Bool {
        let tty = try display("#{pane_tty}")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "stty -a < \"$0\"", tty]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        return words.contains("icanon") && words.contains("echo") && words.contains("isig")
    }

    /// The process id of `name` running under the pane (a child or grandchild of its shell).
    func pid(of name: String) throws -> pid_t? {
        var frontier = [pid_t(try display("#{pane_pid}")) ?? 0]
        for _ in 0..<3 {
            var next: [pid_t] = []
            for parent in frontier where parent > 0 {
                let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(parent)/task")) ?? []
                for task in tasks {
                    let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(task)/children", encoding: .utf8)) ?? ""
                    next += children.split(separator: " ").compactMap { pid_t($0) }
                }
            }
            for child in next {
                let command = (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)) ?? ""
                if command.trimmingCharacters(in: .whitespacesAndNewlines) == name { return child }
            }
            frontier = next
        }
        return nil
    }

    /// The state letter of a process from /proc (R, S, T for stopped…).
    func state(of pid: pid_t) -> Character? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].first { $0 != " " }
    }

    func kill() {
        _ = try? run(["kill-server"])
        unlink(statusFile)
        // The server leaves its socket behind.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }
}
