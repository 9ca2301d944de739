/// Where things go on the screen. Render and mouse handling both use it, so a click lands on what
/// was drawn there.
struct Layout {
    let size: Size

    /// Lists and details side by side from this width.
    static let splitWidth = 120

    var titleRow: Int { 0 }
    var messageRow: Int { size.height - 2 }
    var statusRow: Int { size.height - 1 }
    var content: Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }

    var isSplit: Bool { size.width >= Self.splitWidth }

    var listArea: Rect {
        let content = self.content
        return isSplit ? Rect(x: 0, y: content.y, width: content.width * 55 / 100, height: content.height) : content
    }

    var sideDetailArea: Rect? {
        guard isSplit else { return nil }
        let list = listArea
        return Rect(x: list.maxX + 1, y: content.y, width: size.width - list.maxX - 1, height: content.height)
    }

    /// The list has a summary line and a column header above its rows.
    var listBodyY: Int { listArea.y + 2 }
    var listRows: Int { max(1, listArea.height - 2) }
}
