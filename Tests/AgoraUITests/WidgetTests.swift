import Foundation
import AgoraUI
import ChoiceKit
import Testing

@Suite("Widgets, each alone")
struct WidgetTests {
    /// However narrow the window, the keys line ends with "? help", the way to every other key.
    @Test(arguments: [60, 80, 120])
    func theKeysLineAlwaysOffersHelp(width: Int) {
        var driver = Driver(width: width, height: 24)
        driver.openList(.school)
        let keys = driver.lines[23].trimmingCharacters(in: .whitespaces)
        #expect(keys.hasSuffix("? help"), "\(keys)")
        #expect(keys.hasPrefix("Enter details"))
    }

    /// A message longer than its line takes the row above too, until the next key.
    @Test func aLongMessageIsShownWholeOnTwoRows() {
        var driver = Driver(width: 80, height: 24)
        let message = "Entry 6 is already reversed — record a new entry instead, dated the day the money moved, with its receipt."
        driver.state.context.warn(message)
        let lines = driver.lines
        #expect(lines[21].hasPrefix(" Entry 6 is already reversed — record a new entry instead, dated the day the"))
        #expect(lines[22].hasPrefix(" money moved, with its receipt."))
        driver.press(.down)
        #expect(!driver.text.contains("with its receipt"), "gone at the next key")
        driver.state.context.inform("Saved.")
        #expect(driver.lines[22] == " Saved." + String(repeating: " ", count: 73))
    }

    @Test func viewportRevealsAndClamps() {
        var viewport = Viewport()
        viewport.reveal(row: 30, visible: 10)
        #expect(viewport.top == 21)
        viewport.reveal(row: 5, visible: 10)
        #expect(viewport.top == 5)
        viewport.top = 90
        viewport.clamp(rows: 50, visibleRows: 10)
        #expect(viewport.top == 40)
        viewport.clamp(rows: 3, visibleRows: 10)
        #expect(viewport.top == 0)
    }

    @Test func listCursorMovesSkipsHeadingsAndStaysInView() {
        let selectable: (Int) -> Bool = { $0 % 5 != 0 } // every fifth row is a heading
        var cursor = ListCursor(selected: 1)
        cursor.move(.up, count: 40, visible: 8, selectable: selectable)
        #expect(cursor.selected == 1)
        for _ in 0..<4 { cursor.move(.down, count: 40, visible: 8, selectable: selectable) }
        #expect(cursor.selected == 6)
        cursor.move(.bottom, count: 40, visible: 8, selectable: selectable)
        #expect(cursor.selected == 39)
        #expect(cursor.viewport.top == 32)
        cursor.move(.pageUp, count: 40, visible: 8, selectable: selectable)
        #expect(cursor.selected == 32 && selectable(cursor.selected))
        cursor.move(.top, count: 40, visible: 8, selectable: selectable)
        #expect(cursor.selected == 1 && cursor.viewport.top == 0)
        // After the list shrinks, the cursor comes back inside it.
        cursor.selected = 30
        cursor.fit(count: 4, visible: 8)
        #expect(cursor.selected == 3 && cursor.viewport.top == 0)
    }

    @Test func listCursorMouse() {
        var cursor = ListCursor()
        let body = Rect(x: 0, y: 2, width: 40, height: 10)
        #expect(cursor.handle(MouseEvent(x: 3, y: 5, kind: .press), body: body, count: 30) == .moved)
        #expect(cursor.selected == 3)
        #expect(cursor.handle(MouseEvent(x: 3, y: 5, kind: .press), body: body, count: 30) == .activated(3))
        #expect(cursor.handle(MouseEvent(x: 3, y: 1, kind: .press), body: body, count: 30) == .ignored)
        _ = cursor.handle(MouseEvent(x: 3, y: 5, kind: .wheelDown), body: body, count: 30)
        #expect(cursor.selected == 6)
        cursor.viewport.top = 10
        _ = cursor.handle(MouseEvent(x: 3, y: 2, kind: .press), body: body, count: 30)
        #expect(cursor.selected == 10, "a click counts from the scrolled top row")
    }

