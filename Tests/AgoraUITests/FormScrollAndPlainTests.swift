import AgoraUI
import ChoiceKit
import Testing

@Suite("Forms taller than the window, and forms in plain mode")
struct FormScrollAndPlainTests {
    static func tallForm() -> Form {
        Form(fields: (1...12).map { FormField(id: "f\($0)", label: "Field \($0)", kind: .text) })
    }

    @Test func theFocusedFieldIsAlwaysInView() throws {
        var form = Self.tallForm()
        let area = Rect(x: 0, y: 2, width: 60, height: 10)
        #expect(form.scrollOffset(in: area) == 0)
        var screen = Screen(size: Size(width: 60, height: 14))
        form.render(into: &screen, area: area)
        #expect(screen.lines[2].hasPrefix("Field 1"))
        #expect(screen.lines[11].contains("↓ more"))
        for _ in 0..<9 { _ = form.handle(.tab) }
        #expect(form.focus == 9)
        let offset = form.scrollOffset(in: area)
        #expect(offset > 0)
        screen = Screen(size: Size(width: 60, height: 14))
        form.render(into: &screen, area: area)
        #expect(screen.lines.contains { $0.hasPrefix("Field 10") })
        #expect(!screen.lines.contains { $0.hasPrefix("Field 1 ") }, "the first fields scrolled away")
        #expect(screen.lines[0...1].allSatisfy { $0.allSatisfy { $0 == " " } }, "nothing is drawn above the form's area")
        #expect(screen.lines[2].contains("↑ more"))
        // A click lands on the field drawn there.
        let row = try #require(screen.lines.firstIndex { $0.hasPrefix("Field 8") })
        #expect(form.handle(MouseEvent(x: 2, y: row, kind: .press), area: area) == .handled)
        #expect(form.focus == 7)
    }

    @Test func aFormThatFitsNeverScrolls() {
        var form = Form(fields: [FormField(id: "a", label: "A", kind: .text), FormField(id: "b", label: "B", kind: .text)])
        _ = form.handle(.tab)
        #expect(form.scrollOffset(in: Rect(x: 0, y: 0, width: 60, height: 10)) == 0)
    }

    @Test func plainModeFillsFieldsByNumber() {
        var form = Form(fields: [
            FormField(id: "name", label: "Name", kind: .text, required: true),
            FormField(id: "amount", label: "Amount", kind: .money(minimum: Money(pence: 1), maximum: nil)),
            FormField(id: "mode", label: "Received as", kind: .choice(["direct payment", "managed"])),
        ])
        let lines = form.plainLines(hints: ["name": "Whose it is."]).map(\.printed)
        #expect(lines[0] == "1. Name: (empty). Whose it is.")
        #expect(lines[2] == "3. Received as: direct payment (choices: 1 direct payment; 2 managed)")
        #expect(form.plain(PlainCommand(parsing: "1 Mum")) == .filled(problem: nil))
        if case .filled(let problem?) = form.plain(PlainCommand(parsing: "2 12.345")) {
            #expect(problem.contains("Type pounds and pence"))
        } else {
            Issue.record("three decimals were accepted")
        }
        #expect(form.plainLines().map(\.printed).contains { $0.hasPrefix("   Problem with 2:") })
        #expect(form.plain(PlainCommand(parsing: "3 man")) == .filled(problem: nil), "a choice by the start of its words")
        #expect(form.fields[2].choice == 1)
        #expect(form.plain(PlainCommand(parsing: "3 1")) == .filled(problem: nil), "or by its number")
        #expect(form.fields[2].choice == 0)
        if case .filled(let problem?) = form.plain(PlainCommand(parsing: "3 weekly")) {
            #expect(problem.hasPrefix("Choose one of: 1 direct payment; 2 managed"))
        } else {
            Issue.record("an unknown choice was accepted")
        }
        #expect(form.plain(PlainCommand(parsing: "s")) == .submit)
        if case .askDiscard = form.plain(PlainCommand(parsing: "b")) {} else { Issue.record("b did not ask first") }
        #expect(form.plain(PlainCommand(parsing: "b")) == .cancel)
        var empty = Form(fields: [FormField(id: "x", label: "X", kind: .text)])
        #expect(empty.plain(PlainCommand(parsing: "b")) == .cancel, "nothing typed: b leaves at once")
        if case .notUnderstood = empty.plain(PlainCommand(parsing: "zz")) {} else { Issue.record("zz was understood") }
    }
}
