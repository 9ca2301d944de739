import AgoraStore
import AgoraUI
import ArgumentParser
import ChoiceKit

/// `agora settings`: the home postcode and colours the full-screen program remembers (the same store).
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Your saved home postcode and colours, shown or changed.",
        subcommands: [Show.self, Change.self, Forget.self], defaultSubcommand: Show.self)

    /// The settings by the names typed here.
    enum Name: String, CaseIterable {
        case homePostcode = "home-postcode"
        case theme

        var key: SettingKey { self == .homePostcode ? .homePostcode : .theme }
        static let list = allCases.map(\.rawValue).joined(separator: " or ")
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Your settings.")

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
        var format: String = "text"

        mutating func run() throws {
            try reportingFailures {
                let format = try OutputFormat.parse(format, allowed: [.text, .json])
                let store = try SchoolSupport.openStore(global)
                let home = try SettingsCommand.read(.homePostcode, store)
                let theme = try SettingsCommand.read(.theme, store)
                if format == .json {
                    Output.print(JSONValue.object([("home_postcode", .optional(home)), ("theme", .string(theme ?? ThemeName.standard.rawValue))]).text() + "\n")
                    return
                }
                Output.print("Home postcode: \(home ?? "not set (distances need --near, or h in the full-screen program)")\n")
                Output.print("Theme: \(theme ?? ThemeName.standard.rawValue)\n")
                Output.print("Kept in \(store.location).\n")
            }
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set home-postcode POSTCODE or theme default|high-contrast|mono.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("home-postcode or theme.", valueName: "setting"), completion: .list(["home-postcode", "theme"]))
        var name: String

        @Argument(help: ArgumentHelp("The postcode (in the catalog), or the theme.", valueName: "value"),
                  completion: .custom { words, index, prefix in
                      words.prefix(max(0, index)).contains("theme")
                          ? ["default", "high-contrast", "mono"].filter { $0.hasPrefix(prefix) }
                          : CatalogCompletion.postcodes(words: words, prefix: prefix)
                  })
        var value: String

        mutating func run() throws {
            try reportingFailures {
                guard let setting = Name(rawValue: name.lowercased()) else {
                    throw Failure.usage("unknown setting \(MessageText.quoted(name)) — use \(Name.list)")
                }
                let stored: String
                switch setting {
                case .homePostcode:
                    stored = try global.loadCatalog().catalog.requirePostcode(value).postcode
                case .theme:
                    guard let theme = ThemeName(rawValue: value.lowercased()) else {
                        throw Failure.usage("unknown theme \(MessageText.quoted(value)) — use \(ThemeName.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    stored = theme.rawValue
                }
                let store = try SchoolSupport.openStore(global)
                do { try store.setSetting(setting.key, to: stored) } catch { throw Failure.failed("\(error)") }
                Output.print("Saved: \(setting.rawValue) is \(stored).\n")
            }
        }
    }

    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Forget home-postcode or theme.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("home-postcode or theme.", valueName: "setting"))
        var name: String

        mutating func run() throws {
            try reportingFailures {
                guard let setting = Name(rawValue: name.lowercased()) else {
                    throw Failure.usage("unknown setting \(MessageText.quoted(name)) — use \(Name.list)")
                }
                let store = try SchoolSupport.openStore(global)
                do { try store.setSetting(setting.key, to: nil) } catch { throw Failure.failed("\(error)") }
                Output.print("Cleared \(setting.rawValue).\n")
            }
        }
    }

    static func read(_ key: SettingKey, _ store: AgoraStore) throws -> String? {
        do { return try store.setting(key) } catch { throw Failure.failed("\(error)") }
    }
}
