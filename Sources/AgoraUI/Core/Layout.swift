/// The frame every screen shares: a title bar, the content, a message line and the key hints.
/// Render and mouse handling both use it, so a click lands on what was drawn there.
struct Layout {
    let size: Size

    var titleRow: Int { 0 }
    var messageRow: Int { size.height - 2 }
    var statusRow: Int { size.height - 1 }
    var content: Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }
}
