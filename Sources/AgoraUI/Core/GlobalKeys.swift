/// Keys that work on every page unless the page uses the key itself: help, colours, the
/// shortlist, the home postcode, about, and going back.
enum GlobalAction: Hashable, Sendable {
    case help, theme, shortlist, homePostcode, about, back
}

enum GlobalKeys {
    static let keymap = Keymap<GlobalAction>([
        KeyBinding([.character("?"), .function(1)], "? F1", .help, "help for this screen", hint: "help", plain: "?"),
        KeyBinding([.character("v")], "v", .shortlist, "your shortlist", plain: "v"),
        KeyBinding([.character("h")], "h", .homePostcode, "set your home postcode", plain: "h"),
        KeyBinding([.character("a")], "a", .about, "about Agora and its data", plain: "a"),
        KeyBinding([.character("t")], "t", .theme, "colours: default, high contrast, none"),
        KeyBinding([.escape, .left, .character("q")], "Esc q", .back, "back", hint: "back", plain: "b"),
        KeyBinding([.control("c")], "Ctrl-C", .back, "quit at once"),
    ])

    /// Ctrl-C's own entry is for help only: the router handles it before anything else. The
    /// first page has no "back" (its own q quits).
    static func help(onHome: Bool) -> [HelpEntry] {
        keymap.help.filter { !onHome || $0.keyLabel != "Esc q" }
    }
}
