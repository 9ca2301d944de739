/// One key binding of a feature: the keys, how help writes them, what they do, and the words of the
/// plain-mode command that does the same.
public struct KeyBinding<Action: Sendable>: Sendable {
    public let keys: [Key]
    /// How help writes the keys: "↑ k".
    public let label: String
    public let action: Action
    public let help: String
    /// A short word for the status line, when this binding earns a place there.
    public let hint: String?
    /// The plain-mode command for the same action ("m" in "m 3"), if it has one.
    public let plain: String?

    public init(_ keys: [Key], _ label: String, _ action: Action, _ help: String, hint: String? = nil, plain: String? = nil) {
        self.keys = keys
        self.label = label
        self.action = action
        self.help = help
        self.hint = hint
        self.plain = plain
    }

    public func map<Other: Sendable>(_ transform: (Action) -> Other) -> KeyBinding<Other> {
        KeyBinding<Other>(keys, label, transform(action), help, hint: hint, plain: plain)
    }
}

/// A binding as help, the status line and plain mode show it, whatever its feature's actions are.
public struct HelpEntry: Hashable, Sendable {
    public let keyLabel: String
    public let help: String
    public let hint: String?
    public let plain: String?
    /// The key a click on its hint in the status line presses.
    public let key: Key?

    public init(keyLabel: String, help: String, hint: String? = nil, plain: String? = nil, key: Key? = nil) {
        self.keyLabel = keyLabel
        self.help = help
        self.hint = hint
        self.plain = plain
        self.key = key
    }
}

/// A feature's bindings in one table: keys are looked up here, and help, status-line hints and
/// plain-mode commands are generated from it, so none of them can drift from what the keys do.
public struct Keymap<Action: Sendable>: Sendable {
    public let bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? { bindings.first { $0.keys.contains(key) }?.action }

    public func action(forPlain word: String) -> Action? { bindings.first { $0.plain == word }?.action }

    public var help: [HelpEntry] {
        bindings.map { HelpEntry(keyLabel: $0.label, help: $0.help, hint: $0.hint, plain: $0.plain, key: $0.keys.first) }
    }
}

extension Array where Element == HelpEntry {
    /// "Enter details  / search …": the first key of each binding that has a hint; bindings
    /// side by side with the same hint share it ("← → change").
    public var hints: [(key: String, label: String)] { pressableHints.map { ($0.key, $0.label) } }

    /// The hints with the key a click on each presses (the first of its bindings).
    public var pressableHints: [(key: String, label: String, press: Key?)] {
        var out: [(key: String, label: String, press: Key?)] = []
        for entry in self {
            guard let hint = entry.hint else { continue }
            let key = entry.keyLabel.split(separator: " ").first.map(String.init) ?? entry.keyLabel
            if let last = out.last, last.label == hint {
                out[out.count - 1].key = last.key + " " + key
            } else {
                out.append((key, hint, entry.key))
            }
        }
        return out
    }
}
