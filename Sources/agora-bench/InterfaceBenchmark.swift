import AgoraUI
import CBenchSupport
import ChoiceKit
import Foundation

/// Times the full-screen program: a keystroke in search until the new frame is rendered (in
/// process, on the given catalog), and launch until the first full frame (the real binary on a
/// pseudo-terminal).
enum InterfaceBenchmark {
    /// Update + render for each key of a realistic search session in a 120×40 window.
    static func keystrokes(catalog: Catalog) -> [Double] {
        var state = AppState(catalog: catalog, size: Size(width: 120, height: 40), today: CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0))
        _ = Update.apply(.key(.enter), to: &state) // open the schools list
        _ = Render.screen(state)
        var keys: [Key] = [.character("/")]
        for word in ["st mary", "primary", "kingsmere academy", "ash", "oak"] {
            keys += word.map { Key.character($0) }
            keys += Array(repeating: Key.backspace, count: word.count)
        }
        keys += [.enter] + Array(repeating: Key.down, count: 30) + [.pageDown, .pageDown, .end, .home]
        var timings: [Double] = []
        for _ in 0..<3 {
            for key in keys {
                let start = ContinuousClock.now
                _ = Update.apply(.key(key), to: &state)
                _ = Render.screen(state)
                timings.append(Measure.milliseconds(ContinuousClock.now - start))
            }
            _ = Update.apply(.key(.character("/")), to: &state)
        }
        return timings
    }

    static let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-bench-data").path

    /// Forgets catalog snapshots, so the next launch starts from the files.
    static func clearCache() {
        try? FileManager.default.removeItem(atPath: dataDirectory + "/cache")
    }

    struct Launch {
        /// Launch to the first full frame.
        var milliseconds: [Double] = []
        /// Launch to every provider loaded and searchable ("… providers ready" on the message line).
        var readyMilliseconds: [Double] = []
        var peakMemoryMB = 0
    }

    /// Starts `agora` on a pseudo-terminal of 120×40 and waits for the status line of the first
    /// frame; then quits it with q. Repeated `runs` times.
    /// `stay` seconds pass before quitting, as when a person starts using the program.
    /// `waitsForProviders`: a catalog directory's providers load after the first frame; the run
    /// also times until they are ready.
    static func launch(binary: String, arguments: [String], runs: Int, stay: Double = 0, waitsForProviders: Bool = false) -> Launch {
        var result = Launch()
        for _ in 0..<runs {
            guard let run = launchOnce(binary: binary, arguments: arguments, stay: stay, waitsForProviders: waitsForProviders) else { continue }
            result.milliseconds.append(run.firstFrame)
            if let ready = run.ready { result.readyMilliseconds.append(ready) }
            result.peakMemoryMB = max(result.peakMemoryMB, run.peakMemoryMB)
        }
        return result
    }

    private static func launchOnce(binary: String, arguments: [String], stay: Double,
                                   waitsForProviders: Bool) -> (firstFrame: Double, ready: Double?, peakMemoryMB: Int)? {
        var name = [CChar](repeating: 0, count: 256)
        let master = agora_bench_open_pty(&name, name.count)
        guard master >= 0 else { return nil }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(master) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, agora_bench_spawn_setsid_flag())
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        let data = dataDirectory
        let environment = ["TERM=xterm-256color", "LC_ALL=C.UTF-8", "LINES=40", "COLUMNS=120", "XDG_DATA_HOME=\(data)",
                           "XDG_CACHE_HOME=\(data)/cache", "HOME=\(data)"]
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        guard posix_spawn(&pid, binary, &actions, &attributes, argv, envp) == 0 else { return nil }
        // The home screen's status line ("… i service  q quit …") is drawn last: when it has
        // arrived, the frame is complete.
        let marker = Array(" service  ".utf8)
        // Then, for a catalog directory, the message saying every provider is loaded.
        let readyMarker = Array(" ready".utf8)
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var elapsed: Double?
        var ready: Double?
        while Measure.milliseconds(ContinuousClock.now - start) < 10_000 {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            seen += buffer[0..<count]
            if elapsed == nil, containsMarker(seen, marker) {
                elapsed = Measure.milliseconds(ContinuousClock.now - start)
                if !waitsForProviders { break }
            }
            // A fast load may be ready within the first frame itself.
            if elapsed != nil, containsMarker(seen, readyMarker) {
                ready = Measure.milliseconds(ContinuousClock.now - start)
                break
            }
        }
        let stayUntil = ContinuousClock.now + .milliseconds(Int(stay * 1000))
        while ContinuousClock.now < stayUntil {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        let peak = peakMemoryMB(of: pid)
        _ = write(master, "q", 1)
        var status: Int32 = 0
        var usage = rusage()
        // Drain output while waiting so the program never blocks on a full terminal buffer.
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        guard let elapsed else { return nil }
        return (elapsed, ready, peak)
    }

    /// The child's own peak resident memory, read while it is running (rusage would also count
    /// memory it shared with this process before exec).
    private static func peakMemoryMB(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    private static func containsMarker(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<(start + marker.count)]) == marker { return true }
        }
        return false
    }
}
