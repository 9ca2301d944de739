@testable import agora
import ArgumentParser
import Testing

/// `agora` alone skips the parser; what it runs must be what the parser would have made.
struct DefaultOptionsTests {
    @Test func theCommandMadeWithoutTheParserIsTheOneTheParserMakes() throws {
        let parsed = try #require(try Agora.parseAsRoot([]) as? Agora)
        let made = Agora.withDefaults()
        #expect(made.global.catalog == parsed.global.catalog)
        #expect(made.global.dataDir == parsed.global.dataDir)
        #expect(made.global.dataDirectory == parsed.global.dataDirectory)
        #expect(made.display.plain == parsed.display.plain)
        #expect(made.display.theme == parsed.display.theme)
    }

    /// A new option needs a default in `withDefaults` (reading an unset one stops the program).
    @Test func everyOptionHasADefaultWithoutTheParser() {
        #expect(Mirror(reflecting: GlobalOptions()).children.count == 2, "set the new option in GlobalOptions.withDefaults, then count it here")
        #expect(Mirror(reflecting: DisplayOptions()).children.count == 2, "set the new option in DisplayOptions.withDefaults, then count it here")
    }
}
