import CBenchSupport
import Foundation

/// A program started on a pseudo-terminal of its own, as a person's terminal would run it: what
/// it draws is read back byte by byte, with the time since it was started.
struct PseudoTerminal {
    let pid: pid_t
    let master: Int32
    let start: ContinuousClock.Instant

    static func spawn(_ binary: String, _ arguments: [String], environment: [String]) -> PseudoTerminal? {
        var name = [CChar](repeating: 0, count: 256)
        let master = agora_bench_open_pty(&name, name.count)
        guard master >= 0 else { return nil }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        guard posix_spawn(&pid, binary, &actions, &attributes, argv, envp) == 0 else {
            close(master)
            return nil
        }
        return PseudoTerminal(pid: pid, master: master, start: start)
    }

    var elapsedMilliseconds: Double { Measure.milliseconds(ContinuousClock.now - start) }

    /// What the program wrote within `timeout` milliseconds: empty if nothing, nil once it has ended.
    func read(waiting timeout: Int32) -> [UInt8]? {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = Foundation.read(master, &buffer, buffer.count)
        return count > 0 ? Array(buffer[0..<count]) : nil
    }

    /// The program's own peak resident memory, read while it runs (rusage would also count memory
    /// it shared with this process before exec).
    func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// Types `keys` (to quit), then waits for the program to end, reading what it draws so it never
    /// blocks on a full terminal; ends it after five seconds if it has not.
    func finish(typing keys: String) {
        _ = keys.withCString { write(master, $0, strlen($0)) }
        var status: Int32 = 0
        var usage = rusage()
        let deadline = ContinuousClock.now + .seconds(5)
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            _ = read(waiting: 50)
        }
        close(master)
    }
}
