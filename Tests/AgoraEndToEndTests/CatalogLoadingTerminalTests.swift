import Foundation
import Testing

/// A catalog directory opens on its home page at once, its providers load in the background, and a
/// table that turns out broken ends the program with the catalog's message and a usable terminal.
@Suite("Loading a catalog directory in a terminal", .serialized)
struct CatalogLoadingTerminalTests {
    private func inTerminal(catalog: URL, _ body: (Tmux, URL) throws -> Void) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let home = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "NO_COLOR": "",
                           "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                           "XDG_CACHE_HOME": home.appendingPathComponent("cache").path]
        try tmux.start([AgoraBinary.url.path, "--catalog", catalog.path], width: 100, height: 30, environment: environment)
        try body(tmux, home)
    }

    private func generated(providers: Int) throws -> URL {
        let directory = try AgoraBinary.temporaryDirectory()
        let run = try AgoraBinary.run(["catalog", "generate", "--seed", "7", "--providers", "\(providers)", "--out", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        return directory
    }

    @Test func aLargeCatalogOpensAListAskedForWhileLoadingAndSavesItsSnapshot() throws {
        let catalog = try generated(providers: 6_000)
        defer { try? FileManager.default.removeItem(at: catalog) }
        try inTerminal(catalog: catalog) { tmux, home in
            try tmux.waitFor("Choose a provider")
            // Asked for at once: it opens when the providers are there, whether or not they already are.
            try tmux.send("Down", "Enter")
            let list = try tmux.waitFor("Care for older people  ", timeout: 30)
            #expect(list.contains("providers ready") || !list.contains("Loading the providers"))
            // The snapshot is written in the background while the list is in use.
            let cache = home.appendingPathComponent("cache/agora").path
            let deadline = Date().addingTimeInterval(30)
            func snapshots() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [] }
            while Date() < deadline, !snapshots().contains(where: { $0.hasSuffix(".snapshot") }) { usleep(20_000) }
            try tmux.send("q", "q")
            #expect(try tmux.waitForExit() == 0)
            #expect(snapshots().contains { $0.hasSuffix(".snapshot") })
            #expect(!snapshots().contains { $0.contains(".partial-") })
        }
    }

    @Test func aBrokenTableFoundWhileLoadingEndsWithItsMessage() throws {
        let catalog = try generated(providers: 40)
        defer { try? FileManager.default.removeItem(at: catalog) }
        let table = catalog.appendingPathComponent("gp.csv")
        var text = try String(contentsOf: table, encoding: .utf8)
        text += "G999,Broken Row\n"
        try text.write(to: table, atomically: true, encoding: .utf8)
        try inTerminal(catalog: catalog) { tmux, _ in
            #expect(try tmux.waitForExit() == 1)
            let screen = try tmux.screen()
            #expect(screen.contains("gp.csv:"), "the message names the file and line: \(screen)")
            #expect(try tmux.display("#{alternate_on}") == "0", "the terminal is restored")
        }
    }
}
