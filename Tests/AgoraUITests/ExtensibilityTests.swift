import AgoraUI
import ChoiceKit
import Testing

/// A page written only here, as a new page would be: its own state, bindings, drawing and plain
/// text, and no line anywhere else in the program.
struct CounterPage: KeyedFeature {
    var count = 0

    enum Action: Hashable, Sendable { case add, reset }

    var id: String { "counter" }
    func title(in context: AppContext) -> String { "Counter" }

    func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap([
            KeyBinding([.character("+")], "+", .add, "add one", hint: "add", plain: "add"),
            KeyBinding([.character("0")], "0", .reset, "start again", plain: "reset"),
        ])
    }

    mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .add: count += 1
        case .reset: count = 0
        }
        return .handled
    }

    func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Counted \(count)", x: area.x + 2, y: area.y + 1)
    }

    func plain(in context: AppContext) -> PlainView {
        PlainView(title: "Counter", lines: [.note("Counted \(count).")], prompt: "Type add, reset or b:")
    }
}

@Suite("A page added without touching the router")
struct ExtensibilityTests {
    @Test func aNewPageWorksFullScreen() {
        var driver = Driver()
        driver.state.context.push(CounterPage())
        _ = Update.apply(.resize(Size(width: 80, height: 24)), to: &driver.state)
        #expect(driver.text.contains("Agora › Kingsmere › Counter"))
        driver.press(.character("+"), .character("+"))
        #expect(driver.text.contains("Counted 2"))
        #expect(driver.lines[23].contains("+ add"), "the status line comes from its bindings")
        driver.press(.character("?"))
        #expect(driver.text.contains("add one") && driver.text.contains("start again"), "help comes from its bindings")
        driver.press(.escape, .character("v"))
        #expect(driver.state.topPage(as: ShortlistFeature.self) != nil, "keys every page shares still work")
        driver.press(.escape, .escape)
        #expect(driver.state.isOnHome)
    }

    @Test func aNewPageWorksInPlainMode() {
        var state = AppState(catalog: Driver.catalog, size: Size(width: 80, height: 24), today: Driver.today)
        state.context.push(CounterPage())
        _ = Update.apply(.resize(Size(width: 80, height: 24)), to: &state)
        var session = PlainSession(state: state)
        #expect(session.start().contains("Counted 0."))
        #expect(session.respond(to: "add").text.contains("Counted 1."))
        let back = session.respond(to: "b").text
        #expect(back.contains("Main menu"))
    }
}
