import AgoraUI
import ChoiceKit
import Testing

@Suite("Layout, resizing, mouse and themes")
struct LayoutTests {
    @Test func wideTerminalsShowListAndDetailSideBySide() throws {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.school)
        let first = try #require(driver.listProviders.first)
        #expect(driver.text.contains("│ \(first.name)"))
        driver.press(.down)
        let second = try #require(driver.listProviders.dropFirst().first)
        #expect(driver.text.contains("│ \(second.name)"))
    }

    @Test func resizeRelaysOutAtOnce() throws {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.gp)
        #expect(driver.text.contains("About"))
        driver.resize(80, 24)
        #expect(driver.screen.size == Size(width: 80, height: 24))
        #expect(!driver.text.contains("│ "))
        #expect(driver.lines.allSatisfy { $0.count == 80 })
        // The cursor stays visible after shrinking.
        driver.resize(120, 40)
        driver.press(.end)
        driver.resize(70, 20)
        let list = try #require(driver.list)
        #expect(list.selected >= list.top && list.selected < list.top + 15)
        #expect(driver.lines.contains { $0.hasPrefix(" ") && $0.contains(driver.listProviders.last?.name.prefix(10) ?? "?") })
    }

    @Test func belowTheMinimumItAsksPolitely() {
        var driver = Driver()
        driver.resize(59, 17)
        #expect(driver.text.contains("Please make this window larger."))
        #expect(driver.text.contains("at least 60×18"))
        driver.resize(60, 18)
        #expect(!driver.text.contains("Please make this window larger."))
        #expect(driver.text.contains("Schools"))
    }

    @Test func clickSelectsAndClickingAgainOpens() throws {
        var driver = Driver()
        driver.openList(.care)
        driver.send(.mouse(MouseEvent(x: 5, y: 5, kind: .press)))
        #expect(driver.list?.selected == 2)
        let chosen = try #require(driver.listProviders.dropFirst(2).first)
        driver.send(.mouse(MouseEvent(x: 5, y: 5, kind: .press)))
        #expect(driver.state.page == .detail(providerID: chosen.id))
        driver.send(.mouse(MouseEvent(x: 5, y: 5, kind: .wheelDown)))
        #expect(driver.state.scroll == 3)
    }

    @Test func wheelScrollsTheList() {
        var driver = Driver()
        driver.openList(.school)
        for _ in 0..<10 { driver.send(.mouse(MouseEvent(x: 3, y: 6, kind: .wheelDown))) }
        #expect(driver.list?.selected == 30)
        #expect((driver.list?.top ?? 0) > 0)
    }

    @Test func clicksOnTheHomeMenu() {
        var driver = Driver()
        driver.send(.mouse(MouseEvent(x: 4, y: 5, kind: .press)))
        #expect(driver.state.homeSelection == 1)
        driver.send(.mouse(MouseEvent(x: 4, y: 5, kind: .press)))
        #expect(driver.list?.key.kind == .care)
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

    @Test func monochromeThemeUsesNoColourAndKeepsMeaning() {
        for role in Role.allCases {
            let look = Theme.appearance(of: role, in: .mono)
            #expect(look.foreground == .terminal && look.background == .terminal)
        }
        #expect(Theme.appearance(of: .selected, in: .mono).reverse)
        #expect(Theme.appearance(of: .bad, in: .mono).bold)
        #expect(Theme.appearance(of: .selected, in: .highContrast).background == .yellow)
    }

    @Test func themeKeyCyclesAndIsSaved() {
        var driver = Driver()
        driver.press(.character("t"))
        #expect(driver.state.theme == .highContrast)
        #expect(driver.effects == [.saveTheme("high-contrast")])
    }
}

@Suite("Mouse in panels")
struct PanelMouseTests {
    @Test func clicksTickFiltersAndChooseSorts() throws {
        var driver = Driver()
        driver.openList(.care)
        let all = driver.listProviders.count
        driver.press(.character("f"))
        // Find the row of "Has vacancies" on screen and click it twice: select, then tick.
        let row = try #require(driver.lines.firstIndex { $0.contains("Has vacancies") })
        driver.send(.mouse(MouseEvent(x: 70, y: row, kind: .press)))
        driver.send(.mouse(MouseEvent(x: 70, y: row, kind: .press)))
        #expect(driver.list?.query.filters.withVacanciesOnly == true)
        #expect(driver.listProviders.count < all)
        // A click outside closes the panel.
        driver.send(.mouse(MouseEvent(x: 1, y: 5, kind: .press)))
        #expect(driver.state.overlay == nil)
        driver.press(.character("s"))
        let ratingRow = try #require(driver.lines.firstIndex { $0.contains("Rating") })
        driver.send(.mouse(MouseEvent(x: 40, y: ratingRow, kind: .press)))
        #expect(driver.state.overlay == nil)
        #expect(driver.list?.query.sort.field == .rating)
    }
}
