import Foundation
import Testing

/// The manual page, made by swift-argument-parser's manual plugin from the command definitions.
/// The plugin itself (`swift package plugin generate-manual`) builds the package in release mode,
/// which cannot run inside a test run holding the build folder; these tests run its two halves:
/// the description it reads from the program, and its tool, once a plugin run has built it.
@Suite struct ManualTests {
    /// The plugin's tool, beside the program in the build folder once the plugin has been run.
    static var tool: URL? {
        let candidate = AgoraBinary.url.deletingLastPathComponent().appendingPathComponent("generate-manual-tool")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    @Test func theProgramDescribesEveryCommandForThePlugin() throws {
        let run = try AgoraBinary.run(["--experimental-dump-help"])
        #expect(run.status == 0)
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let command = try #require(dump["command"] as? [String: Any])
        #expect(command["commandName"] as? String == "agora")
        let names = ((command["subcommands"] as? [[String: Any]]) ?? []).compactMap { $0["commandName"] as? String }
        for name in ["list", "show", "catalog", "import", "budget", "gp", "market", "map", "shortlist", "settings", "schools"] {
            #expect(names.contains(name), "\(name) missing")
        }
    }

    @Test(.enabled(if: tool != nil, "the manual plugin's tool is built by `swift package plugin generate-manual`"))
    func thePluginsToolWritesTheManualPage() throws {
        let tool = try #require(Self.tool)
        let output = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = tool
        process.arguments = [AgoraBinary.url.path, "--output-directory", output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let page = try String(contentsOf: output.appendingPathComponent("agora.1"), encoding: .utf8)
        #expect(page.contains(".Dt AGORA 1"))
        #expect(page.contains(".Nm agora"))
        #expect(page.contains("Fl -organisation"))
        #expect(page.contains("can-register"))
    }
}
