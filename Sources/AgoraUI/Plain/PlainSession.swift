import ChoiceKit

/// The same features as the full-screen program, as numbered menus read line by line: no cursor
/// movement, nothing redrawn, so a screen reader can follow every step. A line in, text out; after
/// a command only what changed is printed (`menu` prints the whole page again). Pure.
public struct PlainSession: Sendable {
    public private(set) var state: AppState
    private var shown: (id: String, lines: [String])?

    public struct Response: Sendable {
        public var text: String
        public var effects: [Effect]
    }

    public init(state: AppState) {
        self.state = state
        self.state.context.isPlain = true
    }

    public var isFinished: Bool { !state.isRunning }

    public mutating func start() -> String {
        let area = state.catalog.manifest.area
        return "Agora — \(area.name). \(area.notice)\nType a number or a letter and press Enter. Type ? for help at any point, menu to hear the page again, q to quit.\n\n"
            + view(full: true)
    }

    public mutating func respond(to input: String) -> Response {
        switch take(input) {
        case .answer(let text):
            return Response(text: text, effects: [])
        case .command(let messages, let full):
            let effects = state.carryOutCommands()
            return Response(text: compose(messages, full: full), effects: effects)
        }
    }

    /// A line in, with its effects carried out by `perform` (the store, a job) before anything is
    /// said: the outcome ("Saved Amy.") comes first, then the page as it now is, then one prompt.
    /// A page that reads saved data when it opens is said once, with that data.
    public mutating func respond(to input: String, carryingOut perform: (Effect) -> [Outcome]) -> String {
        switch take(input) {
        case .answer(let text):
            return text
        case .command(var messages, let full):
            var effects = state.carryOutCommands()
            // An outcome may ask for more (a save, then reading the budgets back); a few rounds at most.
            for _ in 0..<Self.mostRounds where !effects.isEmpty {
                for effect in effects {
                    for outcome in perform(effect) {
                        state.context.message = nil
                        _ = Update.apply(.outcome(outcome), to: &state)
                        if let message = state.context.message { messages.append(Spoken.text(message.text)) }
                        state.context.message = nil
                    }
                }
                effects = state.carryOutCommands()
            }
            return compose(messages, full: full)
        }
    }

    static let mostRounds = 4

    /// Said when input ends before `q`: what was saved stays, and a form left half-filled is not kept.
    public func inputEnded() -> String {
        let typing = state.top.capturesText ? " What was typed on this page was not saved." : ""
        return "Input ended, so Agora stopped.\(typing) Everything saved before is kept. Goodbye.\n"
    }

    private enum Taken {
        /// Help: said as it is, the page not repeated.
        case answer(String)
        case command(messages: [String], full: Bool)
    }

    private mutating func take(_ input: String) -> Taken {
        let line = Self.clean(input)
        state.context.message = nil
        let command = PlainCommand(parsing: line)
        var full = false
        switch command.word {
        case "?" where command.number == nil, "help":
            return .answer(help())
        case "menu":
            full = true
        default:
            let fromOverlay = !state.overlays.isEmpty
            var top = fromOverlay ? state.overlays.removeLast() : state.pages.removeLast()
            let handled = top.plain(command, in: &state.context)
            if fromOverlay { state.overlays.append(top) } else { state.pages.append(top) }
            if handled == .ignored { global(command, line: line) }
        }
        let messages = state.context.message.map { [Spoken.text($0.text)] } ?? []
        state.context.message = nil
        return .command(messages: messages, full: full)
    }

    /// What was said (each thing once), then the page, or goodbye.
    private mutating func compose(_ messages: [String], full: Bool) -> String {
        var said: [String] = []
        for message in messages where !said.contains(message) { said.append(message) }
        var out = said.map { $0 + "\n" }.joined()
        if state.isRunning { out += view(full: full, alreadySaid: said) } else { out += "Goodbye.\n" }
        return out
    }

    /// An effect's outcome: applied to the state, and said if it needs saying. When it changed the
    /// page (saved data read back) the changed lines are said, and a page it opened is said whole.
    public mutating func receive(_ outcome: Outcome) -> String {
        state.context.message = nil
        _ = Update.apply(.outcome(outcome), to: &state)
        var out = ""
        if let message = state.context.message {
            state.context.message = nil
            out += Spoken.text(message.text) + "\n"
        }
        guard state.isRunning, let shown else { return out }
        if shown.id != state.top.id {
            out += view(full: true)
        } else if state.top.plain(in: state.context).lines.map({ Spoken.text($0.printed) }) != shown.lines {
            out += view(full: false)
        }
        return out
    }

    private mutating func global(_ command: PlainCommand, line: String) {
        switch command.word {
        case "q", "quit": state.isRunning = false
        case "b", "back":
            if !state.overlays.isEmpty { state.context.dismiss() } else { state.perform(.back, key: .escape) }
        case "v": state.perform(.shortlist, key: .character("v"))
        case "h": state.perform(.homePostcode, key: .character("h"))
        case "a": state.perform(.about, key: .character("a"))
        case "t": state.perform(.theme, key: .character("t"))
        case "" where command.number == nil && line.isEmpty:
            state.context.inform("Type a number or a command; ? lists them.")
        default:
            state.context.warn("I did not understand \"\(line)\". Type ? for help.")
        }
    }

    /// The page on top as text: all of it when it is new (or asked for), otherwise only the
    /// lines that changed, then the prompt.
    private mutating func view(full: Bool, alreadySaid: [String] = []) -> String {
        let top = state.top
        let view = top.plain(in: state.context)
        let lines = view.lines.map { Spoken.text($0.printed) }
        var out = ""
        if full || shown?.id != top.id {
            out += view.title + "\n" + lines.map { $0 + "\n" }.joined()
        } else if let previous = shown {
            let before = Set(previous.lines)
            // A changed line that only repeats what was just said ("Problem with 3: …") is not said twice.
            out += lines.filter { line in !before.contains(line) && !alreadySaid.contains { line.hasSuffix($0) || $0.contains(line) } }
                .map { $0 + "\n" }.joined()
        }
        shown = (top.id, lines)
        return out + Spoken.text(view.prompt) + "\n"
    }

    private func help() -> String {
        var out = "Commands here:\n"
        for entry in state.helpEntries {
            if let word = entry.plain { out += "\(word) — \(entry.help)\n" }
        }
        out += "A number on its own opens or chooses that item. menu says the page again; b goes back; q quits.\n"
        return out
    }

    /// A typed line without terminal noise: function keys (F1 is help), other escape sequences
    /// and control characters are dropped rather than read as text.
    static func clean(_ input: String) -> String {
        let f1 = ["\u{1B}OP", "\u{1B}[11~", "\u{1B}[[A"]
        if f1.contains(where: { input.contains($0) }) { return "?" }
        var out = ""
        var scalars = input.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                // Skip an escape sequence: ESC [ … final byte, ESC O and one more, or ESC and one.
                switch scalars.next() {
                case "["?:
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                case "O"?:
                    _ = scalars.next()
                default:
                    break
                }
                continue
            }
            if TextSafety.isControl(scalar) { continue }
            out.unicodeScalars.append(scalar)
        }
        return out.trimmingCharacters(in: " ")
    }
}
