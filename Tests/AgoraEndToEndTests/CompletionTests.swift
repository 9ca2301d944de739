import ChoiceKit
import Foundation
import Testing
@testable import agora

/// Shell completion: the scripts, and the ids and postcodes they ask the program for.
@Suite struct CompletionTests {
    @Test("each shell's script is generated and asks agora for ids and postcodes", arguments: ["bash", "zsh", "fish"])
    func scriptIsGenerated(shell: String) throws {
        let run = try AgoraBinary.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("---completion show -- positional@0"), "ids of agora show")
        #expect(run.stdout.contains("---completion list -- --near"), "postcodes of agora list --near")
        #expect(run.stdout.contains("school") && run.stdout.contains("employment"), "kinds and services listed")
        // Filters with fixed choices, sorts and formats offer their values.
        for value in ["secondary", "home-care", "voluntary-or-charity", "strong-standard", "attainment8", "json"] {
            #expect(run.stdout.contains(value), "\(shell): \(value)")
        }
    }

    @Test func aFilterThatTakesOneValueRefusesARepeat() throws {
        let run = try AgoraBinary.run(["list", "--kind", "school", "--age", "5", "--age", "7"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("agora: --age takes one value, not 2 — use one of "), "\(run.stderr)")
    }

    @Test func idsOfTheBuiltInCatalogForAPrefix() throws {
        let ids = CatalogCompletion.providerIDs(of: [.gp], words: ["agora", "gp", "can-register", "G1"], prefix: "G1")
        #expect(ids.contains("G1") && ids.contains("G11"))
        #expect(ids.allSatisfy { $0.hasPrefix("G1") })
        let catalog = try GlobalOptions.parse([]).loadCatalog().catalog
        let expected = catalog.providers(of: .gp).map(\.id).filter { $0.hasPrefix("G1") }
        #expect(Set(ids) == Set(expected))
        #expect(CatalogCompletion.providerIDs(of: ProviderKind.allCases, words: [], prefix: "").count == catalog.providers.count)
    }

    @Test func postcodesWithoutTheirSpaceForAPrefix() throws {
        let postcodes = CatalogCompletion.postcodes(words: ["agora", "list", "--near", "km1 9"], prefix: "km1 9")
        #expect(postcodes.contains("KM19UY"))
        #expect(postcodes.allSatisfy { $0.hasPrefix("KM19") })
        let catalog = try GlobalOptions.parse([]).loadCatalog().catalog
        #expect(CatalogCompletion.postcodes(words: [], prefix: "").count == catalog.manifest.postcodes.count)
        // Agora reads the compact form as the postcode.
        let run = try AgoraBinary.run(["list", "--kind", "gp", "--near", "KM19UY", "--within", "1", "--fields", "id", "--format", "csv"])
        #expect(run.status == 0 && run.stdout.hasPrefix("id\n"))
    }

    @Test func organisationsAndFaithsByTheirShortNames() throws {
        let catalog = try GlobalOptions.parse([]).loadCatalog().catalog
        let schools = CatalogCompletion.names(inColumn: "organisation", of: [.school],
                                              words: ["agora", "list", "--kind", "school", "--organisation", ""], prefix: "")
        let expected = Set(catalog.providers(of: .school).map(\.organisation).filter { !$0.isEmpty }.map(ProviderFilter.slug))
        #expect(Set(schools) == expected)
        #expect(schools.contains("ivyley-schools-trust"))
        let faiths = CatalogCompletion.names(inColumn: "religious_character", of: [.school], words: [], prefix: "r")
        #expect(faiths == ["roman-catholic"])
        // The short name is taken as the name.
        let run = try AgoraBinary.run(["list", "--kind", "school", "--organisation", "ivyley-schools-trust", "--fields", "organisation", "--format", "csv"])
        #expect(run.status == 0)
        #expect(Set(run.stdout.split(separator: "\n").dropFirst()) == ["Ivyley Schools Trust"])
        let offered = try AgoraBinary.run(["---completion", "list", "--", "--organisation", "5", "3", "agora", "list", "--kind", "care", "--organisation", "har"])
        #expect(offered.stdout == "harbourside-homes-group-ltd\n")
    }

    @Test func theCatalogNamedOnTheCommandLineIsTheOneRead() throws {
        let directory = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try AgoraBinary.run(["catalog", "generate", "--seed", "4", "--providers", "30", "--out", directory.path]).status == 0)
        let catalog = try Catalog.load(from: DirectoryCatalogSource(directory: directory.path))
        let words = ["agora", "--catalog", directory.path, "show", ""]
        #expect(Set(CatalogCompletion.providerIDs(of: ProviderKind.allCases, words: words, prefix: "")) == Set(catalog.providers.map(\.id)))
        let postcodes = CatalogCompletion.postcodes(words: ["agora", "--catalog=\(directory.path)", "list", "--near", ""], prefix: "")
        #expect(Set(postcodes) == Set(catalog.manifest.postcodes.map { $0.postcode.replacingOccurrences(of: " ", with: "") }))
    }

    @Test func theProgramAnswersTheShellsQuestion() throws {
        let run = try AgoraBinary.run(["---completion", "show", "--", "positional@0", "2", "2", "agora", "show", "C1"])
        #expect(run.status == 0)
        let offered = run.stdout.split(separator: "\n").map(String.init)
        #expect(offered.contains("C1") && offered.contains("C12"))
        #expect(offered.allSatisfy { $0.hasPrefix("C1") })
        let themes = try AgoraBinary.run(["---completion", "settings", "set", "--", "positional@1", "4", "1", "agora", "settings", "set", "theme", "h"])
        #expect(themes.stdout == "high-contrast\n")
    }
}
