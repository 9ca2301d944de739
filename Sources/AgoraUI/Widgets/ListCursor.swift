/// How a list's cursor can move. Every list binds the same keys to these (see `bindings`).
public enum ListMove: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
}

/// What a mouse event did to a list.
public enum ListMouseOutcome: Hashable, Sendable {
    case ignored
    /// A row was selected, or the wheel moved the selection.
    case moved
    /// A click on the row that was already selected: open it.
    case activated(Int)
}

/// The cursor of a list and the part of it in view: the one list controller every list, menu and
/// panel uses. Rows that cannot be selected (headings) are skipped.
public struct ListCursor: Hashable, Sendable {
    public var selected: Int
    public var viewport: Viewport

    public init(selected: Int = 0, viewport: Viewport = Viewport()) {
        self.selected = selected
        self.viewport = viewport
    }

    /// ↑↓ jk, PgUp PgDn, Home End and g G, mapped to a feature's own action type.
    public static func bindings<Action: Sendable>(_ make: (ListMove) -> Action, noun: String = "row") -> [KeyBinding<Action>] {
        [
            KeyBinding([.up, .character("k")], "↑ k", make(.up), "move up"),
            KeyBinding([.down, .character("j")], "↓ j", make(.down), "move down"),
            KeyBinding([.pageUp], "PgUp", make(.pageUp), "up a page"),
            KeyBinding([.pageDown], "PgDn", make(.pageDown), "down a page"),
            KeyBinding([.home, .character("g")], "Home g", make(.top), "first \(noun)"),
            KeyBinding([.end, .character("G")], "End G", make(.bottom), "last \(noun)"),
        ]
    }

    /// Moves the cursor and keeps it in view. `selectable` says which rows may hold the cursor.
    public mutating func move(_ move: ListMove, count: Int, visible: Int, selectable: (Int) -> Bool = { _ in true }) {
        guard count > 0 else {
            selected = 0
            viewport.top = 0
            return
        }
        let page = max(1, visible - 1)
        switch move {
        case .up: selected = nearest(from: selected - 1, step: -1, count: count, selectable) ?? selected
        case .down: selected = nearest(from: selected + 1, step: 1, count: count, selectable) ?? selected
        case .pageUp:
            selected = nearest(from: max(0, selected - page), step: -1, count: count, selectable)
                ?? nearest(from: 0, step: 1, count: count, selectable) ?? selected
        case .pageDown:
            selected = nearest(from: min(count - 1, selected + page), step: 1, count: count, selectable)
                ?? nearest(from: count - 1, step: -1, count: count, selectable) ?? selected
        case .top: selected = nearest(from: 0, step: 1, count: count, selectable) ?? selected
        case .bottom: selected = nearest(from: count - 1, step: -1, count: count, selectable) ?? selected
        }
        if move == .top { viewport.top = 0 }
        fit(count: count, visible: visible)
    }

    /// Selects one row (clamped) and scrolls to it.
    public mutating func select(_ index: Int, count: Int, visible: Int) {
        selected = max(0, min(index, count - 1))
        fit(count: count, visible: visible)
    }

    /// After the content or the window changed: the cursor inside the list, the list inside the
    /// window, and the cursor in view.
    public mutating func fit(count: Int, visible: Int) {
        selected = max(0, min(selected, count - 1))
        viewport.reveal(row: selected, visible: visible)
        viewport.clamp(rows: count, visibleRows: visible)
    }

    /// The row drawn at screen row `y` when the list's first row is drawn at `bodyY`.
    public func row(atY y: Int, bodyY: Int, visible: Int, count: Int) -> Int? {
        let offset = y - bodyY
        guard offset >= 0, offset < visible else { return nil }
        let index = viewport.top + offset
        return index < count ? index : nil
    }

    /// A click selects the row under it (a second click opens it); the wheel moves three rows.
    public mutating func handle(_ mouse: MouseEvent, body: Rect, count: Int,
                                selectable: (Int) -> Bool = { _ in true }) -> ListMouseOutcome {
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            guard body.contains(x: mouse.x, y: mouse.y) || body.height > 0 else { return .ignored }
            for _ in 0..<3 { move(mouse.kind == .wheelUp ? .up : .down, count: count, visible: body.height, selectable: selectable) }
            return .moved
        case .press:
            guard body.contains(x: mouse.x, y: mouse.y),
                  let index = row(atY: mouse.y, bodyY: body.y, visible: body.height, count: count),
                  selectable(index) else { return .ignored }
            if index == selected { return .activated(index) }
            selected = index
            fit(count: count, visible: body.height)
            return .moved
        }
    }

    private func nearest(from start: Int, step: Int, count: Int, _ selectable: (Int) -> Bool) -> Int? {
        var index = start
        while index >= 0, index < count {
            if selectable(index) { return index }
            index += step
        }
        return nil
    }
}
