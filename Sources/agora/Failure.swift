import ArgumentParser
import ChoiceKit

/// A failure the person can act on, said in one shape on standard error:
/// `agora: what is wrong — what to do`. Exit status 2 for usage (an unknown option, kind,
/// postcode or id; a value out of range), 1 for failures (a broken catalog, a file that cannot be
/// written).
enum Failure: Error {
    /// Something typed is unknown or out of range: exit 2.
    case usage(String)
    /// The catalog has problems: exit 1, with the catalog's own `FILE:LINE: FIELD: …` messages.
    case catalog(String)
    /// Anything else that stops a command: exit 1.
    case failed(String)

    static let usageStatus: Int32 = 2
    static let failureStatus: Int32 = 1
}

extension Failure: CustomStringConvertible {
    var description: String {
        switch self {
        case .usage(let message), .catalog(let message), .failed(let message): return message
        }
    }

    var status: Int32 {
        switch self {
        case .usage: return Self.usageStatus
        case .catalog, .failed: return Self.failureStatus
        }
    }

    /// Writes the message (each line made inert) to standard error.
    func report() {
        switch self {
        case .catalog(let text):
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { Output.error(String(line)) }
        case .usage(let message):
            Output.error("agora: " + Self.shaped(message, whatToDo: "see `\(CommandLineText.helpCommand())`"))
        case .failed(let message):
            Output.error("agora: " + message)
        }
    }

    /// `what is wrong — what to do`: a usage message that does not say what to do points to the
    /// command's help, so every message has the one shape.
    static func shaped(_ message: String, whatToDo: String) -> String {
        message.contains(" — ") ? message : message + " — " + whatToDo
    }
}

/// Runs a command body, turning `Failure` into a message and exit status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        failure.report()
        throw ExitCode(failure.status)
    }
}
