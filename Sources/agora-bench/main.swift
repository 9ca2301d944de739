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
let benchDirectory = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0])
    .deletingLastPathComponent()
let agora = benchDirectory.appendingPathComponent("agora").path
if FileManager.default.isExecutableFile(atPath: agora) {
    let builtIn = InterfaceBenchmark.launch(binary: agora, arguments: [], runs: 20)
    print("Launch to first full frame, built-in catalog: median \(Measure.format(Measure.median(builtIn.milliseconds))) ms, p99 \(Measure.format(Measure.percentile(builtIn.milliseconds, 99))) ms (\(builtIn.milliseconds.count) runs), peak memory \(builtIn.peakMemoryMB) MB")
    // The first launch loads the files and leaves a snapshot; the rest start from it.
    InterfaceBenchmark.clearCache()
    let first = InterfaceBenchmark.launch(binary: agora, arguments: ["--catalog", directory], runs: 1, stay: 3, waitsForProviders: true)
    print("Launch, \(providers) providers, first launch (from the files): first frame \(Measure.format(first.milliseconds.first ?? 0)) ms, every provider searchable \(Measure.format(first.readyMilliseconds.first ?? 0)) ms, peak memory \(first.peakMemoryMB) MB")
    let national = InterfaceBenchmark.launch(binary: agora, arguments: ["--catalog", directory], runs: 10, waitsForProviders: true)
    print("Launch, \(providers) providers, later launches (from the snapshot): first frame median \(Measure.format(Measure.median(national.milliseconds))) ms, p99 \(Measure.format(Measure.percentile(national.milliseconds, 99))) ms; every provider searchable median \(Measure.format(Measure.median(national.readyMilliseconds))) ms, p99 \(Measure.format(Measure.percentile(national.readyMilliseconds, 99))) ms (\(national.readyMilliseconds.count) of \(national.milliseconds.count) runs); peak memory \(national.peakMemoryMB) MB")
} else {
    print("(build agora in the same configuration to time its launch: swift build -c release)")
}
