import Foundation

/// VisiData (`pip install visidata`) opening the same rows as one CSV, timed by the same
/// pseudo-terminal method as Agora's launch: its first frame (the status line with a row count)
/// and the moment it has every row (the count complete, no longer "loading").
enum VisiDataBenchmark {
    struct Result {
        var version = ""
        var megabytes = 0
        var firstFrame: [Double] = []
        var allRows: [Double] = []
    }

    /// Nil when VisiData or Python is not installed.
    static func run(directory: String, runs: Int) -> Result? {
        guard let vd = onPath("vd"), let python = onPath("python3") else { return nil }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("agora-bench-visidata.csv").path
        defer { try? FileManager.default.removeItem(atPath: csv) }
        guard let rowText = output(python, ["-c", mergeScript, directory, csv]), let rows = Int(rowText) else { return nil }
        var result = Result()
        result.version = output(vd, ["--version"]) ?? "VisiData"
        result.megabytes = ((try? FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0) / 1_000_000
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("agora-bench-visidata-home").path
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "LINES": "40", "COLUMNS": "120", "HOME": home] {
            environment[key] = value
        }
        for _ in 0..<runs {
            guard let terminal = PseudoTerminal.spawn(vd, [csv], environment: environment.map { "\($0.key)=\($0.value)" }) else { continue }
            var screen = TerminalScreen(width: 120, height: 40)
            var first: Double?
            while terminal.elapsedMilliseconds < 60_000 {
                guard let bytes = terminal.read(waiting: 100) else { break }
                if bytes.isEmpty { continue }
                screen.feed(bytes)
                let status = screen.line(39)
                if first == nil, status.contains(" rows") { first = terminal.elapsedMilliseconds }
                if first != nil, status.contains("\(rows) rows"), !status.contains("loading") {
                    result.allRows.append(terminal.elapsedMilliseconds)
                    break
                }
            }
            if let first { result.firstFrame.append(first) }
            terminal.finish(typing: "gq")
        }
        return result
    }

    /// Every table of the catalog in one CSV, columns joined by name (Python's csv module); prints
    /// the number of rows.
    private static let mergeScript = """
        import csv, os, sys
        source, target = sys.argv[1], sys.argv[2]
        tables = sorted(name for name in os.listdir(source) if name.endswith(".csv"))
        columns, rows = [], []
        for name in tables:
            with open(os.path.join(source, name), newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                columns += [column for column in reader.fieldnames or [] if column not in columns]
                rows += list(reader)
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="")
            writer.writeheader()
            writer.writerows(rows)
        print(len(rows))
        """

    private static func onPath(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func output(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
