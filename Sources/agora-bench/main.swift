import CatalogGenerator
import ChoiceKit
import Foundation

// Release-build benchmark: `swift run -c release agora-bench [providers]` (`--budget` for the care
// budget measure alone, `--import [FIXTURES]` for the import of national-size files alone).
// Generates a national-scale catalog, then measures (in a fresh child process, so generation does
// not count towards peak memory) loading, indexing and 1,000 mixed queries.

let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "--load-only" {
    // For profilers: load the catalog ten times and stop.
    for _ in 0..<10 { _ = try? Catalog.load(from: DirectoryCatalogSource(directory: arguments[2])) }
    exit(0)
}
if arguments.count >= 3, arguments[1] == "--snapshot-only" {
    // For profilers: read the directory's snapshot (made first if need be) ten times and stop.
    let source = DirectoryCatalogSource(directory: arguments[2])
    let file = arguments[2] + "/../agora-bench-snapshot-only.snapshot"
    if case .failure = SnapshotStorage.open(file), let catalog = try? Catalog.load(from: source),
       let bytes = CatalogSnapshot.encode(catalog, source: source) {
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    }
    for _ in 0..<10 {
        let start = ContinuousClock.now
        guard case .success(let storage) = SnapshotStorage.open(file) else {
            print("the snapshot did not open")
            exit(1)
        }
        let opened = ContinuousClock.now
        guard case .loaded = CatalogSnapshot.read(storage, source: source) else {
            print("the snapshot did not read")
            exit(1)
        }
        let end = ContinuousClock.now
        print("mapped in \(Measure.format(Measure.milliseconds(opened - start))) ms, read in \(Measure.format(Measure.milliseconds(end - opened))) ms")
    }
    exit(0)
}
if arguments.count >= 2, arguments[1] == "--budget" {
    BudgetBenchmark.run()
    exit(0)
}
if arguments.count >= 2, arguments[1] == "--import" {
    // The national samples sit beside the package: ../shared/fixtures (or give their directory).
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let fixtures = arguments.count > 2 ? arguments[2] : root.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0])
    ImportBenchmark.run(fixtures: fixtures, agora: executable.deletingLastPathComponent().appendingPathComponent("agora").path, runs: 5)
    exit(0)
}
if arguments.count >= 3, arguments[1] == "--launch" {
    // The launch measures alone, on a catalog directory already made (`agora catalog generate`).
    launchBenchmark(directory: arguments[2], providers: Int(arguments.count > 3 ? arguments[3] : "") ?? 0)
    exit(0)
}
if arguments.count >= 3, arguments[1] == "--visidata" {
    // VisiData alone on the rows of a catalog directory (when it is installed).
    if let result = VisiDataBenchmark.run(directory: arguments[2], runs: 3) {
        print("\(result.version), \(result.megabytes) MB: first frame \(result.firstFrame.map(Measure.format)) ms, every row \(result.allRows.map(Measure.format)) ms")
    } else {
        print("VisiData is not installed (pip install visidata)")
    }
    exit(0)
}
if arguments.count >= 3, arguments[1] == "--measure" {
    Measure.run(directory: arguments[2], providers: Int(arguments.count > 3 ? arguments[3] : "") ?? 0)
    exit(0)
}
let providers = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-bench-\(providers)").path
let generateStart = Date()
let files = CatalogGenerator.generate(seed: 1, providers: providers)
try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
var bytes = 0
for (name, text) in files {
    bytes += text.utf8.count
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
}
print("Generated \(providers) providers (\(bytes / 1_000_000) MB) in \(Int(Date().timeIntervalSince(generateStart) * 1000)) ms into \(directory)")
let child = Process()
child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
child.arguments = ["--measure", directory, String(providers)]
try child.run()
child.waitUntilExit()
guard child.terminationStatus == 0 else { exit(child.terminationStatus) }
BudgetBenchmark.run()

// The full-screen program, launched for real on a pseudo-terminal.
launchBenchmark(directory: directory, providers: providers)