    static func grid(rows: Int, columns: Int) -> Table {
        let specs = [TableColumn(title: "Measure", width: 10)] + (1..<columns).map { TableColumn(title: "Col \($0)", width: 8) }
        return Table(columns: specs, rowCount: rows, cell: { row, column in
            TableCell(column == 0 ? "row \(row)" : "r\(row)c\(column)")
        }, highlightsRow: false)
    }

    @Test func tableKeepsHeaderAndFirstColumnWhileScrollingBothWays() {
        let table = Self.grid(rows: 50, columns: 12)
        var state = TableState()
        var screen = Screen(size: Size(width: 40, height: 8))
        table.render(state, into: &screen, area: Rect(x: 0, y: 0, width: 40, height: 8))
        #expect(screen.lines[0].hasPrefix("Measure    Col 1    Col 2"))
        #expect(screen.lines[0].hasSuffix("▸"))
        #expect(screen.lines[1].hasPrefix("row 0      r0c1"))
        // Down and right: header and first column stay.
        state.cursor.move(.pageDown, count: 50, visible: 7)
        state.cursor.move(.pageDown, count: 50, visible: 7)
        #expect(state.scrollColumns(1, columns: table.columns, width: 40, gutter: 0) == .handled)
        #expect(state.scrollColumns(1, columns: table.columns, width: 40, gutter: 0) == .handled)
        screen = Screen(size: Size(width: 40, height: 8))
        table.render(state, into: &screen, area: Rect(x: 0, y: 0, width: 40, height: 8))
        #expect(screen.lines[0].hasPrefix("Measure   ◂Col 3"))
        let top = state.cursor.viewport.top
        #expect(top > 0)
        #expect(screen.lines[1].hasPrefix("row \(top)"))
        #expect(screen.lines[1].contains("r\(top)c3"))
        #expect(!screen.lines[1].contains("r\(top)c1 "))
        // Scrolling back left stops at the first column and then says it did nothing.
        #expect(state.scrollColumns(-1, columns: table.columns, width: 40, gutter: 0) == .handled)
        #expect(state.scrollColumns(-1, columns: table.columns, width: 40, gutter: 0) == .handled)
        #expect(state.scrollColumns(-1, columns: table.columns, width: 40, gutter: 0) == .ignored)
    }

    @Test func widerTablesNeverShowFewerColumns() {
        let columns = [TableColumn(title: "Name", width: 40)] + [12, 20, 7, 30, 9, 14].map { TableColumn(title: "c", width: $0) }
        var previous = 0
        for width in 20...200 {
            let shown = Table.place(columns: columns, width: width, firstColumn: 0, gutter: 2).columns.count
            #expect(shown >= previous, "at \(width) columns")
            previous = shown
        }
        #expect(previous == columns.count)
    }

    @Test func textFieldScrollsSidewaysAndMovesItsCursor() {
        var field = TextField("", width: 10)
        for character in "a long line of text" { field.handle(.character(character)) }
        var view = field.visible
        #expect(view.moreLeft && !view.moreRight)
        #expect(view.text.hasSuffix("of text"))
        #expect(view.cursorColumn == 9)
        field.handle(.home)
        view = field.visible
        #expect(view.text.hasPrefix("a long") && view.cursorColumn == 0 && view.moreRight)
        field.handle(.right)
        field.handle(.delete)
        #expect(field.text == "along line of text")
        field.handle(.control("w"))
        #expect(field.text == "long line of text")
        field.handle(.end)
        field.handle(.backspace)
        #expect(field.text == "long line of tex")
        #expect(field.handle(.character("\u{1B}")) == .refused)
    }

    @Test func aHugePasteStopsAtTheCapWithAMessage() {
        var field = TextField("", width: 30, limit: 100)
        var refused = 0
        for _ in 0..<10_000 where field.handle(.character("x")) == .refused { refused += 1 }
        #expect(field.text.count == 100)
        #expect(refused == 9_900)
        #expect(field.message?.contains("100 characters") == true)
        field.handle(.backspace)
        #expect(field.message == nil)
    }

