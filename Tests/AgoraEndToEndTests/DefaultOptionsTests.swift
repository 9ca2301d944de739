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

    /// `agora --catalog DIR` too; anything else is left to the parser.
    @Test func aCatalogDirectoryAloneIsReadAsTheParserReadsIt() throws {
        for arguments in [["--catalog", "some/dir"], ["--catalog=some/dir"], ["--catalog", "help"], ["--catalog=a=b"]] {
            let parsed = try #require(try Agora.parseAsRoot(arguments) as? Agora)
            let made = try #require(Agora.withoutParsing(arguments[...]))
            #expect(made.global.catalog == parsed.global.catalog)
            #expect(made.global.dataDir == parsed.global.dataDir)
            #expect(made.display.plain == parsed.display.plain)
            #expect(made.display.theme == parsed.display.theme)
        }
        for arguments in [["--catalog"], ["--catalog", "-x"], ["--catalog", ""], ["--catalog="], ["--plain"],
                          ["--catalog", "dir", "--plain"], ["list"], ["--catalog", "dir", "list"]] {
            #expect(Agora.withoutParsing(arguments[...]) == nil, "\(arguments)")
        }
        #expect(Agora.withoutParsing([])?.global.catalog == nil)
    }

    /// A new option needs a default in `withDefaults` (reading an unset one stops the program).
    @Test func everyOptionHasADefaultWithoutTheParser() {
        #expect(Mirror(reflecting: GlobalOptions()).children.count == 2, "set the new option in GlobalOptions.withDefaults, then count it here")
        #expect(Mirror(reflecting: DisplayOptions()).children.count == 2, "set the new option in DisplayOptions.withDefaults, then count it here")
    }
}
