import AgoraFuzz
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// agora-fuzz: the long run of the project's fuzzer.
//
//   swift run -c release agora-fuzz --seconds 600 [--seed 1] [--workers 2] [--save fuzz-findings]
//   swift run -c release agora-fuzz --reproduce 123456 [--seed 1]     one case, in this process
//
// Besides damaged catalogs and snapshots, one case in four is a damaged sample of a national
// format imported (`ImportFuzz`): the samples are read from --fixtures (../shared/fixtures beside
// the package by default); --catalog-only leaves them out.
//
// Cases run in worker processes (this program again, with --worker) so that a trap ends only the
// worker: the supervisor notes which case was running (each worker names a case before it runs
// it), saves that case's files, and starts a new worker after it. A case that runs longer than
// --hang-seconds is a hang, handled the same way. At the end: inputs tried, crashes, hangs and
// distinct failures (wrong results that did not trap).

struct Options {
    var seconds = 60.0
    var seed: UInt64 = 1
    var workers = 2
    var save = "fuzz-findings"
    var hangSeconds = 10.0
    var worker = false
    var start: UInt64 = 0
    var stride: UInt64 = 1
    var reproduce: UInt64?
    var seedsDirectory: String?
    var fixtures = "../shared/fixtures"
    var catalogOnly = false

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value() -> String {
            guard let next = rest.popFirst() else { fail("a value is missing after \(arguments.last ?? "")") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--seconds": seconds = parsed(value(), "--seconds needs a positive number") { (value: Double) in value.isFinite && value > 0 }
            case "--seed": seed = parsed(value(), "--seed needs a whole number") { (_: UInt64) in true }
            case "--workers": workers = parsed(value(), "--workers needs 1 to 64") { (value: Int) in (1...64).contains(value) }
            case "--save": save = value()
            case "--hang-seconds": hangSeconds = parsed(value(), "--hang-seconds needs a positive number") { (value: Double) in value > 0 }
            case "--worker": worker = true
            case "--start": start = parsed(value(), "--start needs a whole number") { (_: UInt64) in true }
            case "--stride": stride = parsed(value(), "--stride needs a positive whole number") { (value: UInt64) in value > 0 }
            case "--reproduce": reproduce = parsed(value(), "--reproduce needs a case number") { (_: UInt64) in true }
            case "--libfuzzer-seeds": seedsDirectory = value()
            case "--fixtures": fixtures = value()
            case "--catalog-only": catalogOnly = true
            case "--help", "-h":
                print("usage: agora-fuzz --seconds N [--seed S] [--workers W] [--save DIR] [--hang-seconds H] [--fixtures DIR | --catalog-only] | --reproduce CASE [--seed S]")
                exit(0)
            default: fail("unknown argument \(argument.debugDescription) — see agora-fuzz --help")
            }
        }
    }
}

/// `text` as a `Value` that passes `valid`, or the program ends with `message`.
func parsed<Value: LosslessStringConvertible>(_ text: String, _ message: String, _ valid: (Value) -> Bool) -> Value {
    guard let value = Value(text), valid(value) else { fail(message) }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("agora-fuzz: \(message)\n".utf8))
    exit(2)
}

/// Lines to the supervisor, unbuffered: the last one before a trap must not be lost.
func send(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress.map { $0 + written }, $0.count - written) }
        if count <= 0 { if errno == EINTR { continue }; exit(3) }
        written += count
    }
    bytes.removeAll()
}

/// The importers' cases of this run, unless left out; a run that cannot read the samples stops.
func importFuzz(_ options: Options) -> ImportFuzz? {
    guard !options.catalogOnly else { return nil }
    let fixtures = URL(fileURLWithPath: options.fixtures)
    do {
        let samples = try ImportFuzz.Samples(fixtures: fixtures)
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("agora-fuzz-import-\(getpid())")
        return ImportFuzz(seed: options.seed, samples: samples, scratch: scratch)
    } catch {
        fail("cannot read the samples of the national formats in \(fixtures.path) (\(error.localizedDescription)) — give --fixtures DIR, or --catalog-only")
    }
}

func removeImportScratch(_ imports: ImportFuzz?) {
    if let imports { try? FileManager.default.removeItem(at: imports.scratch) }
}

func runWorker(_ options: Options) -> Never {
    var session = FuzzSession(seed: options.seed, imports: importFuzz(options))
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(options.seconds * 1000)))
    session.run(start: options.start, stride: options.stride, until: deadline,
                before: { send("C \($0)") }, failed: { send("F \($0) \($1)") })
    send("D \(session.tried)")
    FuzzSession.cleanUp()
    removeImportScratch(session.imports)
    exit(0)
}

