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
}
