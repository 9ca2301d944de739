import CatalogGenerator
import ChoiceKit
import Foundation

// Release-build benchmark: `swift run -c release agora-bench [providers]`.
// Generates a national-scale catalog, then measures (in a fresh child process, so generation does
// not count towards peak memory) loading, indexing and 1,000 mixed queries.

let arguments = CommandLine.arguments
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
exit(child.terminationStatus)
