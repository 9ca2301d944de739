import ArgumentParser

@main
struct Agora: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agora",
        abstract: "Choose schools, care and GP practices in England's public service markets.",
        discussion: """
        With no command, Agora opens full screen. The commands below give the same answers as plain \
        text for scripts and screen readers.
        """,
        subcommands: [ListCommand.self, ShowCommand.self, CatalogCommand.self, ImportCommand.self, BudgetCommand.self, ChargeCommand.self, GPCommand.self, MarketCommand.self, MapCommand.self, ShortlistCommand.self, SettingsCommand.self] + SchoolCommands.all)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    mutating func run() throws {
        try InteractiveLauncher.run(global: global, display: display)
    }

    /// The command as `agora` alone parses, made without the parser.
    static func withDefaults() -> Agora {
        var agora = Agora()
        agora.global = .withDefaults()
        agora.display = .withDefaults()
        return agora
    }

    /// The full screen's two commonest command lines, `agora` and `agora --catalog DIR`, made
    /// without the parser (its first look over every command is a few milliseconds of the first
    /// frame); nil for anything else, which the parser reads.
    static func withoutParsing(_ arguments: ArraySlice<String>) -> Agora? {
        var agora = withDefaults()
        switch arguments.count {
        case 0: return agora
        case 1 where arguments[arguments.startIndex].hasPrefix("--catalog="):
            agora.global.catalog = String(arguments[arguments.startIndex].dropFirst("--catalog=".count))
        case 2 where arguments[arguments.startIndex] == "--catalog":
            agora.global.catalog = arguments[arguments.startIndex + 1]
        default: return nil
        }
        // An empty name or one like an option is left to the parser's own message.
        guard let directory = agora.global.catalog, !directory.isEmpty, !directory.hasPrefix("-") else { return nil }
        return agora
    }
}