func reproduce(_ index: UInt64, _ options: Options) -> Never {
    if var imports = importFuzz(options), ImportFuzz.isImportCase(index) {
        let directory = URL(fileURLWithPath: options.save).appendingPathComponent("case-\(index)")
        do { try imports.save(index: index, to: directory) } catch { print("could not save the case: \(error)") }
        print("seed \(options.seed), import case \(index): saved in \(directory.path)")
        let failures = imports.failures(index: index)
        removeImportScratch(imports)
        print(failures.isEmpty ? "no failure" : failures.joined(separator: "\n"))
        exit(failures.isEmpty ? 0 : 1)
    }
    let fuzzCase = FuzzCase.make(seed: options.seed, index: index)
    print("seed \(options.seed), case \(index): \(fuzzCase.mutations.joined(separator: "; "))")
    let directory = URL(fileURLWithPath: options.save).appendingPathComponent("case-\(index)")
    do { try fuzzCase.save(to: directory) } catch { print("could not save the case: \(error)") }
    print("saved in \(directory.path)")
    let failures = FuzzOracle.check(fuzzCase)
    print(failures.isEmpty ? "no failure" : failures.joined(separator: "\n"))
    FuzzSession.cleanUp()
    exit(failures.isEmpty ? 0 : 1)
}

/// One worker process, as the supervisor sees it.
final class Worker {
    let pid: pid_t
    let output: Int32
    let errorFile: String
    var buffer: [UInt8] = []
    var current: UInt64?
    var lastNews = ContinuousClock.now
    var started: UInt64 = 0
    var open = true

    init(pid: pid_t, output: Int32, errorFile: String) {
        self.pid = pid
        self.output = output
        self.errorFile = errorFile
    }
}

final class Supervisor {
    let options: Options
    let deadline: ContinuousClock.Instant
    let begun = ContinuousClock.now
    var workers: [Worker] = []
    var tried: UInt64 = 0
    var crashes: [(index: UInt64, signature: String)] = []
    var hangs: [UInt64] = []
    var failures: [String: UInt64] = [:]
    var saved: [String] = []

    /// For saving import cases; the workers run them.
    let imports: ImportFuzz?

    init(_ options: Options) {
        self.options = options
        imports = importFuzz(options)
        deadline = begun.advanced(by: .milliseconds(Int64(options.seconds * 1000)))
    }

    var secondsLeft: Double {
        let left = (deadline - ContinuousClock.now).components
        return max(0, Double(left.seconds) + Double(left.attoseconds) / 1e18)
    }

