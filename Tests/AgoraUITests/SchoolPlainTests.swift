import AgoraUI
import ChoiceKit
import SchoolChoice
import Testing

@Suite("Schools for my child in plain mode")
struct SchoolPlainTests {
    @Test func theWholeJourneyByNumbersAndWords() throws {
        var plain = PlainSchoolSession()
        let home = plain.start()
        #expect(home.contains("8. Schools for my child"))
        let children = plain.say("8").text
        #expect(children.contains("Schools for my child"))
        #expect(children.contains("1. Add a child."), "the saved children were read and said")
        let form = plain.say("a").text
        #expect(form.contains("1. Name or nickname: (empty)"))
        #expect(form.contains("5. In care: no (choices: 1 no; 2 looked after now; 3 previously looked after)"))
        #expect(form.contains("Previously looked after: left care by adoption"), "the help says what each choice means")
        #expect(!form.contains("← →"), "plain mode has no arrow keys to mention")
        _ = plain.say("1 Sam")
        let wrong = plain.say("2 2022-13-01").text
        #expect(wrong.contains("is not a date"), "a field is checked as soon as it is typed")
        _ = plain.say("2 2022-10-01")
        let postcode = plain.say("3 KM1 9UY").text
        #expect(postcode.contains("3. Home postcode: KM1 9UY"))
        #expect(!postcode.contains("1. Name or nickname"), "only what changed is printed")
        let saved = plain.say("s")
        #expect(saved.effects.contains { if case .write(_, .school(.addChild(SchoolDriver.sam))) = $0 { return true }; return false })
        #expect(saved.text.contains("Saved Sam."))
        #expect(saved.text.contains("Reception places for September 2027: apply by 15 January 2027"))
        #expect(saved.text.contains("25 November 2026: today."))
        #expect(plain.saved.map(\.name) == ["Sam"])

        let schools = plain.say("1").text
        #expect(schools.contains("f1 Within: any distance"))
        #expect(schools.contains("1. "))
        #expect(schools.contains("last year"), "each school's chance comes with its reason")
        let filtered = plain.say("f1 1").text
        #expect(filtered.contains("Within: 1,000 m."))
        _ = plain.say("f1 50")
        for number in 1...3 { _ = plain.say("m \(number)") }
        #expect(plain.saved.first?.marked.count == 3)
        let compared = plain.say("c").text
        #expect(compared.contains("Schools compared for Sam"))
        #expect(compared.contains("(best)"))
        #expect(compared.contains("Weighted score"))
        #expect(compared.contains("last year"), "each chance is said with its reason")
        #expect(!compared.contains(".;") && !compared.contains(".."), "a reason's full stop is not doubled")
        let priorities = plain.say("p").text
        #expect(priorities.contains("1. Distance: 3 of 5"))
        #expect(priorities.contains("Not used: no faith is given in Sam's details."))
        let changed = plain.say("1 5").text
        #expect(changed.contains("1. Distance: 5 of 5"))
        #expect(changed.contains("out of 100"), "the scores are said again as they change")
        #expect(plain.saved.first?.priorities?.weight(.distance) == 5)
        _ = plain.say("b")
        _ = plain.say("b")
        _ = plain.say("b")
        let list = plain.say("4").text
        #expect(list.contains("No school on the list yet."))
        #expect(list.contains("Warning: You have named 0 of the 3"))
        #expect(list.contains("council offers the one you ranked highest"))
        for _ in 0..<3 {
            let menu = plain.say("a").text
            #expect(menu.contains("1. "))
            _ = plain.say("1")
        }
        #expect(plain.saved.first?.preferences == plain.saved.first?.marked)
        let moved = plain.say("d 1").text
        #expect(moved.contains("is now preference 2"))
        let export = plain.say("e /tmp/sam-preferences.txt")
        guard case .start(_, .export(let document, "/tmp/sam-preferences.txt"))? = export.effects.last else {
            Issue.record("no export: \(export.effects)")
            return
        }
        #expect(document.text.contains("Sam: preferences for Reception places for September 2027"))
    }

    @Test func backOnAFormWithTypingAsksFirst() throws {
        var plain = PlainSchoolSession()
        _ = plain.start()
        _ = plain.say("8")
        _ = plain.say("a")
        _ = plain.say("1 Amy")
        let asked = plain.say("b").text
        #expect(asked.contains("Discard what you typed?"))
        let gone = plain.say("b").text
        #expect(gone.contains("Nothing was saved."))
        #expect(plain.saved.isEmpty)
    }
}
