import ChoiceKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the program writes text: every byte passes `TextSafety` first (catalog text,
/// arguments and file names can never drive the terminal), is written in full, and a failure to
/// write standard output (a full disk, a closed descriptor) is remembered so the command ends with
/// a message and a non-zero status instead of reporting success.
enum Output {
    /// Text for standard output; line breaks kept, every other control made visible.
    static func print(_ text: String) {
        write(TextSafety.inertLines(text), to: 1, remembering: true)
    }

    /// One message line on standard error (made inert; it may quote what the person typed).
    static func error(_ line: String) {
        write(TextSafety.inert(line) + "\n", to: 2, remembering: false)
    }

    /// A progress line on standard error that the next one overwrites: a carriage return, the
    /// line (inert), and spaces over whatever was longer before. Only for a terminal.
    static func progress(_ line: String, replacing shownLength: inout Int) {
        let text = TextSafety.inert(line)
        let length = text.count
        write("\r" + text + String(repeating: " ", count: max(0, shownLength - length)), to: 2, remembering: false)
        shownLength = length
    }

    /// Blanks the progress line and puts the cursor back at its start.
    static func clearProgress(_ shownLength: inout Int) {
        write("\r" + String(repeating: " ", count: shownLength) + "\r", to: 2, remembering: false)
        shownLength = 0
    }

    /// Run first thing: a closed standard descriptor gets /dev/null, so no file the program opens
    /// later takes its number (and receives the output meant for the terminal); a closed standard
    /// output is then reported like any other failure to write.
    static func claimStandardDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            if descriptor == 1 { state.remember(words(EBADF)) }
        }
    }

    /// Throws if anything written to standard output was lost.
    static func finish() throws(Failure) {
        if let problem = state.takeProblem() {
            throw Failure.failed("the output could not be written (\(problem)) — check where it is going (a full disk, or a closed file or pipe)")
        }
    }

    private static let state = State()

    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var problem: String?

        func remember(_ text: String) { lock.withLock { if problem == nil { problem = text } } }
        func takeProblem() -> String? { lock.withLock { defer { problem = nil }; return problem } }
    }

    private static func write(_ text: String, to descriptor: Int32, remembering: Bool) {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                if remembering { state.remember(Self.words(errno)) }
                return
            }
            written += count
        }
        bytes.removeAll()
    }

    private static func words(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EBADF: return "standard output is closed"
        case EPIPE: return "the program reading it has stopped"
        case EIO: return "an input/output error"
        default: return String(cString: strerror(code))
        }
    }
}

/// `write(2)`, named apart from `Output.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