    func spawn(start: UInt64) {
        guard secondsLeft > 0.05 else { return }
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { fail("cannot make a pipe") }
        let errorFile = NSTemporaryDirectory() + "agora-fuzz-\(getpid())-\(start).stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, descriptors[1], 1)
        posix_spawn_file_actions_addclose(&actions, descriptors[0])
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let executable = CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0]
            : ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let arguments = [executable, "--worker", "--seed", String(options.seed), "--start", String(start),
                         "--stride", String(options.workers), "--seconds", String(format: "%.3f", secondsLeft),
                         "--save", options.save] + (options.catalogOnly ? ["--catalog-only"] : ["--fixtures", options.fixtures])
        // A trap must end the worker at once, not wait for a backtrace.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { fail("cannot start a worker") }
        close(descriptors[1])
        _ = fcntl(descriptors[0], F_SETFL, fcntl(descriptors[0], F_GETFL) | O_NONBLOCK)
        let worker = Worker(pid: pid, output: descriptors[0], errorFile: errorFile)
        worker.started = start
        workers.append(worker)
    }

    func run() {
        for number in 0..<options.workers { spawn(start: UInt64(number)) }
        var lastReport = ContinuousClock.now
        while workers.contains(where: \.open) {
            var watched = workers.filter(\.open).map { pollfd(fd: $0.output, events: Int16(POLLIN), revents: 0) }
            _ = poll(&watched, nfds_t(watched.count), 200)
            for worker in workers where worker.open { read(worker) }
            let now = ContinuousClock.now
            for worker in workers where worker.open && now - worker.lastNews > .milliseconds(Int64(options.hangSeconds * 1000)) {
                kill(worker.pid, SIGKILL)
                hangs.append(worker.current ?? worker.started)
                finish(worker, hung: true)
            }
            if now - lastReport > .seconds(60) {
                lastReport = now
                report(final: false)
            }
        }
        report(final: true)
        FuzzSession.cleanUp()
        exit(crashes.isEmpty && hangs.isEmpty && failures.isEmpty ? 0 : 1)
    }

    func read(_ worker: Worker) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = readDescriptor(worker.output, &chunk)
            if count > 0 {
                worker.buffer += chunk[0..<count]
                worker.lastNews = ContinuousClock.now
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN { break }
            parse(worker)
            finish(worker, hung: false)
            return
        }
        parse(worker)
    }

    func parse(_ worker: Worker) {
        while let newline = worker.buffer.firstIndex(of: 0x0A) {
            let line = String(decoding: worker.buffer[..<newline], as: UTF8.self)
            worker.buffer.removeSubrange(...newline)
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard parts.count >= 2, let index = UInt64(parts[1]) else { continue }
            switch parts[0] {
            case "C":
                worker.current = index
                tried += 1
            case "F":
                let message = parts.count > 2 ? parts[2] : "?"
                if failures[message] == nil {
                    failures[message] = index
                    save(index, as: "failure")
                }
            case "D":
                worker.current = nil
            default: break
            }
        }
    }

    /// The worker has ended (or was killed): a trap if it did not end cleanly; then carry on after
    /// the case it was running.
    func finish(_ worker: Worker, hung: Bool) {
        worker.open = false
        close(worker.output)
        var status: Int32 = 0
        while waitpid(worker.pid, &status, 0) == -1, errno == EINTR {}
        let signalled = status & 0x7F != 0
        let exitStatus = (status >> 8) & 0xFF
        defer { unlink(worker.errorFile) }
        guard hung || signalled || exitStatus != 0 else { return }
        let index = worker.current ?? worker.started
        if !hung {
            let errors = (try? String(contentsOfFile: worker.errorFile, encoding: .utf8)) ?? ""
            let line = errors.split(separator: "\n").first { $0.contains("Fatal error") || $0.contains("error") }.map(String.init)
            crashes.append((index, line ?? (signalled ? "signal \(status & 0x7F)" : "exit status \(exitStatus)")))
        }
        save(index, as: hung ? "hang" : "crash")
        spawn(start: index + UInt64(options.workers))
    }

    func save(_ index: UInt64, as kind: String) {
        let directory = URL(fileURLWithPath: options.save).appendingPathComponent("\(kind)-seed\(options.seed)-case\(index)")
        do {
            if let imports, ImportFuzz.isImportCase(index) {
                try imports.save(index: index, to: directory)
            } else {
                try FuzzCase.make(seed: options.seed, index: index).save(to: directory)
            }
            saved.append(directory.path)
        } catch {
            saved.append("(could not save case \(index): \(error))")
        }
    }

    func report(final: Bool) {
        let elapsed = (ContinuousClock.now - begun).components
        let seconds = max(0.001, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        let distinctCrashes = Set(crashes.map(\.signature)).count
        var lines = [
            "agora-fuzz: seed \(options.seed), \(options.workers) worker\(options.workers == 1 ? "" : "s"), \(String(format: "%.0f", seconds)) s\(final ? "" : " so far")"
                + (imports == nil ? ", catalogs and snapshots only" : ", one case in four an import of a national format"),
            "inputs tried: \(tried) (\(String(format: "%.0f", Double(tried) / seconds)) a second)",
            "crashes: \(crashes.count) (\(distinctCrashes) distinct), hangs: \(hangs.count), distinct failures: \(failures.count)",
        ]
        if final {
            for crash in crashes { lines.append("  crash in case \(crash.index): \(crash.signature)") }
            for hang in hangs { lines.append("  hang in case \(hang)") }
            for (message, index) in failures.sorted(by: { $0.value < $1.value }) { lines.append("  failure first in case \(index): \(message)") }
            if !saved.isEmpty { lines.append("saved inputs: " + saved.joined(separator: ", ")) }
        }
        send(lines.joined(separator: "\n"))
    }
}

/// `read(2)`, named apart from `Supervisor.read`.
func readDescriptor(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Int {
    buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
}

/// Starting inputs for the libFuzzer harness: each file of a sound catalog, and its snapshot, with
/// the harness's selector byte in front.
func writeLibFuzzerSeeds(to directory: String) -> Never {
    guard let base = FuzzCorpus.shared.bases.first else { fail("no corpus") }
    let names = ["manifest.json", "schools.csv", "care.csv", "gp.csv", "other.csv"]
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (selector, name) in names.enumerated() {
            try Data([UInt8(selector)] + (base.files[name] ?? [])).write(to: URL(fileURLWithPath: directory + "/seed-\(name)"))
        }
        try Data([5] + base.snapshot).write(to: URL(fileURLWithPath: directory + "/seed-snapshot-unchecked"))
        try Data([6] + base.snapshot).write(to: URL(fileURLWithPath: directory + "/seed-snapshot"))
    } catch {
        fail("cannot write seeds to \(directory): \(error)")
    }
    exit(0)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if let directory = options.seedsDirectory { writeLibFuzzerSeeds(to: directory) }
if options.worker { runWorker(options) }
if let index = options.reproduce { reproduce(index, options) }
Supervisor(options).run()