    @Test func formFocusParsingAndErrorsBesideTheField() throws {
        var form = Form(fields: [
            FormField(id: "name", label: "Name", kind: .text, required: true),
            FormField(id: "amount", label: "Weekly amount", kind: .money(minimum: .zero, maximum: nil)),
            FormField(id: "start", label: "Start date", kind: .date(earliest: nil, latest: nil)),
            FormField(id: "postcode", label: "Postcode", kind: .postcode),
            FormField(id: "hours", label: "Hours", kind: .wholeNumber(0...168)),
            FormField(id: "mode", label: "Received as", kind: .choice(["Direct payment", "Managed"])),
        ])
        #expect(form.handle(.enter) == .editing)
        #expect(form.fields[0].error == "Please fill this in.")
        for character in "Ada" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        for character in "12.345" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        for character in "2026-02-30" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        for character in "km19uy" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        for character in "200" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        _ = form.handle(.right)
        #expect(form.handle(.enter) == .editing)
        #expect(form.focus == 1)
        #expect(form.fields[1].error?.contains("more than two digits of pence") == true)
        #expect(form.fields[2].error?.contains("is not a date") == true)
        #expect(form.fields[4].error == "Type a number from 0 to 168.")
        var screen = Screen(size: Size(width: 140, height: 20))
        form.render(into: &screen, area: Rect(x: 0, y: 0, width: 140, height: 20))
        let amountRow = try #require(screen.lines.firstIndex { $0.hasPrefix("Weekly amount") })
        #expect(screen.lines[amountRow].contains("12.345") && screen.lines[amountRow].contains("more than two digits"))
        // Fix them; Shift-Tab goes back.
        _ = form.handle(.control("u"))
        for character in "£1,234.50" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        _ = form.handle(.control("u"))
        for character in "2026-03-01" { _ = form.handle(.character(character)) }
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        _ = form.handle(.backspace)
        _ = form.handle(.backTab)
        #expect(form.focus == 3)
        guard case .submitted(let values) = form.handle(.enter) else {
            Issue.record("the form did not submit: \(form.fields.compactMap(\.error))")
            return
        }
        #expect(values["name"] == .text("Ada"))
        #expect(values["amount"] == .money(Money(pence: 123_450)))
        #expect(values["start"]?.date?.iso == "2026-03-01")
        #expect(values["postcode"] == .postcode("KM1 9UY"))
        #expect(values["hours"] == .number(20))
        #expect(values["mode"] == .choice(1))
    }

    @Test func aFieldTheChoiceDoesNotNeedSaysSoRatherThanShowAnEmptyBox() {
        var fields = [
            FormField(id: "route", label: "Received as", kind: .choice(["direct payment", "a mix"])),
            FormField(id: "managed", label: "Managed share", kind: .text),
            FormField(id: "hours", label: "Hours", kind: .text),
        ]
        fields[1].neededWhen = FieldCondition(field: "route", choices: [1])
        var form = Form(fields: fields)
        var screen = Screen(size: Size(width: 80, height: 10))
        form.render(into: &screen, area: Rect(x: 0, y: 0, width: 80, height: 10))
        #expect(screen.text.contains("not needed for this choice"))
        _ = form.handle(.right)
        var mixed = Screen(size: Size(width: 80, height: 10))
        form.render(into: &mixed, area: Rect(x: 0, y: 0, width: 80, height: 10))
        #expect(!mixed.text.contains("not needed for this choice"), "a mix needs its managed share")
    }

    @Test func escapeAsksBeforeDiscardingTypedData() {
        var form = Form(fields: [FormField(id: "note", label: "Note", kind: .text)])
        #expect(form.handle(.escape) == .cancelled, "nothing typed: Esc just cancels")
        _ = form.handle(.character("x"))
        #expect(form.handle(.escape) == .editing)
        #expect(form.confirmingDiscard)
        #expect(form.handle(.character("n")) == .editing)
        #expect(form.fields[0].input.text == "x")
        _ = form.handle(.escape)
        #expect(form.handle(.character("y")) == .cancelled)
        // Esc pressed twice leaves too; Enter keeps editing.
        var again = Form(fields: [FormField(id: "note", label: "Note", kind: .text)])
        _ = again.handle(.character("x"))
        _ = again.handle(.escape)
        #expect(again.handle(.enter) == .editing)
        #expect(!again.confirmingDiscard)
        _ = again.handle(.escape)
        #expect(again.handle(.escape) == .cancelled)
    }

