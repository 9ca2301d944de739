import ChoiceKit
import Foundation
import Importers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress of a long import on a terminal: which file, a bar, rows a second and the time
/// left, redrawn at most ten times a second on one line of standard error. Nothing when standard
/// error is not a terminal, and nothing for a file read in under half a second.
final class ImportProgressBar {
    private let enabled: Bool
    private let blocks: Bool
    private var file = ""
    private var started = Date()
    private var lastDrawn = Date.distantPast
    private var shownLength = 0

    init(enabled: Bool = isatty(2) == 1) {
        self.enabled = enabled
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        blocks = locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    }

    func update(_ progress: ImportProgress) {
        guard enabled else { return }
        let now = Date()
        if progress.file != file {
            file = progress.file
            started = now
        }
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= 0.5, now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        Output.progress(Self.line(progress, elapsed: elapsed, width: Self.terminalWidth(), blocks: blocks), replacing: &shownLength)
    }

    /// Removes the line, so what is printed next starts clean.
    func clear() {
        guard enabled, shownLength > 0 else { return }
        Output.clearProgress(&shownLength)
    }

    static func line(_ progress: ImportProgress, elapsed: Double, width: Int, blocks: Bool) -> String {
        let fraction = progress.bytesTotal > 0 ? min(1, Double(progress.bytesDone) / Double(progress.bytesTotal)) : 0
        let rate = elapsed > 0 ? Double(progress.rows) / elapsed : 0
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let name = (progress.file as NSString).lastPathComponent
        let figures = " \(Int(fraction * 100))%  \(Count.text(Int(rate))) rows/s  about \(Self.duration(left)) left"
        let barWidth = max(10, min(30, width - figures.count - 14))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = blocks
            ? "▕" + String(repeating: "█", count: filled) + String(repeating: " ", count: barWidth - filled) + "▏"
            : "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]"
        let room = max(8, width - figures.count - barWidth - 4)
        let shownName = name.count > room ? String(name.prefix(room - 1)) + "…" : name
        return String((shownName + " " + bar + figures).prefix(max(20, width - 1)))
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 60 { return "\(Int(seconds.rounded(.up))) s" }
        let minutes = Int((seconds / 60).rounded(.up))
        return "\(minutes) min"
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
