import AgoraStore
import ArgumentParser
import AgoraTerminal
import AgoraUI
import ChoiceKit
import Foundation

/// Opens the full-screen program, or the plain line-by-line one, and carries out what `update`
/// asks of the outside world (saving to the store).
enum InteractiveLauncher {
    static let plainCommandsHint =
        "use the plain commands instead, for example `agora list --kind school`, `agora show ID`, or `agora --plain` for numbered menus; `agora help` lists them all."

    /// Plain mode loads the whole catalog first. Full screen draws the home page from the manifest
    /// at once and loads the providers as a background job; a snapshot of a catalog directory to
    /// save is written in the background after that and is finished or cancelled (never left
    /// half-written) before the program ends.
    static func run(global: GlobalOptions, display: DisplayOptions) throws {
        try reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let theme = try chooseTheme(display.theme, environment: environment)
            if display.plain || environment["TERM"] == "dumb" {
                let loaded = try global.loadCatalog()
                let (store, storeWarning) = openStore(global.dataDirectory)
                SignalDeferral.during { loaded.saveSnapshot?.run() }
                PlainRunner(catalog: loaded.catalog, store: store, settings: SavedSettings(store: store), warning: storeWarning).run()
                return
            }
            // The home page is drawn from the manifest alone; the providers load in the background.
            // The saved data (theme, shortlist, home) opens on another thread meanwhile: both come
            // before the first frame, neither needs the other, and a first run creates the store.
            let place: CatalogPlace = global.catalog.map { .directory($0) } ?? .builtIn
            let opening = Slots<(AgoraStore?, String?, SavedSettings)?>(count: 1, initial: nil)
            let opened = DispatchSemaphore(value: 0)
            let directory = global.dataDirectory
            Thread.detachNewThread {
                let (store, warning) = openStore(directory)
                opening.set(0, (store, warning, SavedSettings(store: store)))
                opened.signal()
            }
            let early: Catalog
            do {
                early = try GlobalOptions.loadManifest(place)
            } catch {
                opened.wait()
                throw error
            }
            opened.wait()
            guard let (store, storeWarning, saved) = opening.values[0] else { throw Failure.failed("the saved data could not be opened") }
            let terminal = try startTerminal(theme: theme ?? saved.theme)
            var state = AppState(loadingFrom: place, manifestOnly: early, size: terminal.size, today: Today.date,
                                 shortlist: saved.shortlist, homePostcode: saved.homePostcode, theme: theme ?? saved.theme)
            if let storeWarning { state.context.warn(storeWarning) }
            let snapshot = SnapshotSlot()
            defer { snapshot.cancelAndWait() }
            let runtime = UIRuntime(terminal: terminal, store: StoreEffects(store: store, today: Today.date),
                                    loadCatalog: { (place: CatalogPlace) throws(Failure) -> Catalog in
                                        let loaded = try GlobalOptions.loadCatalog(place)
                                        snapshot.start(loaded.saveSnapshot)
                                        return loaded.catalog
                                    })
            let ending = runtime.run(&state)
            terminal.stop()
            if let failure = state.failure { throw Failure.catalog(failure) }
            switch ending {
            case .quit: if state.exitStatus != 0 { throw ExitCode(state.exitStatus) }
            case .inputEnded: throw Failure.failed("input closed, so Agora stopped — your shortlist and settings are saved; run it again on an interactive terminal")
            case .signal(let number): throw ExitCode(128 + number)
            }
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
            throw Failure.failed("Agora's full-screen view needs an interactive terminal, and this is not one (input or output is redirected or closed) — " + plainCommandsHint)
        case .failure(.unknownTerminal(let name)):
            throw Failure.failed("Agora cannot draw on this terminal: TERM is \"\(name)\", a type this system does not know — set TERM to a known type such as xterm-256color, or use TERM=dumb for plain menus; " + plainCommandsHint)
        }
    }

    /// `--theme`, else mono when NO_COLOR is set (https://no-color.org), else the saved choice.
    private static func chooseTheme(_ option: String?, environment: [String: String]) throws -> ThemeName? {
        if let option {
            guard let theme = ThemeName(rawValue: option.lowercased()) else {
                throw Failure.usage("unknown theme \(MessageText.quoted(option)) — use default, high-contrast or mono")
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

/// The snapshot being written in the background, if any: cancelled (or waited for) at quit.
final class SnapshotSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var work: BackgroundWork?
    private var closed = false

    func start(_ work: BackgroundWork?) {
        guard let work else { return }
        let open: Bool = lock.withLock {
            self.work = work
            return !closed
        }
        if open { work.start() }
    }

    func cancelAndWait() {
        let work: BackgroundWork? = lock.withLock {
            closed = true
            return self.work
        }
        work?.cancelAndWait()
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

/// Today's date in the local calendar.
/// Numbered menus on standard input and output, for screen readers and TERM=dumb.
struct PlainRunner {
    let catalog: Catalog
    let store: AgoraStore?
    let settings: SavedSettings
    let warning: String?

    func run() {
        let state = AppState(catalog: catalog, size: Size(width: 80, height: 24), today: Today.date,
                             shortlist: settings.shortlist, homePostcode: settings.homePostcode)
        var session = PlainSession(state: state)
        let effects = StoreEffects(store: store, today: Today.date)
        // Everything shown passes the one inert-text path: catalog text never drives the terminal.
        if let warning { Output.print(warning + "\n") }
        Output.print(session.start())
        while !session.isFinished, let line = readLine() {
            // Effects are carried out before anything is said: the outcome, then the page, then one prompt.
            Output.print(session.respond(to: line) { effect -> [Outcome] in
                switch effect {
                case .write(let id, let request): return [effects.carryOut(id, request)]
                case .reloadShortlist: return effects.shortlist().map { [$0] } ?? []
                case .loadChildren: return [effects.children()]
                case .loadBudgets: return [effects.budgets()]
                case .start(let id, let job):
                    // Plain mode waits for a job: its progress would only interrupt the reading.
                    let inbox = Inbox(wake: {})
                    let runner = JobRunner(inbox: inbox)
                    runner.start(id, job)
                    while runner.isBusy { Thread.sleep(forTimeInterval: 0.01) }
                    return inbox.drain()
                case .cancel: return []
                }
            })
        }
        // Ctrl-D (or the end of piped input) part-way: say so, rather than stop without a word.
        if !session.isFinished { Output.print(session.inputEnded()) }
    }
}
