import AgoraStore
import Foundation
import Testing

/// GP registration, the market and the map, as a resident would meet them: in the real program
/// in a terminal, and on the command line.
@Suite("GP registration, market and map in the real program", .serialized)
struct LocalServicesEndToEndTests {
    @Test("market view and map draw at", arguments: [(80, 24), (120, 40)])
    func marketAndMap(width: Int, height: Int) throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        try tmux.start([AgoraBinary.url.path], width: width, height: height,
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "tmux-256color", "XDG_DATA_HOME": data.path])
        try tmux.waitFor("Choose a provider")
        // The postcodes come with the providers, a moment after the home page: a home typed
        // before then is confirmed by another message (tested in CatalogLoadingTests).
        try tmux.waitFor("providers ready")
        try tmux.send("h")
        try tmux.waitFor("Your home postcode")
        try tmux.type("KM1 9UY")
        try tmux.send("Enter")
        try tmux.waitFor("Home postcode KM1 9UY")
        try tmux.send("Down", "Down", "Enter")
        try tmux.waitFor("Covers home")
        try tmux.send("w")
        let market = try tmux.waitFor("HHI")
        #expect(market.contains("registered patients by organisation"))
        try tmux.send("Escape", "M")
        let map = try tmux.waitFor("● selected")
        #expect(map.contains("⌂ home"))
        #expect(map.contains("┤"), "a scale bar")
        #expect(map.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "Braille dots")
        try tmux.send("n")
        try tmux.send("M", "Enter")
        try tmux.waitFor("Can I register here?")
        try tmux.send("Escape", "Escape", "q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func theCommandLineAnswersRegistrationAndDescribesTheMarketAndMap() throws {
        let register = try AgoraBinary.run(["gp", "can-register", "G4", "--home", "KM1 9UY"])
        #expect(register.status == 0)
        #expect(register.stdout.contains("from KM1 9UY:"))
        #expect(register.stdout.contains("proof of address"))
        let nearest = try AgoraBinary.run(["gp", "nearest", "--home", "KM1 9UY", "--covers-home", "--format", "json"])
        #expect(nearest.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(nearest.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.isEmpty == false)
        #expect(rows?.allSatisfy { $0["covers_home"] as? Bool == true } == true)
        let market = try AgoraBinary.run(["market", "--service", "care", "--format", "json"])
        #expect(market.status == 0)
        let view = try JSONSerialization.jsonObject(with: Data(market.stdout.utf8)) as? [String: Any]
        #expect(view?["capacity"] as? String == "care-home beds")
        #expect((view?["hhi"] as? Int).map { (0...10_000).contains($0) } == true)
        let map = try AgoraBinary.run(["map", "--kind", "gp", "--near", "KM1 9UY"])
        #expect(map.stdout.contains("GP practices within") || map.stdout.contains("GP practice within"))
        let wrong = try AgoraBinary.run(["gp", "can-register", "S900001", "--home", "KM1 9UY"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("agora: "))
        let unknown = try AgoraBinary.run(["market", "--service", "fish"])
        #expect(unknown.status == 2)
    }

    @Test func theCommandLineTakesTheScreensWordsForServicesAndGroupings() throws {
        let byOrganisation = try AgoraBinary.run(["market", "--service", "schools", "--by", "organisation"])
        #expect(byOrganisation.status == 0, "\(byOrganisation.stderr)")
        #expect(byOrganisation.stdout.contains("school places by organisation"))
        #expect(byOrganisation.stdout.contains("Organisation"))
        let byGroup = try AgoraBinary.run(["market", "--service", "gps", "--by", "group", "--format", "json"])
        #expect(byGroup.status == 0)
        #expect(byGroup.stdout.contains("\"grouping\": \"organisation\"") || byGroup.stdout.contains("\"grouping\":\"organisation\""))
        let wrongGrouping = try AgoraBinary.run(["market", "--service", "care", "--by", "town"])
        #expect(wrongGrouping.status == 2)
        #expect(wrongGrouping.stderr.contains("use organisation or sector"))
        let unknown = try AgoraBinary.run(["market", "--service", "fish"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("schools, care, waste, gp, probation or employment"))
        let help = try AgoraBinary.run(["market", "--help"])
        #expect(help.stdout.contains("organisation") && !help.stdout.contains("group or sector"))

        let waste = try AgoraBinary.run(["map", "--kind", "waste", "--near", "KM1 9UY"])
        #expect(waste.status == 0, "\(waste.stderr)")
        #expect(waste.stdout.contains("Waste and Recycling"))
        #expect(!waste.stdout.contains("Probation"), "only the waste service's providers")
        let schools = try AgoraBinary.run(["map", "--service", "schools", "--near", "KM1 9UY"])
        #expect(schools.status == 0)
        #expect(schools.stdout.contains("school"))
        let unknownMap = try AgoraBinary.run(["map", "--kind", "fish"])
        #expect(unknownMap.status == 2)
        #expect(unknownMap.stderr.contains("schools, care, waste, gp, probation or employment"))
    }

    @Test func theCommandLineUsesTheHomeSavedInTheFullScreenProgram() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let none = try AgoraBinary.run(["gp", "can-register", "G4", "--data-dir", data.path])
        #expect(none.status == 2)
        #expect(none.stderr == "agora: no home postcode — give --home POSTCODE, or set your home in the full-screen program (h)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty, "reading makes no store")
        let centre = try AgoraBinary.run(["map", "--kind", "gp", "--data-dir", data.path])
        #expect(centre.status == 0)
        #expect(centre.stdout.contains("the centre of Kingsmere") && centre.stdout.contains("give --near POSTCODE"))

        try AgoraStore(directory: data.path).setSetting(.homePostcode, to: "KM1 9UY")
        let register = try AgoraBinary.run(["gp", "can-register", "G4", "--data-dir", data.path])
        #expect(register.status == 0, "\(register.stderr)")
        #expect(register.stdout.contains("from KM1 9UY (your saved home):"))
        let nearest = try AgoraBinary.run(["gp", "nearest", "--data-dir", data.path])
        #expect(nearest.status == 0)
        #expect(nearest.stdout.hasPrefix("GP practices nearest KM1 9UY (your saved home)"))
        let given = try AgoraBinary.run(["gp", "nearest", "--home", "KM2 9FX", "--data-dir", data.path])
        #expect(given.stdout.hasPrefix("GP practices nearest KM2 9FX —"), "a given postcode wins")
        let map = try AgoraBinary.run(["map", "--kind", "gp", "--data-dir", data.path])
        #expect(map.stdout.contains("of KM1 9UY (your saved home)"))
        // A list that measures (within, covers-home, by distance) measures from the saved home too.
        let within = try AgoraBinary.run(["list", "--kind", "gp", "--within", "2", "--covers-home", "--format", "csv", "--data-dir", data.path])
        #expect(within.status == 0, "\(within.stderr)")
        let fromHome = try AgoraBinary.run(["list", "--kind", "gp", "--within", "2", "--covers-home", "--near", "KM1 9UY", "--format", "csv"])
        #expect(within.stdout == fromHome.stdout && !within.stdout.isEmpty)
        let plain = try AgoraBinary.run(["list", "--kind", "gp", "--format", "csv", "--data-dir", data.path])
        #expect(plain.stdout != within.stdout, "a plain list is not narrowed by the saved home")

        let empty = try AgoraBinary.run(["map", "--kind", "gp", "--near", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr == "agora: --near is empty — give a postcode, e.g. KM1 9UY\n")
    }

    @Test func theMapInWordsNamesEveryProviderOnTheCommandLineAndNumbersThemInPlainMode() throws {
        let map = try AgoraBinary.run(["map", "--kind", "gp", "--near", "KM1 9UY"])
        #expect(map.status == 0)
        #expect(map.stdout.contains(" more within 2 km: "))
        #expect(!map.stdout.contains("; and "), "every practice is named")
        let waste = try AgoraBinary.run(["map", "--service", "waste", "--near", "KM1 9UY"])
        #expect(waste.stdout.contains("covers the whole of Kingsmere") && !waste.stdout.contains(" km"))

        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        func plain(_ lines: String) throws -> String {
            let input = data.appendingPathComponent("input.txt")
            try Data(lines.utf8).write(to: input)
            let handle = try FileHandle(forReadingFrom: input)
            defer { try? handle.close() }
            return try AgoraBinary.run(["--plain", "--data-dir", data.appendingPathComponent("store").path], stdin: handle).stdout
        }
        let described = try plain("3\nmap\n")
        let range = try #require(described.range(of: #"#\d+ [^(]+ \("#, options: .regularExpression), "numbered: \(described)")
        let entry = described[range].dropFirst().dropLast(2)
        let number = String(entry.prefix { $0.isNumber })
        let name = String(entry.dropFirst(number.count + 1))
        let opened = try plain("3\nmap\n\(number)\n")
        #expect(opened.components(separatedBy: name).count > described.components(separatedBy: name).count, "typing #\(number) opens \(name)")
    }

    @Test func commandOutputWrapsLongCellsMarksUnpublishedAndAlignsIDs() throws {
        let market = try AgoraBinary.run(["market", "--service", "employment"])
        #expect(market.status == 0)
        #expect(!market.stdout.contains("…"), "nothing cut: \(market.stdout)")
        #expect(market.stdout.contains("Kingsmere Borough Council employment") && market.stdout.contains("\nservice"))
        // A unit the Ministry runs itself has no contract to share out.
        let probation = try AgoraBinary.run(["market", "--service", "probation"]).stdout
        #expect(probation.contains("One organisation runs 100.0% of contracts"))
        #expect(probation.contains("Run by the public body itself, with no contract, so not counted: Kingsmere Probation Delivery Unit."))

        let nearest = try AgoraBinary.run(["gp", "nearest", "--home", "KM1 9UY", "--limit", "30"])
        let bellfield = try #require(nearest.stdout.split(separator: "\n").first { $0.hasPrefix("G13 ") })
        #expect(bellfield.contains("km  —  "), "an unpublished list status shows —: \(bellfield)")
        #expect(nearest.stdout.hasSuffix("\n— not published\n"))
        let csv = try AgoraBinary.run(["gp", "nearest", "--home", "KM1 9UY", "--limit", "30", "--format", "csv"])
        #expect(!csv.stdout.contains("—"), "CSV leaves an unpublished value empty")

        let alternatives = try AgoraBinary.run(["gp", "can-register", "G17", "--home", "KM2 9FX"])
        let listed = alternatives.stdout.split(separator: "\n").filter { $0.hasPrefix("  G") }
        #expect(listed.count > 1)
        let nameColumns = Set(listed.map { line in line.dropFirst(2).prefix { $0 != " " }.count + (line.dropFirst(2).drop { $0 != " " }.prefix { $0 == " " }.count) })
        #expect(nameColumns.count == 1, "names start in one column: \(listed)")

        let closedAndOutside = try AgoraBinary.run(["gp", "can-register", "G8", "--home", "KM1 9UY"])
        #expect(closedAndOutside.stdout.contains("closed to new patients"))
        #expect(closedAndOutside.stdout.contains("also outside its catchment area"))
        let closedInside = try AgoraBinary.run(["gp", "can-register", "G4", "--home", "KM1 9UY"])
        #expect(closedInside.stdout.contains("closed to new patients") && !closedInside.stdout.contains("outside its catchment"))
    }
}