    @Test func modalsConfirmPromptAndMenu() {
        var confirm = Modal.confirm("Clear?", "Remove every provider?")
        #expect(confirm.handle(.character("z")) == .open)
        #expect(confirm.handle(.character("y")) == .confirmed)
        var prompt = Modal.prompt("Save", "File name", text: "a.csv")
        _ = prompt.handle(.backspace)
        _ = prompt.handle(.backspace)
        _ = prompt.handle(.backspace)
        _ = prompt.handle(.character("m"))
        _ = prompt.handle(.character("d"))
        #expect(prompt.handle(.enter) == .submitted("a.md"))
        var menu = Modal.menu("Pick", "One of these", options: ["First", "Second", "Third"])
        _ = menu.handle(.down)
        #expect(menu.handle(.enter) == .chosen(1))
        #expect(menu.handle(.character("3")) == .chosen(2))
        #expect(menu.handle(.escape) == .cancelled)
        var screen = Screen(size: Size(width: 80, height: 20))
        menu.render(into: &screen, area: Rect(x: 0, y: 1, width: 80, height: 18))
        #expect(screen.text.contains("2. Second"))
    }

    @Test func barsInEighthBlocksWithAnASCIIFallback() {
        #expect(Bar.text(1, of: 2, width: 4, style: .blocks) == "██")
        #expect(Bar.text(3, of: 16, width: 2, style: .blocks) == "▍")
        #expect(Bar.text(13, of: 16, width: 2, style: .blocks) == "█▋")
        #expect(Bar.text(1, of: 1_000_000, width: 10, style: .blocks) == "▏", "a value above zero always shows")
        #expect(Bar.text(0, of: 10, width: 10, style: .blocks).isEmpty)
        #expect(Bar.text(5, of: 10, width: 10, style: .ascii) == "#####")
        #expect(Bar.text(Int64.max, of: Int64.max, width: 10, style: .blocks) == String(repeating: "█", count: 10))
        #expect(BarStyle(theme: .mono) == .ascii)
        let chart = BarChart(rows: [.init(label: "Care homes", value: 610, valueText: "61%"), .init(label: "Home care", value: 390, valueText: "39%")])
        var screen = Screen(size: Size(width: 40, height: 2))
        chart.render(into: &screen, area: Rect(x: 0, y: 0, width: 40, height: 2), style: .ascii)
        #expect(screen.lines[0].hasPrefix("Care homes #"))
        #expect(screen.lines[0].contains("61%"))
        #expect(screen.lines[1].filter { $0 == "#" }.count < screen.lines[0].filter { $0 == "#" }.count)
    }

    @Test func controlCharactersAreDrawnAsVisibleSymbols() {
        var screen = Screen(size: Size(width: 30, height: 1))
        screen.put("Evil\u{1B}[31m name\u{07}", x: 0, y: 0)
        #expect(screen.lines[0].hasPrefix("Evil␛[31m name␇"))
        #expect(!screen.lines[0].unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func longTextIsCutByDisplayWidth() {
        var screen = Screen(size: Size(width: 12, height: 2))
        screen.put("Zoë Belvédère School", x: 0, y: 0, width: 10)
        #expect(screen.lines[0] == "Zoë Belvé…  ")
        screen.put("日本語の学校", x: 0, y: 1, width: 7)
        #expect(screen.lines[1].hasPrefix("日本語…"))
    }

    @Test func plainCommandsAreParsedWithOrWithoutSpaces() {
        for typed in ["f1", "f 1", " F1 "] {
            let command = PlainCommand(parsing: typed)
            #expect(command.word == "f" && command.number == 1 && command.argument.isEmpty, "\(typed)")
        }
        let set = PlainCommand(parsing: "f 3 2 km")
        #expect(set.word == "f" && set.number == 3 && set.argument == "2 km")
        #expect(PlainCommand(parsing: "12").number == 12 && PlainCommand(parsing: "12").word.isEmpty)
        let search = PlainCommand(parsing: "s St Mary")
        #expect(search.word == "s" && search.number == nil && search.argument == "St Mary")
        #expect(Spoken.text("All ≥ Expected") == "All at least Expected")
        #expect(Spoken.text("£29.00/hr") == "£29.00 an hour")
        #expect(Spoken.text("A8 47.5") == "Attainment 8 47.5")
    }
}
