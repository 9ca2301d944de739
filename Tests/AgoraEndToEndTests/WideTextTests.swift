import ChoiceKit
import Foundation
import Testing

/// Emoji, joined emoji sequences, flags and wide characters in names: tables and the full-screen
/// grid stay in columns.
@Suite("Wide text, run as a user would", .serialized)
struct WideTextTests {
    static let names = ["Family 👨\u{200D}👩\u{200D}👧 Surgery", "Flag 🇬🇧 Practice", "Thumbs 👍🏽 Centre", "Heart ❤\u{FE0F} Clinic"]

    private func catalogWithWideNames() throws -> URL {
        let directory = try AgoraBinary.temporaryDirectory()
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "4", "--providers", "30", "--out", directory.path]).status == 0)
        let gp = directory.appendingPathComponent("gp.csv")
        var lines = try String(contentsOf: gp, encoding: .utf8).components(separatedBy: "\n")
        for (offset, name) in Self.names.enumerated() where offset + 1 < lines.count {
            var cells = lines[offset + 1].components(separatedBy: ",")
            cells[1] = name
            lines[offset + 1] = cells.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(to: gp, atomically: true, encoding: .utf8)
        return directory
    }

    @Test func tableColumnsLineUp() throws {
        let catalog = try catalogWithWideNames()
        defer { try? FileManager.default.removeItem(at: catalog) }
        let run = try AgoraBinary.run(["--catalog", catalog.path, "list", "--kind", "gp"])
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\n")
        let header = try #require(lines.first { $0.hasPrefix("ID ") })
        let column = DisplayWidth.of(String(header[..<(try #require(header.range(of: "Accepting"))).lowerBound]))
        let rows = lines.filter { line in Self.names.contains { line.contains($0) } }
        #expect(rows.count == Self.names.count)
        for row in rows {
            // The text from the Accepting column on starts where the header's does.
            var prefix = "", rest = Substring(row)
            while DisplayWidth.of(prefix) < column, let next = rest.first { prefix.append(next); rest = rest.dropFirst() }
            #expect(DisplayWidth.of(prefix) == column && prefix.hasSuffix("  ") && (rest.hasPrefix("yes") || rest.hasPrefix("no") || rest.hasPrefix("n/a")),
                    "\(row)")
        }
    }

    @Test func theGridStaysInColumns() throws {
        let catalog = try catalogWithWideNames()
        defer { try? FileManager.default.removeItem(at: catalog) }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start([AgoraBinary.url.path, "--catalog", catalog.path], width: 120, height: 30,
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "XDG_DATA_HOME": data.path, "NO_COLOR": ""])
        try tmux.waitFor("Choose a provider")
        try tmux.send("Down", "Down", "Enter")
        let screen = try tmux.waitFor("Thumbs")
        // Where tmux put each row's divider between the list and the details: the same column.
        setlocale(LC_ALL, "C.UTF-8")
        let rows = screen.components(separatedBy: "\n").filter { $0.contains("│") && ($0.contains("Surgery") || $0.contains("Practice") || $0.contains("Centre") || $0.contains("Clinic")) }
        #expect(rows.count >= Self.names.count)
        let columns = rows.map { row in Self.terminalColumns(String(row[..<(row.firstIndex(of: "│") ?? row.endIndex)])) }
        #expect(Set(columns).count == 1, "dividers at \(columns): \(rows)")
    }

    /// Columns as the C library (and tmux) count them, scalar by scalar.
    static func terminalColumns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(0, Int(c_wcwidth(Int32(bitPattern: $1.value)))) }
    }
}

@_silgen_name("wcwidth")
private func c_wcwidth(_ character: Int32) -> Int32
