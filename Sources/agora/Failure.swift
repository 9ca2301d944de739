import ArgumentParser
import Foundation

/// A failure the user can act on: one message on standard error and a meaningful exit status.
enum Failure: Error {
    /// Something the user typed is unknown (a postcode, kind or id): exit 2.
    case usage(String)
    /// The catalog has problems: exit 1, with every message.
    case catalog(String)
    /// Anything else that stops a command: exit 1.
    case failed(String)
}

extension Failure: CustomStringConvertible {
    var description: String {
        switch self {
        case .usage(let message), .catalog(let message), .failed(let message): return message
        }
    }
}

/// Runs a command body, turning `Failure` into a message and exit status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        let prefix: String
        switch failure {
        case .catalog: prefix = ""
        default: prefix = "agora: "
        }
        FileHandle.standardError.write(Data((prefix + failure.description + "\n").utf8))
        switch failure {
        case .usage: throw ExitCode(2)
        case .catalog, .failed: throw ExitCode(1)
        }
    }
}
