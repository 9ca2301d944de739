import AgoraUI
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

        /// Another set of runs of the same launch, counted with these.
        mutating func add(_ other: Launch) {
            milliseconds += other.milliseconds
            readyMilliseconds += other.readyMilliseconds
            peakMemoryMB = max(peakMemoryMB, other.peakMemoryMB)
        }
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
        let data = dataDirectory
        let environment = ["TERM=xterm-256color", "LC_ALL=C.UTF-8", "LINES=40", "COLUMNS=120", "XDG_DATA_HOME=\(data)",
                           "XDG_CACHE_HOME=\(data)/cache", "HOME=\(data)"]
        guard let terminal = PseudoTerminal.spawn(binary, arguments, environment: environment) else { return nil }
        // The home screen's status line ("… i service  q quit …") is drawn last: when it has
        // arrived, the frame is complete.
        let marker = Array(" service  ".utf8)
        // Then, for a catalog directory, the message saying every provider is loaded.
        let readyMarker = Array(" ready".utf8)
        var seen: [UInt8] = []
        var elapsed: Double?
        var ready: Double?
        while terminal.elapsedMilliseconds < 10_000 {
            guard let bytes = terminal.read(waiting: 100) else { break }
            seen += bytes
            if elapsed == nil, containsMarker(seen, marker) {
                elapsed = terminal.elapsedMilliseconds
                if !waitsForProviders { break }
            }
            // A fast load may be ready within the first frame itself.
            if elapsed != nil, containsMarker(seen, readyMarker) {
                ready = terminal.elapsedMilliseconds
                break
            }
        }
        let stayUntil = ContinuousClock.now + .milliseconds(Int(stay * 1000))
        while ContinuousClock.now < stayUntil { _ = terminal.read(waiting: 50) }
        let peak = terminal.peakMemoryMB()
        terminal.finish(typing: "q")
        guard let elapsed else { return nil }
        return (elapsed, ready, peak)
    }

    private static func containsMarker(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<(start + marker.count)]) == marker { return true }
        }
        return false
    }
}
