import ChoiceKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times the real `agora import` on national-size files made from the shared samples of the
/// national formats: a 50,000-row GIAS edubasealldata file (sample rows repeated, each with a URN
/// of its own) and a 2,700,000-row NSPL file (sample rows repeated, each with a postcode of its
/// own; one in 300 in the area imported, as for one local authority). Each import runs in a child
/// process into a new directory: wall time from spawn to exit, and the child's peak memory from
/// `wait4` (this process streams the files to disk, so it stays far smaller than the child).
enum ImportBenchmark {
    static let giasRows = 50_000
    static let postcodeRows = 2_700_000
    /// One row in this many is in the chosen local authority (England has about 300).
    static let inAreaEvery = 300

    static func run(fixtures: String, agora: String, runs: Int) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("agora-bench-import").path
        try? FileManager.default.removeItem(atPath: scratch)
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let gias = scratch + "/edubasealldata-50000.csv"
        let nspl = scratch + "/NSPL-2700000.csv"
        let postcodes = fixtures + "/postcodes/postcodes-sample.csv"
        do {
            let giasBytes = try makeGIAS(from: fixtures + "/gias/edubasealldata-sample.csv", rows: giasRows, to: gias)
            print("Made \(gias): \(Count.text(giasRows)) rows, \(giasBytes / 1_000_000) MB")
            let nsplBytes = try makeNSPL(from: fixtures + "/postcodes/nspl-2026-sample.csv", rows: postcodeRows, to: nspl)
            print("Made \(nspl): \(Count.text(postcodeRows)) rows, \(nsplBytes / 1_000_000) MB")
        } catch {
            print("cannot make the import files: \(error)")
            return
        }
        // Half a gigabyte was just written: flushed now, so an import's own flush to the disk does
        // not wait behind it.
        sync()
        var giasRuns: [Run] = []
        for number in 0..<runs {
            let target = scratch + "/gias-\(number)"
            guard let run = spawn(agora, ["import", "all", "--gias", gias, "--postcodes", postcodes, "--area", "E06000990", "--into", target],
                                  cache: scratch + "/cache-\(number)") else { return }
            giasRuns.append(run)
        }
        report("GIAS edubasealldata, \(Count.text(giasRows)) rows, import all into a new catalog (with its snapshot)", giasRuns)
        var nsplRuns: [Run] = []
        for number in 0..<max(1, runs / 2) {
            let target = scratch + "/nspl-\(number)"
            guard let run = spawn(agora, ["import", "postcodes", nspl, "--area", "E06000990", "--into", target],
                                  cache: scratch + "/cache-nspl-\(number)") else { return }
            nsplRuns.append(run)
        }
        report("NSPL, \(Count.text(postcodeRows)) rows, import postcodes for one local authority", nsplRuns)
    }

    struct Run {
        let milliseconds: Double
        let peakMemoryMB: Int
    }

    private static func report(_ what: String, _ runs: [Run]) {
        let times = runs.map(\.milliseconds)
        print("Import, \(what): median \(Measure.format(Measure.median(times))) ms, best \(Measure.format(times.min() ?? 0)) ms (\(runs.count) runs), peak memory \(runs.map(\.peakMemoryMB).max() ?? 0) MB")
    }

    /// Runs `agora` with `arguments`, its output to /dev/null; nil (after saying why) when it fails.
    private static func spawn(_ binary: String, _ arguments: [String], cache: String) -> Run? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let errors = cache + ".stderr"
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let environment = ["LC_ALL=C.UTF-8", "XDG_CACHE_HOME=\(cache)", "XDG_DATA_HOME=\(cache)", "HOME=\(cache)"]
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else {
            print("cannot start \(binary)")
            return nil
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = Measure.milliseconds(ContinuousClock.now - start)
        guard status == 0 else {
            print("agora \(arguments.joined(separator: " ")) failed (status \(status)):")
            print((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
            return nil
        }
        return Run(milliseconds: elapsed, peakMemoryMB: Int(usage.ru_maxrss) / 1024)
    }

    /// The sample's lines: the header and the data rows, without their CRLF.
    private static func lines(of path: String) throws -> (header: [UInt8], rows: [[UInt8]]) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var lines: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            var end = index
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            if end > start { lines.append(Array(bytes[start..<end])) }
            start = index + 1
        }
        return (lines.first ?? [], Array(lines.dropFirst()))
    }

    /// Writes `rows` rows made by `row(number)` after `header`, a megabyte at a time; returns the size.
    private static func write(to path: String, header: [UInt8], rows: Int, row: (Int, inout [UInt8]) -> Void) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var buffer: [UInt8] = header + [0x0D, 0x0A]
        buffer.reserveCapacity(1 << 21)
        var total = 0
        for number in 0..<rows {
            row(number, &buffer)
            buffer += [0x0D, 0x0A]
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                total += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return total + buffer.count
    }

    /// Sample rows in turn, the URN (the first field) replaced by 100000 + the row's number.
    static func makeGIAS(from sample: String, rows: Int, to path: String) throws -> Int {
        let (header, samples) = try lines(of: sample)
        let tails = samples.map { row in Array(row[(row.firstIndex(of: UInt8(ascii: ",")) ?? row.count)...]) }
        return try write(to: path, header: header, rows: rows) { number, buffer in
            buffer += Array(String(100_000 + number).utf8)
            buffer += tails[number % tails.count]
        }
    }

    /// Sample rows in turn, each with a postcode of its own in its first three fields; one row in
    /// `inAreaEvery` is one of the sample's live Kingsmere rows (local authority E06000990), the
    /// rest are the other rows with another local authority's code.
    static func makeNSPL(from sample: String, rows: Int, to path: String) throws -> Int {
        let (header, samples) = try lines(of: sample)
        func tail(_ row: [UInt8]) -> [UInt8] {
            var commas = 0
            for (index, byte) in row.enumerated() where byte == UInt8(ascii: ",") {
                commas += 1
                if commas == 3 { return Array(row[index...]) }
            }
            return []
        }
        let kingsmere = Array("E06000990".utf8), elsewhere = Array("E06000991".utf8)
        // Live Kingsmere rows: no termination date, and a location.
        let inArea = samples.filter { row in
            contains(row, Array("\"E06000990\"".utf8)) && contains(row, Array(",\"\",\"0\"".utf8)) && !contains(row, Array("99.999999".utf8))
        }
            .map(tail)
        let outside = samples.map { row in replace(tail(row), kingsmere, with: elsewhere) }
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ".utf8)
        return try write(to: path, header: header, rows: rows) { number, buffer in
            // A postcode of its own: two letters, a district of 1–99, a sector digit and two letters.
            var rest = number
            let unit = [letters[rest % 20], letters[(rest / 20) % 20]]
            rest /= 400
            let sector = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            let district = Array(String(1 + rest % 99).utf8)
            rest /= 99
            let area = [letters[rest % 20], letters[(rest / 20) % 20]]
            let outward = area + district
            let inward = [sector] + unit
            let padded7 = outward + Array(repeating: UInt8(ascii: " "), count: max(0, 4 - outward.count)) + inward
            let padded8 = outward + Array(repeating: UInt8(ascii: " "), count: max(1, 5 - outward.count)) + inward
            let shown = outward + [UInt8(ascii: " ")] + inward
            for (index, field) in [padded7, padded8, shown].enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(0x22); buffer += field; buffer.append(0x22)
            }
            let templates = number % inAreaEvery == 0 && !inArea.isEmpty ? inArea : outside
            buffer += templates[number % templates.count]
        }
    }

    private static func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        guard bytes.count >= part.count else { return false }
        return (0...(bytes.count - part.count)).contains { Array(bytes[$0..<($0 + part.count)]) == part }
    }

    private static func replace(_ bytes: [UInt8], _ part: [UInt8], with other: [UInt8]) -> [UInt8] {
        guard bytes.count >= part.count,
              let start = (0...(bytes.count - part.count)).first(where: { Array(bytes[$0..<($0 + part.count)]) == part }) else { return bytes }
        return Array(bytes[..<start]) + other + Array(bytes[(start + part.count)...])
    }
}
