import AgoraUI
import ChoiceKit
import Testing

@Suite("Plain numbered menus")
struct PlainSessionTests {
    @Test func journeyFromMenuToDetailAndShortlist() throws {
        var session = PlainSession(catalog: Driver.catalog)
        let start = session.start()
        #expect(start.contains("Fictional sample data"))
        #expect(start.contains("1. Schools — 68 here. You choose."))
        #expect(!start.contains("\u{1B}"))
        let list = session.respond(to: "3").text
        #expect(list.contains("GP practices: "))
        #expect(list.contains("1. "))
        #expect(list.contains("Type a number to open one"))
        let detail = session.respond(to: "1").text
        #expect(detail.contains("GP Patient Survey"))
        let marked = session.respond(to: "m")
        #expect(marked.effects.count == 1)
        _ = session.respond(to: "b")
        _ = session.respond(to: "b")
        let shortlist = session.respond(to: "7").text
        #expect(shortlist.contains("Your shortlist:"))
        #expect(session.respond(to: "q").text == "Goodbye.\n")
        #expect(session.isFinished)
    }

    @Test func searchSortFiltersAndPostcode() throws {
        var session = PlainSession(catalog: Driver.catalog)
        _ = session.start()
        let postcode = try #require(Driver.catalog.manifest.postcodes.first?.postcode)
        _ = session.respond(to: "8")
        let set = session.respond(to: postcode)
        #expect(set.effects == [.saveHomePostcode(postcode)])
        let list = session.respond(to: "2").text
        #expect(list.contains("km away") || list.contains(" m away"))
        let filters = session.respond(to: "f").text
        #expect(filters.contains("CQC rating at least"))
        let searched = session.respond(to: "s home care").text
        #expect(searched.contains("search \"home care\""))
        let sorted = session.respond(to: "o rating").text
        #expect(sorted.contains("by rating"))
        #expect(session.respond(to: "o fame").text.contains("There is no sort called \"fame\""))
        #expect(session.respond(to: "zz").text.contains("I did not understand"))
    }
}
