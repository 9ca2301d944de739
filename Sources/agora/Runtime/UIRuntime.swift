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
        inbox = Inbox(wake: {})
        jobs = JobRunner(inbox: inbox)
    }

    /// Runs until the person quits; returns false if input ended first.
    func run(_ state: inout AppState, afterFirstFrame: () -> Void = {}) -> Bool {
        var firstFrame = true
        while state.isRunning {
            for outcome in inbox.drain() { carryOut(Update.apply(.outcome(outcome), to: &state)) }
            terminal.setTheme(state.context.theme)
            terminal.draw(Render.screen(state))
            if firstFrame {
                afterFirstFrame()
                firstFrame = false
            }
            guard let event = terminal.nextEvent() else { return false }
            carryOut(Update.apply(event, to: &state))
        }
        return true
    }

    func carryOut(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .write(let id, let request): inbox.post(store.carryOut(id, request))
            case .reloadShortlist: if let outcome = store.shortlist() { inbox.post(outcome) }
            case .start(let id, let job): jobs.start(id, job)
            case .cancel(let id): jobs.cancel(id)
            }
        }
    }
}
