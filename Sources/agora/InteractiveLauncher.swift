import AgoraStore
import AgoraTerminal
import AgoraUI
import ChoiceKit
import Foundation

/// Opens the full-screen program, or the plain line-by-line one, and carries out what `update`
/// asks of the outside world (saving to the store).
enum InteractiveLauncher {
    static let plainCommandsHint =
        "Use the plain commands instead, for example `agora list --kind school`, `agora show ID`, or `agora --plain` for numbered menus; `agora help` lists them all."

    /// `saveSnapshot`, when given, runs in the background once the first frame is on screen, and
    /// is finished or cancelled (never left half-written) before the program ends.
    static func run(catalog: Catalog, global: GlobalOptions, display: DisplayOptions,
                    saveSnapshot: BackgroundWork? = nil) throws {
        try reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let theme = try chooseTheme(display.theme, environment: environment)
            let (store, storeWarning) = openStore(global.dataDirectory)
            let saved = SavedSettings(store: store)
            if display.plain || environment["TERM"] == "dumb" {
                saveSnapshot?.run()
                PlainRunner(catalog: catalog, store: store, settings: saved, warning: storeWarning).run()
                return
            }
            let terminal = try startTerminal(theme: theme ?? saved.theme)
            var state = AppState(catalog: catalog, size: terminal.size, shortlist: saved.shortlist,
                                 homePostcode: saved.homePostcode, theme: theme ?? saved.theme)
            if let storeWarning { state.message = StatusMessage(text: storeWarning, tone: .error) }
            var inputEnded = false
            var snapshotWork = saveSnapshot
            defer { saveSnapshot?.cancelAndWait() }
            while state.isRunning {
                terminal.draw(Render.screen(state))
                if let work = snapshotWork {
                    // Off the main thread: a person quitting first just means no snapshot this time.
                    work.start()
                    snapshotWork = nil
                }
                guard let event = terminal.nextEvent() else {
                    inputEnded = true
                    break
                }
                let effects = Update.apply(event, to: &state)
                if let problem = EffectRunner(store: store).run(effects) {
                    state.message = StatusMessage(text: problem, tone: .error)
                }
                terminal.setTheme(state.theme)
            }
            terminal.stop()
            if inputEnded { throw Failure.failed("input closed, so Agora stopped. Your shortlist and settings are saved.") }
        }
    }

    private static func startTerminal(theme: ThemeName) throws(Failure) -> CursesTerminal {
        let started: Result<CursesTerminal, CursesTerminal.StartError>
        do {
            started = .success(try CursesTerminal(theme: theme))
        } catch {
            started = .failure(error)
        }
        switch started {
        case .success(let terminal):
            return terminal
        case .failure(.notATerminal):
            throw Failure.failed("Agora's full-screen view needs an interactive terminal, and this is not one (input or output is redirected or closed). " + plainCommandsHint)
        case .failure(.unknownTerminal(let name)):
            throw Failure.failed("Agora cannot draw on this terminal: TERM is \"\(name)\", a type this system does not know. Set TERM to a known type such as xterm-256color, or use TERM=dumb for plain menus. " + plainCommandsHint)
        }
    }

    /// `--theme`, else mono when NO_COLOR is set (https://no-color.org), else the saved choice.
    private static func chooseTheme(_ option: String?, environment: [String: String]) throws -> ThemeName? {
        if let option {
            guard let theme = ThemeName(rawValue: option.lowercased()) else {
                throw Failure.usage("unknown theme \"\(option)\": use default, high-contrast or mono")
            }
            return theme
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        return nil
    }

    /// The store in the data directory; if that cannot be used, one in memory and a warning.
    static func openStore(_ directory: String) -> (AgoraStore?, String?) {
        do {
            return (try AgoraStore(directory: directory), nil)
        } catch {
            let memory = try? AgoraStore.inMemory()
            return (memory, "Your shortlist and settings cannot be saved: \(error.description). Changes last until you quit.")
        }
    }
}

/// What was saved last time.
struct SavedSettings {
    var shortlist: [String] = []
    var homePostcode: String?
    var theme: ThemeName = .standard

    init(store: AgoraStore?) {
        guard let store else { return }
        shortlist = (try? store.shortlist().map(\.providerID)) ?? []
        homePostcode = try? store.setting(.homePostcode)
        theme = (try? store.setting(.theme)).flatMap { $0.flatMap(ThemeName.init(rawValue:)) } ?? .standard
    }
}

/// Carries out effects against the store; returns a message when something could not be saved.
struct EffectRunner {
    let store: AgoraStore?

    func run(_ effects: [Effect]) -> String? {
        guard let store else { return effects.isEmpty ? nil : "This change cannot be saved (no data directory)." }
        for effect in effects {
            do {
                switch effect {
                case .addToShortlist(let id, let kind):
                    try store.addToShortlist(providerID: id, kind: ProviderKind(rawValue: kind) ?? .school, on: Today.date)
                case .removeFromShortlist(let id):
                    try store.removeFromShortlist(providerID: id)
                case .saveHomePostcode(let postcode):
                    try store.setSetting(.homePostcode, to: postcode)
                case .saveTheme(let theme):
                    try store.setSetting(.theme, to: theme)
                }
            } catch {
                return "Not saved: \(error.description)"
            }
        }
        return nil
    }
}

/// Today's date in the local calendar.
enum Today {
    static var date: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}

/// Numbered menus on standard input and output, for screen readers and TERM=dumb.
struct PlainRunner {
    let catalog: Catalog
    let store: AgoraStore?
    let settings: SavedSettings
    let warning: String?

    func run() {
        var session = PlainSession(catalog: catalog, shortlist: settings.shortlist, homePostcode: settings.homePostcode)
        if let warning { print(warning) }
        print(session.start(), terminator: "")
        while !session.isFinished, let line = readLine() {
            let response = session.respond(to: line)
            print(response.text, terminator: "")
            if let problem = EffectRunner(store: store).run(response.effects) { print(problem) }
        }
    }
}
