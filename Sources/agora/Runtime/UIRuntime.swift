import AgoraStore
import AgoraTerminal
import AgoraUI
import ChoiceKit

/// The full-screen program's loop: draw, wait for input or a job's news, update, carry out the
/// effects and feed their outcomes back as events. Writes are confirmed (or undone) before the
/// next frame; jobs report from their threads through the inbox.
struct UIRuntime {
    let terminal: CursesTerminal
    let store: StoreEffects
    let inbox: Inbox
    let jobs: JobRunner

    init(terminal: CursesTerminal, store: StoreEffects, loadCatalog: CatalogLoadWork? = nil) {
        self.terminal = terminal
        self.store = store
        // A job's news wakes the loop's wait at once, from the job's own thread.
        inbox = Inbox(wake: { [waker = terminal.waker] in waker.wake() })
        jobs = JobRunner(inbox: inbox, loadCatalog: loadCatalog)
    }

    /// How the loop ended.
    enum Ending: Equatable {
        case quit
        case inputEnded
        /// A signal that ends the program: the caller restores the terminal and exits 128 + it.
        case signal(Int32)
    }

    /// While keys are already waiting (a paste, a held key) a frame is drawn at most this often:
    /// every key is still handled in turn, but a paste of 10,000 characters costs 10,000 key
    /// presses, not 10,000 frames.
    static let framePeriodWhileKeysWait: Duration = .milliseconds(100)

    /// Runs until the person quits, input ends or a fatal signal comes; a job still running then
    /// (an export) is cancelled and waited for, so it leaves its whole file or none.
    func run(_ state: inout AppState) -> Ending {
        defer { jobs.cancelAllAndWait() }
        // The catalog's load, when the state starts without its providers, begins right after the
        // first frame: loading from the files keeps both cores busy, and would hold the frame back.
        var startEffects: [Effect]? = Update.start(&state)
        var firstFrame = true
        var lastFrame = ContinuousClock.now
        // What the terminal had ready when the last event was handled, not yet acted on.
        var readAhead: TerminalWait?
        while state.isRunning {
            for outcome in inbox.drain() { carryOut(Update.apply(.outcome(outcome), to: &state)) }
            guard state.isRunning else { break }
            var keysWait = false
            if case .event? = readAhead { keysWait = true }
            if firstFrame || !keysWait || ContinuousClock.now - lastFrame >= Self.framePeriodWhileKeysWait {
                terminal.setTheme(state.context.theme)
                terminal.draw(Render.screen(state))
                lastFrame = .now
                firstFrame = false
            }
            if let effects = startEffects {
                startEffects = nil
                carryOut(effects)
            }
            let next = readAhead ?? terminal.wait()
            readAhead = nil
            switch next {
            case .event(let event): carryOut(Update.apply(event, to: &state))
            case .woken, .timedOut: continue
            case .inputEnded: return .inputEnded
            case .signal(let number): return .signal(number)
            }
            guard state.isRunning else { break }
            // Anything already there (never waiting for it) is handled before the next frame.
            let ready = terminal.wait(timeout: .zero)
            if case .timedOut = ready { continue }
            readAhead = ready
        }
        return .quit
    }

    func carryOut(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .write(let id, let request): inbox.post(store.carryOut(id, request))
            case .reloadShortlist: if let outcome = store.shortlist() { inbox.post(outcome) }
            case .loadChildren: inbox.post(store.children())
            case .loadBudgets: inbox.post(store.budgets())
            case .start(let id, let job): jobs.start(id, job)
            case .cancel(let id): jobs.cancel(id)
            }
        }
    }
}
