/// Everything a key can do.
public enum Action: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom, left, right
    case open, back, quit, forceQuit
    case search, nextMatch, previousMatch
    case filters, sort, reverseSort, homePostcode, clearFilters, toggle
    case mark, shortlist, help, about, theme
}

/// Where the keyboard is: each has its own bindings, and `?` lists exactly these.
public enum KeyContext: Hashable, Sendable {
    case home, list, detail, shortlist, about, help, filters, sortMenu, textEntry
}

public struct Binding: Sendable {
    public let keys: [Key]
    /// How the keys are written in help: "↑ k".
    public let keyLabel: String
    public let action: Action
    public let help: String
    /// A one-word hint for the status line, when this binding earns a place there.
    public let hint: String?
}

/// The single table of key bindings. Help screens and status-line hints are generated from it, so
/// they cannot drift from what the keys do.
public enum Keymap {
    private static func bind(_ keys: [Key], _ label: String, _ action: Action, _ help: String, hint: String? = nil) -> Binding {
        Binding(keys: keys, keyLabel: label, action: action, help: help, hint: hint)
    }

    private static let movement: [Binding] = [
        bind([.up, .character("k")], "↑ k", .up, "move up"),
        bind([.down, .character("j")], "↓ j", .down, "move down"),
        bind([.pageUp], "PgUp", .pageUp, "up a page"),
        bind([.pageDown, .character(" ")], "PgDn", .pageDown, "down a page"),
        bind([.home, .character("g")], "Home g", .top, "go to the top"),
        bind([.end, .character("G")], "End G", .bottom, "go to the bottom"),
    ]

    private static let global: [Binding] = [
        bind([.character("?"), .function(1)], "? F1", .help, "help for this screen", hint: "help"),
        bind([.character("t")], "t", .theme, "colours: default, high contrast, none"),
        bind([.control("c")], "Ctrl-C", .forceQuit, "quit at once"),
    ]

    public static func bindings(for context: KeyContext) -> [Binding] {
        switch context {
        case .home:
            return [
                bind([.up, .character("k")], "↑ k", .up, "move up"),
                bind([.down, .character("j")], "↓ j", .down, "move down"),
                bind([.enter, .right, .character("l")], "Enter", .open, "open the service", hint: "open"),
                bind([.character("h")], "h", .homePostcode, "set your home postcode", hint: "postcode"),
                bind([.character("v")], "v", .shortlist, "your shortlist", hint: "shortlist"),
                bind([.character("a")], "a", .about, "about Agora and its data", hint: "about"),
                bind([.character("q"), .escape], "q Esc", .quit, "quit", hint: "quit"),
            ] + global
        case .list:
            return [
                bind([.up, .character("k")], "↑ k", .up, "move up"),
                bind([.down, .character("j")], "↓ j", .down, "move down"),
                bind([.pageUp], "PgUp", .pageUp, "up a page"),
                bind([.pageDown], "PgDn", .pageDown, "down a page"),
                bind([.home, .character("g")], "Home g", .top, "first provider"),
                bind([.end, .character("G")], "End G", .bottom, "last provider"),
                bind([.enter, .right, .character("l")], "Enter", .open, "open the provider's details", hint: "details"),
                bind([.character("/")], "/", .search, "search names, towns, postcodes", hint: "search"),
                bind([.character("n")], "n", .nextMatch, "next match"),
                bind([.character("N")], "N", .previousMatch, "previous match"),
                bind([.character("f")], "f", .filters, "filters", hint: "filter"),
                bind([.character("s")], "s", .sort, "sort", hint: "sort"),
                bind([.character("S")], "S", .reverseSort, "reverse the sort"),
                bind([.character("h")], "h", .homePostcode, "set your home postcode", hint: "postcode"),
                bind([.character(" ")], "Space", .mark, "mark for your shortlist (again: unmark)", hint: "mark"),
                bind([.character("v")], "v", .shortlist, "your shortlist"),
                bind([.character("c")], "c", .clearFilters, "clear search and filters"),
                bind([.escape, .left, .character("q")], "Esc q", .back, "back", hint: "back"),
            ] + global
        case .detail:
            return movement + [
                bind([.character("m"), .enter], "m Enter", .mark, "mark for your shortlist (again: unmark)", hint: "mark"),
                bind([.character("v")], "v", .shortlist, "your shortlist"),
                bind([.character("h")], "h", .homePostcode, "set your home postcode"),
                bind([.escape, .left, .character("q")], "Esc q", .back, "back", hint: "back"),
            ] + global
        case .shortlist:
            return [
                bind([.up, .character("k")], "↑ k", .up, "move up"),
                bind([.down, .character("j")], "↓ j", .down, "move down"),
                bind([.enter, .right, .character("l")], "Enter", .open, "open the provider's details", hint: "details"),
                bind([.character(" "), .delete, .character("x")], "Space x", .mark, "remove from the shortlist", hint: "remove"),
                bind([.escape, .left, .character("q")], "Esc q", .back, "back", hint: "back"),
            ] + global
        case .about:
            return movement + [bind([.escape, .left, .character("q"), .enter], "Esc q", .back, "back", hint: "back")] + global
        case .help:
            return [bind([.escape, .character("q"), .character("?"), .enter], "Esc q ?", .back, "close help", hint: "close")]
        case .filters:
            return [
                bind([.up, .character("k")], "↑ k", .up, "previous filter"),
                bind([.down, .character("j")], "↓ j", .down, "next filter"),
                bind([.character(" "), .enter], "Space", .toggle, "tick or untick", hint: "tick"),
                bind([.left, .character("h")], "← h", .left, "less / previous choice", hint: "change"),
                bind([.right, .character("l")], "→ l", .right, "more / next choice"),
                bind([.character("c")], "c", .clearFilters, "clear all filters", hint: "clear"),
                bind([.escape, .character("f"), .character("q")], "Esc f", .back, "close the filter panel", hint: "close"),
            ] + [bind([.control("c")], "Ctrl-C", .forceQuit, "quit at once")]
        case .sortMenu:
            return [
                bind([.up, .character("k")], "↑ k", .up, "previous"),
                bind([.down, .character("j")], "↓ j", .down, "next"),
                bind([.enter, .character(" ")], "Enter", .open, "sort by this (again to reverse)", hint: "choose"),
                bind([.escape, .character("s"), .character("q")], "Esc", .back, "close", hint: "close"),
                bind([.control("c")], "Ctrl-C", .forceQuit, "quit at once"),
            ]
        case .textEntry:
            return [
                bind([.enter], "Enter", .open, "done", hint: "done"),
                bind([.escape], "Esc", .back, "cancel", hint: "cancel"),
                bind([.up], "↑", .up, "move up the list"),
                bind([.down], "↓", .down, "move down the list"),
                bind([.control("c")], "Ctrl-C", .forceQuit, "quit at once"),
            ]
        }
    }

    public static func action(for key: Key, in context: KeyContext) -> Action? {
        bindings(for: context).first { $0.keys.contains(key) }?.action
    }

    /// "Enter details  / search  f filter …" for the status line.
    public static func hints(for context: KeyContext) -> [(key: String, label: String)] {
        bindings(for: context).compactMap { binding in
            binding.hint.map { (binding.keyLabel.split(separator: " ").first.map(String.init) ?? binding.keyLabel, $0) }
        }
    }
}
