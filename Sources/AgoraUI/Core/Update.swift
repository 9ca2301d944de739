import ChoiceKit

/// The one place state changes: an event in, the new state and the effects out. Input goes to
/// the panel or page on top; what it ignores falls back to the keys every page shares.
public enum Update {
    public static func apply(_ event: Event, to state: inout AppState) -> [Effect] {
        let home = state.context.home
        defer { if state.context.home != home { state.homeChanged() } }
        switch event {
        case .resize(let size):
            state.context.size = size
            state.fitAll()
        case .mouse(let mouse):
            state.routeMouse(mouse)
        case .key(let key):
            state.routeKey(key)
        case .outcome(let outcome):
            state.receive(outcome)
        }
        return state.carryOutCommands()
    }

    /// What the state asks for before any event: the catalog's load, when it starts without one.
    public static func start(_ state: inout AppState) -> [Effect] {
        state.carryOutCommands()
    }
}

extension AppState {
    mutating func routeKey(_ key: Key) {
        if key == .control("c") {
            isRunning = false
            exitStatus = 130
            return
        }
        context.message = nil
        if key == .escape, let job = context.latestJob, !top.capturesText {
            context.cancel(job.id)
            context.inform("Cancelling \(job.status.title)…")
            return
        }
        if !overlays.isEmpty {
            var overlay = overlays.removeLast()
            let handled = overlay.handle(key, in: &context)
            overlays.append(overlay)
            if handled == .ignored, key == .character("?") || key == .function(1) { showHelp() }
            return
        }
        var page = pages.removeLast()
        let handled = page.handle(key, in: &context)
        pages.append(page)
        guard handled == .ignored else { return }
        if page.capturesText {
            if key == .character("?") || key == .function(1) { showHelp() }
            return
        }
        if let action = GlobalKeys.keymap.action(for: key) {
            perform(action, key: key)
        } else if case .character(let character) = key {
            context.inform("\"\(character)\" does nothing here — press ? for the keys of this screen")
        }
    }

    mutating func perform(_ action: GlobalAction, key: Key) {
        switch action {
        case .help: showHelp()
        case .theme:
            context.setTheme(context.theme.next)
            context.inform("Colours: \(context.theme.label)")
        case .shortlist:
            if context.isCatalogLoading {
                context.inform("Your shortlist opens once the catalog has loaded — a moment.")
            } else if !(page is ShortlistFeature) {
                context.push(ShortlistFeature())
            }
        case .homePostcode:
            context.present(PostcodeFeature(current: context.home?.postcode))
        case .about:
            if !(page is AboutFeature) { context.push(AboutFeature()) }
        case .back:
            if pages.count > 1 {
                context.pop()
            } else if key == .character("q") {
                isRunning = false
            } else {
                context.inform("This is the first page: press q to quit Agora")
            }
        }
    }

    mutating func showHelp() {
        context.present(HelpOverlay(title: top.title(in: context), entries: helpEntries))
    }

    mutating func routeMouse(_ mouse: MouseEvent) {
        // A click on a hint in the bottom line presses its key: "Esc back" takes a mouse user back.
        if mouse.kind == .press, mouse.y == Layout(size: context.size).statusRow,
           let hint = Render.statusHints(self, width: context.size.width).first(where: { $0.columns.contains(mouse.x) }),
           let key = hint.press {
            routeKey(key)
            return
        }
        let area = context.contentArea
        if !overlays.isEmpty {
            var overlay = overlays.removeLast()
            _ = overlay.handle(mouse, area: area, in: &context)
            overlays.append(overlay)
            return
        }
        var page = pages.removeLast()
        _ = page.handle(mouse, area: area, in: &context)
        pages.append(page)
    }

    mutating func receive(_ outcome: Outcome) {
        switch outcome {
        case .saved(let id): context.confirm(id)
        case .failed(let id, let message): context.fail(id, message)
        case .shortlistLoaded(let ids): context.replaceShortlist(ids)
        case .childrenLoaded: break
        case .budgetsLoaded: break
        case .progress(let id, let done, let total): context.jobProgress(id, done: done, total: total)
        case .finished(let id, let message):
            context.jobEnded(id)
            context.inform(message)
        case .catalogLoaded(let id, let delivery):
            guard id == context.catalogLoad else { break }
            context.catalogArrived(delivery)
        case .jobFailed(let id, let message) where id == context.catalogLoad:
            // Nothing can be browsed: stop, and let the launcher print why after the terminal is restored.
            context.catalogFailed()
            failure = message
            exitStatus = 1
            isRunning = false
        case .jobFailed(let id, let message):
            let title = context.jobs[id]?.title ?? "That"
            context.jobEnded(id)
            context.warn("\(title) failed: \(message)")
        case .cancelled(let id):
            let title = context.jobs[id]?.title ?? "The job"
            context.jobEnded(id)
            context.inform("\(title) cancelled: nothing was written")
        }
        for index in pages.indices {
            context.receiverIsInView = index == pages.count - 1 && overlays.isEmpty
            pages[index].receive(outcome, in: &context)
        }
        for index in overlays.indices {
            context.receiverIsInView = index == overlays.count - 1
            overlays[index].receive(outcome, in: &context)
        }
        context.receiverIsInView = true
    }

    mutating func homeChanged() {
        for index in pages.indices { pages[index].homeChanged(in: context) }
    }

    mutating func fitAll() {
        let area = context.contentArea
        for index in pages.indices { pages[index].fit(area: area, in: context) }
        for index in overlays.indices { overlays[index].fit(area: area, in: context) }
    }

    /// Carries out what features asked for, in order; returns the effects for the runtime.
    mutating func carryOutCommands() -> [Effect] {
        var effects: [Effect] = []
        // Features may ask for more while being fitted, so drain until quiet.
        while !context.commands.isEmpty {
            let commands = context.commands
            context.commands = []
            for command in commands {
                switch command {
                case .push(var feature):
                    feature.fit(area: context.contentArea, in: context)
                    feature.appeared(in: &context)
                    pages.append(feature)
                case .pop:
                    if pages.count > 1 {
                        pages.removeLast()
                        // Back on a page: it reads again what another copy of Agora may have changed.
                        pages[pages.count - 1].appeared(in: &context)
                    }
                case .present(var overlay):
                    overlay.fit(area: context.contentArea, in: context)
                    overlay.appeared(in: &context)
                    overlays.append(overlay)
                case .dismiss:
                    if !overlays.isEmpty { overlays.removeLast() }
                case .quit:
                    isRunning = false
                case .effect(let effect):
                    effects.append(effect)
                case .modalFinished(let tag, let outcome):
                    finishModal(tag: tag, outcome: outcome)
                }
            }
        }
        return effects
    }

    /// Closes the modal on top and tells the feature below it how it was answered.
    mutating func finishModal(tag: String, outcome: Modal.Outcome) {
        if overlays.isEmpty {
            var page = pages.removeLast()
            page.modalFinished(tag, outcome, in: &context)
            pages.append(page)
        } else {
            var overlay = overlays.removeLast()
            overlay.modalFinished(tag, outcome, in: &context)
            overlays.append(overlay)
        }
    }
}
