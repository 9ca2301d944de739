import AgoraUI
import ChoiceKit
import Testing

@Suite("Keys, help and going back")
struct KeysAndHelpTests {
    @Test func helpListsTheKeysOfThatScreen() {
        var driver = Driver(width: 100, height: 50)
        driver.press(.character("?"))
        #expect(driver.text.contains("Keys: Home"))
        #expect(driver.text.contains("set your home postcode"))
        driver.press(.escape)
        driver.openList(.school)
        let entries = driver.state.helpEntries
        driver.press(.character("?"))
        let listHelp = driver.text
        for entry in entries {
            #expect(listHelp.contains(entry.keyLabel), "help lacks \(entry.keyLabel)")
            #expect(listHelp.contains(String(entry.help.prefix(14))), "help lacks \(entry.help)")
        }
        driver.press(.escape, .enter, .character("?"))
        #expect(driver.text.contains("add to or remove from your shortlist"))
        #expect(!driver.text.contains("search names"))
    }

    @Test func helpScrollsInASmallWindow() {
        var driver = Driver(width: 60, height: 18)
        driver.openList(.school)
        driver.press(.character("?"))
        #expect(driver.text.contains("↓ more"))
        driver.press(.end)
        #expect(driver.text.contains("quit at once"))
        #expect(driver.text.contains("— end —"))
    }

    @Test func statusLineHintsComeFromTheBindings() {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.care)
        let status = driver.lines[39]
        #expect(status.contains("/ search"))
        #expect(status.contains("f filter"))
        #expect(status.contains("Space mark"))
    }

    @Test func keysThatDoNothingSaySo() {
        var driver = Driver()
        driver.press(.character("z"))
        #expect(driver.text.contains("\"z\" does nothing here — press ? for the keys of this screen"))
    }

    @Test func escapeGoesBackButNeverQuitsFromHome() {
        var driver = Driver()
        driver.openList(.school)
        driver.press(.escape)
        #expect(driver.state.isOnHome)
        driver.press(.escape)
        #expect(driver.state.isRunning)
        #expect(driver.text.contains("press q to quit"))
        driver.press(.character("q"))
        #expect(!driver.state.isRunning)
        #expect(driver.state.exitStatus == 0)
        var other = Driver()
        other.openList(.care)
        other.press(.enter)
        other.press(.control("c"))
        #expect(!other.state.isRunning)
        #expect(other.state.exitStatus == 130)
    }
}
