import Foundation
import Testing

/// Every page and panel of the real program at the four window sizes people use, read back from
/// a real terminal: each draws what it should, the key hints stay on the last row, and nothing is
/// drawn past the edge.
@Suite("Every page at every size", .serialized)
struct EveryPageTests {
    static let sizes = [(60, 18), (80, 24), (120, 40), (200, 60)]

    @Test("every page draws at", arguments: sizes)
    func everyPage(width: Int, height: Int) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try tmux.start([AgoraBinary.url.path], width: width, height: height,
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "XDG_DATA_HOME": data.path])

        func check(_ page: String, _ screen: String) {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= width }, "\(page) at \(width)×\(height) draws past the edge")
            #expect(screen.contains("help"), "\(page) at \(width)×\(height) lost its key hints")
        }

        check("home", try tmux.waitFor("Choose a provider"))
        try tmux.send("Enter")
        check("schools list", try tmux.waitFor("of 68"))
        try tmux.send("f")
        check("filter panel", try tmux.waitFor("Filters —"))
        try tmux.send("?")
        check("help over the filter panel", try tmux.waitFor("Keys:"))
        try tmux.send("Escape", "Escape")
        try tmux.send("s")
        check("sort menu", try tmux.waitFor("Sort by"))
        try tmux.send("Escape", "Enter")
        check("details", try tmux.waitFor("Press m to add it"))
        try tmux.send("End")
        check("end of details", try tmux.waitFor("Data: Fictional sample data"))
        try tmux.send("m")
        try tmux.waitFor("to your shortlist")
        try tmux.send("v")
        check("shortlist", try tmux.waitFor("1 marked"))
        try tmux.send("a")
        check("about", try tmux.waitFor("About Agora"))
        try tmux.send("Escape", "Escape", "Escape", "Escape")
        try tmux.waitFor("Choose a provider")
        try tmux.send("h")
        check("postcode form", try tmux.waitFor("Your home postcode"))
        try tmux.type("KM1 9UY")
        try tmux.send("Enter")
        try tmux.waitFor("Home postcode KM1 9UY")
        try tmux.send("Down", "Down", "Enter")
        check("GP list with distances", try tmux.waitFor("from KM1 9UY"))
        try tmux.send("?")
        check("help", try tmux.waitFor("Keys: GP practices"))
        try tmux.send("Escape", "q", "q")
        #expect(try tmux.waitForExit() == 0)
    }
}
