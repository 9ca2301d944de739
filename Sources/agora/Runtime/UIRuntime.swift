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

    init(terminal: CursesTerminal, store: StoreEffects) {
        self.terminal = terminal
        self.store = store
        // A job's news wakes the loop's wait at once, from the job's own thread.
        inbox = Inbox(wake: { [waker = terminal.waker] in waker.wake() })
        jobs = JobRunner(inbox: inbox)
    }

    /// How the loop ended.
    enum Ending: Equatable {
        case quit
        case inputEnded
        /// A signal that ends the program: the caller restores the terminal and exits 128 + it.
        case signal(Int32)
    }

    /// Runs until the person quits, input ends or a fatal signal comes.
    func run(_ state: inout AppState, afterFirstFrame: () -> Void = {}) -> Ending {
        var firstFrame = true
        while state.isRunning {
            for outcome in inbox.drain() { carryOut(Update.apply(.outcome(outcome), to: &state)) }
            terminal.setTheme(state.context.theme)
            terminal.draw(Render.screen(state))
            if firstFrame {
                afterFirstFrame()
                firstFrame = false
            }
            switch terminal.wait() {
            case .event(let event): carryOut(Update.apply(event, to: &state))
            case .woken, .timedOut: continue
            case .inputEnded: return .inputEnded
            case .signal(let number): return .signal(number)
            }
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
