import ChoiceKit

/// Draws the whole state into a grid of cells. Pure: the same state gives the same screen.
public enum Render {
    public static func screen(_ state: AppState) -> Screen {
        var screen = Screen(size: state.size)
        let size = state.size
        if size.isTooSmall {
            tooSmall(size, into: &screen)
            return screen
        }
        let layout = Layout(size: size)
        titleBar(state, into: &screen, layout: layout)
        state.page.render(into: &screen, area: layout.content, in: state.context)
        for overlay in state.overlays { overlay.render(into: &screen, area: layout.content, in: state.context) }
        messageLine(state, into: &screen, layout: layout)
        statusLine(state, into: &screen, layout: layout)
        return screen
    }

    private static func tooSmall(_ size: Size, into screen: inout Screen) {
        let lines = ["Please make this window larger.",
                     "Agora needs at least \(Size.minimum.width)×\(Size.minimum.height); it is \(size.width)×\(size.height) now.",
                     "Press q to quit."]
        var y = max(0, size.height / 2 - 3)
        for (index, line) in lines.enumerated() {
            for part in DisplayWidth.wrap(line, width: max(1, size.width - 2)) where y < size.height {
                screen.put(part, x: 1, y: y, width: size.width - 2, role: index == 0 ? .title : .normal)
                y += 1
            }
            y += 1
        }
    }

    private static func titleBar(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let width = layout.size.width
        screen.fill(Rect(x: 0, y: layout.titleRow, width: width, height: 1), role: .status)
        var crumbs = ["Agora", state.catalog.manifest.area.name]
        crumbs += state.pages.dropFirst().map { $0.title(in: state.context) }
        let right = (state.catalog.manifest.area.isFictional ? "fictional sample data · " : "") + "? help"
        let rightWidth = DisplayWidth.of(right)
        // When the trail is too long, the steps after "Agora" give way, earliest first; the page
        // you are on always shows (cut with "…" only if it alone is too long).
        var trail = " " + crumbs.joined(separator: " › ")
        var middle = Array(crumbs.dropFirst().dropLast())
        while DisplayWidth.of(trail) > width - rightWidth - 3, !middle.isEmpty {
            middle.removeFirst()
            trail = " " + (["Agora", "…"] + middle + [crumbs[crumbs.count - 1]]).joined(separator: " › ")
        }
        screen.put(trail, x: 0, y: layout.titleRow, width: width - rightWidth - 2, role: .status)
        screen.put(right, x: width - rightWidth - 1, y: layout.titleRow, role: .status)
    }

    private static func messageLine(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let y = layout.messageRow
        let width = layout.size.width
        if let message = state.context.message {
            let role: Role = message.tone == .error ? .error : .accent
            let lines = DisplayWidth.wrap(message.text, width: max(1, width - 2))
            // A message too long for its line takes the content's last row too while it shows (it
            // goes at the next key): cut, it could not be read at all.
            if lines.count > 1, layout.content.height >= 6 {
                screen.fill(Rect(x: 0, y: y - 1, width: width, height: 1), role: .normal)
                screen.put(lines[0], x: 1, y: y - 1, width: width - 2, role: role)
                screen.put(lines.dropFirst().joined(separator: " "), x: 1, y: y, width: width - 2, role: role)
            } else {
                screen.put(message.text, x: 1, y: y, width: width - 2, role: role)
            }
        } else if let job = state.context.latestJob {
            let share = job.status.total > 0 ? " \(job.status.done * 100 / job.status.total)%" : ""
            screen.put("\(job.status.title)…\(share) · Esc cancels", x: 1, y: y, width: width - 2, role: .accent)
        } else if state.context.isCatalogLoading {
            screen.put("Loading the providers… lists open as soon as they have loaded", x: 1, y: y, width: width - 2, role: .accent)
        } else if state.context.isSaving {
            screen.put("Saving…", x: 1, y: y, width: width - 2, role: .dim)
        }
    }

    /// A hint on the status line: where it is drawn, and the key a click on it presses.
    struct StatusHint {
        let key: String
        let label: String
        let press: Key?
        let columns: Range<Int>
    }

    /// The hints the bottom line has room for, left to right. "? help" is always there, last:
    /// on a narrow window it is the way to every other key.
    static func statusHints(_ state: AppState, width: Int) -> [StatusHint] {
        let hints = state.helpEntries.pressableHints
        func size(_ hint: (key: String, label: String, press: Key?)) -> Int { DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 3 }
        let help = hints.first { $0.label == "help" }
        let kept = help.map(size) ?? 0
        var out: [StatusHint] = []
        var x = 1
        for hint in hints where hint.label != "help" {
            guard x + size(hint) + kept < width else { break }
            out.append(StatusHint(key: hint.key, label: hint.label, press: hint.press, columns: x..<(x + size(hint) - 2)))
            x += size(hint)
        }
        if let help, x + kept <= width {
            out.append(StatusHint(key: help.key, label: help.label, press: help.press, columns: x..<(x + size(help) - 2)))
        }
        return out
    }

    /// The bottom line: the keys that matter on this screen, from the bindings of what is on top.
    private static func statusLine(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let y = layout.statusRow
        screen.fill(Rect(x: 0, y: y, width: layout.size.width, height: 1), role: .status)
        for hint in statusHints(state, width: layout.size.width) {
            let x = hint.columns.lowerBound
            let keyWidth = screen.put(hint.key, x: x, y: y, role: .statusKey)
            screen.put(" " + hint.label, x: x + keyWidth, y: y, role: .status)
        }
    }
}
