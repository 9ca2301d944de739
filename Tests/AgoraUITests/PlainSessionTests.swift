import AgoraUI
import ChoiceKit
import Testing

@Suite("Plain numbered menus over the same features")
struct PlainSessionTests {
    static func session(shortlist: [String] = [], postcode: String? = nil) -> PlainSession {
        PlainSession(state: AppState(catalog: Driver.catalog, size: Size(width: 80, height: 24), today: Driver.today,
                                     shortlist: shortlist, homePostcode: postcode))
    }

    @Test func journeyFromMenuToDetailAndShortlist() throws {
        var session = Self.session()
        let start = session.start()
        #expect(start.contains("Fictional sample data"))
        #expect(start.contains("Choose a provider:"), "group headings are kept")
        #expect(start.contains("1. Schools (68). You choose."))
        #expect(!start.contains("\u{1B}"))
        let list = session.respond(to: "3").text
        #expect(list.contains("GP practices"))
        #expect(list.contains("Who pays:"))
        #expect(list.contains("1. "))
        #expect(list.contains("Type a number to open one"))
        let detail = session.respond(to: "1").text
        #expect(detail.contains("GP Patient Survey"))
        let marked = session.respond(to: "m")
        #expect(marked.effects.count == 1)
        _ = session.respond(to: "b")
        _ = session.respond(to: "b")
        let shortlist = session.respond(to: "v").text
        #expect(shortlist.contains("Your shortlist"))
        #expect(shortlist.contains("1. "))
        #expect(session.respond(to: "q").text == "Goodbye.\n")
        #expect(session.isFinished)
    }

    @Test func aPracticesPageReadsAsSentences() {
        var session = Self.session(postcode: "KM1 9UY")
        _ = session.start()
        _ = session.respond(to: "3")
        let page = session.respond(to: "1").text
        #expect(page.contains("Can I register here? "), "a question takes no colon")
        #expect(!page.contains(".."), "a sentence ends once: \(page)")
        _ = session.respond(to: "m")
        _ = session.respond(to: "b")
        _ = session.respond(to: "b")
        let shortlist = session.respond(to: "v").text
        #expect(!shortlist.contains("GP practice, GP practice"))
    }

    @Test func lettersWhereANumberBelongsChangeNothing() {
        var session = Self.session()
        _ = session.start()
        _ = session.respond(to: "3")
        _ = session.respond(to: "m 1")
        for typed in ["m abc", "m -1", "m 99999999999999999999"] {
            let answer = session.respond(to: typed)
            #expect(answer.effects.isEmpty, "\(typed) writes nothing")
            #expect(answer.text.contains("is not the number of an item here"), "\(typed)")
        }
        #expect(session.state.context.shortlist.count == 1, "the first practice is still marked")
    }

    @Test func onlyWhatChangedIsPrintedAfterACommand() {
        var session = Self.session()
        _ = session.start()
        let list = session.respond(to: "2").text
        let listLines = list.split(separator: "\n").count
        let marked = session.respond(to: "m 1").text
        #expect(marked.contains("(on your shortlist)"))
        #expect(marked.split(separator: "\n").count < listLines / 2, "only the changed row and the prompt")
        let again = session.respond(to: "menu").text
        #expect(again.split(separator: "\n").count >= listLines - 3)
    }

    @Test func filtersAcceptBothSpellingsAndChoicesDirectly() throws {
        var session = Self.session(postcode: "KM1 9UY")
        _ = session.start()
        _ = session.respond(to: "2")
        let panel = session.respond(to: "f").text
        #expect(panel.contains("1. Within: any distance"))
        #expect(panel.contains("CQC rating at least: any"))
        let set = session.respond(to: "1 2 km").text
        #expect(set.contains("Within: 2.0 km"))
        _ = session.respond(to: "b")
        let direct = session.respond(to: "f2 good").text
        #expect(direct.contains("CQC rating at least: Good"))
        let refused = session.respond(to: "f 2 brilliant").text
        #expect(refused.contains("is not a choice here"))
    }

    @Test func symbolsAreSpelledOutAndMissingValuesSaidInWords() {
        var session = Self.session()
        _ = session.start()
        let schools = session.respond(to: "1").text
        #expect(!schools.contains("≥"))
        #expect(!schools.contains("A8 "))
        #expect(!schools.contains("—"))
        let care = session.respond(to: "b").text + session.respond(to: "2").text
        #expect(!care.contains("/hr") && !care.contains("/wk"))
        #expect(!care.contains("Vacancies: ."))
        #expect(!care.contains("Supported liv."))
    }

    @Test func searchSortAndUnknownCommands() {
        var session = Self.session()
        _ = session.start()
        _ = session.respond(to: "2")
        let searched = session.respond(to: "s home care").text
        #expect(searched.contains("search \"home care\""))
        let sorted = session.respond(to: "o rating").text
        #expect(sorted.contains("by rating"))
        #expect(session.respond(to: "o fame").text.contains("There is no sort called \"fame\""))
        #expect(session.respond(to: "zz").text.contains("I did not understand"))
    }

    @Test func enterAtThePostcodePromptCancelsAndClearMustBeSaid() throws {
        var session = Self.session(postcode: "KM1 9UY")
        _ = session.start()
        _ = session.respond(to: "h")
        let cancelled = session.respond(to: "")
        #expect(cancelled.effects.isEmpty)
        #expect(cancelled.text.contains("still KM1 9UY"))
        _ = session.respond(to: "h")
        let unknown = session.respond(to: "ZZ9 9ZZ").text
        #expect(unknown.contains("is not in Kingsmere"))
        let cleared = session.respond(to: "clear")
        #expect(cleared.effects.contains { if case .write(_, .setHomePostcode(nil)) = $0 { return true }; return false })
    }

    @Test func functionKeysAreNotReadAsText() {
        var session = Self.session()
        _ = session.start()
        let help = session.respond(to: "\u{1B}OP").text
        #expect(help.contains("Commands here:"))
        #expect(!help.contains("I did not understand"))
    }

    @Test func writesConfirmedOrReportedInPlainMode() throws {
        var session = Self.session()
        _ = session.start()
        _ = session.respond(to: "3")
        let marked = session.respond(to: "m 1")
        guard case .write(let id, _)? = marked.effects.first else { Issue.record("no write"); return }
        let said = session.receive(.failed(id, message: "The disk is full."))
        #expect(said.contains("Not saved"))
        #expect(session.state.context.shortlist.isEmpty)
    }
}
