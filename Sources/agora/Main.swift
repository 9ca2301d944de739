import ArgumentParser
import ChoiceKit
import Foundation

/// The program's entry point: arguments parsed, the command run, and every way of ending said in
/// one shape (`agora: what is wrong — what to do`) with one set of statuses: 0 done, 1 a failure,
/// 2 a usage mistake. Help goes to standard output; everything passes `Output`.
extension Agora {
    static func main() {
        MemoryPolicy.apply()
        Output.claimStandardDescriptors()
        if let problem = CommandLineText.nonUTF8Problem() {
            Output.error("agora: " + problem)
            endProcess(Failure.usageStatus)
        }
        if let problem = CommandLineText.unknownHelpTopic() {
            Output.error("agora: " + problem)
            endProcess(Failure.usageStatus)
        }
        var status: Int32 = 0
        do {
            var command = try Agora.withoutParsing(CommandLine.arguments.dropFirst()) ?? parseAsRoot()
            try command.run()
        } catch {
            status = ending(for: error)
        }
        do {
            try Output.finish()
        } catch {
            error.report()
            if status == 0 { status = error.status }
        }
        endProcess(status)
    }

    /// Reports `error` and gives the exit status.
    private static func ending(for error: any Error) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        if let failure = error as? Failure {
            failure.report()
            return failure.status
        }
        let code = exitCode(for: error)
        if code == .success {
            // Help (or a completion script) was asked for.
            Output.print(fullMessage(for: error) + "\n")
            return 0
        }
        if code == .validationFailure {
            let first = message(for: error).split(separator: "\n").first.map(String.init) ?? "the arguments are not right"
            var text = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            if let initial = text.first { text = initial.lowercased() + text.dropFirst() }
            if let unknown = CommandLineText.unknownCommand(parserMessage: text) {
                Output.error("agora: " + unknown)
                return Failure.usageStatus
            }
            Output.error("agora: \(text) — see `\(CommandLineText.helpCommand())`")
            return Failure.usageStatus
        }
        Output.error("agora: \(message(for: error)) — please report this, with the command that gave it")
        return Failure.failureStatus
    }
}

/// What was typed, as the operating system gave it.
enum CommandLineText {
    /// A message if an argument, or a directory named in the environment, is not valid UTF-8:
    /// Swift would read it with replacement characters and Agora would then use a different path
    /// from the one given (and report success), so such input is refused.
    static func nonUTF8Problem() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            if String(validatingCString: raw) == nil {
                return "argument \(index) (\(MessageText.quoted(String(cString: raw)))) is not valid UTF-8 — Agora reads paths and text as UTF-8; rename the file or directory, or give another"
            }
        }
        for name in ["HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"] {
            guard let raw = getenv(name) else { continue }
            if String(validatingCString: raw) == nil {
                return "\(name) is not valid UTF-8 — set it to a UTF-8 path, or give --data-dir"
            }
        }
        return nil
    }

    /// A message if `agora help WORDS` names a command that does not exist (the parser would
    /// print the general help and report success).
    static func unknownHelpTopic() -> String? {
        let words = afterGlobalOptions()
        guard words.first == "help" else { return nil }
        var commands: [any ParsableCommand.Type] = Agora.configuration.subcommands
        var path = ["agora"]
        for word in words.dropFirst() where !word.hasPrefix("-") {
            guard let next = commands.first(where: { $0._commandName == word }) else {
                let names = commands.map { $0._commandName }.joined(separator: ", ")
                let valid = names.isEmpty ? "see `\(path.joined(separator: " ")) --help`" : "use \(names)"
                return "there is no command \(MessageText.quoted(word)) in \(path.joined(separator: " ")) — \(valid)"
            }
            path.append(word)
            commands = next.configuration.subcommands
        }
        return nil
    }

    /// A message naming the commands when the parser's "unexpected argument" is the first word
    /// typed: `agora bogus` is a command that does not exist, not a stray argument.
    static func unknownCommand(parserMessage: String) -> String? {
        guard let word = afterGlobalOptions().first, parserMessage == "unexpected argument '\(word)'",
              !Agora.configuration.subcommands.contains(where: { $0._commandName == word }) else { return nil }
        let names = Agora.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
        return "there is no command \(MessageText.quoted(word)) — use \(names), or `agora --help`"
    }

    /// The arguments after the global options, which may come first: `agora --data-dir DIR help list`.
    private static func afterGlobalOptions() -> ArraySlice<String> {
        var words = CommandLine.arguments.dropFirst()
        while let first = words.first, first.hasPrefix("-") {
            words = words.dropFirst(["--catalog", "--data-dir", "--theme"].contains(first) ? 2 : 1)
        }
        return words
    }

    /// `agora list --help` for the subcommand typed, else `agora --help`.
    static func helpCommand() -> String {
        var words = ["agora"]
        var commands: [any ParsableCommand.Type] = Agora.configuration.subcommands
        for argument in afterGlobalOptions() {
            guard let next = commands.first(where: { $0._commandName == argument }) else { break }
            words.append(argument)
            commands = next.configuration.subcommands
        }
        return (words + ["--help"]).joined(separator: " ")
    }
}

/// `exit(3)`, named apart from ParsableCommand's `exit(withError:)`.
func endProcess(_ status: Int32) -> Never {
    exit(status)
}
