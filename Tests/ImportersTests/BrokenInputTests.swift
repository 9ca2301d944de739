import ChoiceKit
import Foundation
import Testing
@testable import Importers

/// Broken files stop the import with one clear message naming the file (and line); nothing is
/// made. The command-line tests check that the target catalog is left as it was.
@Suite("Broken input")
struct BrokenInputTests {
    static func failure(_ bytes: [UInt8], named name: String = "broken.csv",
                        _ request: (ImportFile) -> ImportRequest) throws -> ImportFailure? {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Fixtures.write(bytes, named: name, in: scratch)
        do {
            _ = try Importer.run(request(file), into: nil)
            return nil
        } catch let failure as ImportFailure {
            return ImportFailure(failure.message.replacingOccurrences(of: scratch.path + "/", with: ""), details: failure.details.map {
                $0.replacingOccurrences(of: scratch.path + "/", with: "")
            }, isUsage: failure.isUsage)
        }
    }

    static func gias(_ file: ImportFile) -> ImportRequest {
        ImportRequest(gias: file, postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
    }

    static func ods(_ file: ImportFile) -> ImportRequest {
        ImportRequest(ods: file, postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
    }

    static func postcodes(_ file: ImportFile) -> ImportRequest {
        ImportRequest(postcodes: file, area: .localAuthority("E06000990"), today: ImportCatalog.today)
    }

    static let giasBytes = (try? Fixtures.bytes("gias/edubasealldata-sample.csv")) ?? []

    @Test func truncatedInsideAQuotedField() throws {
        // Cut inside the last row's quoted "LSOA (code)".
        let cut = Array(Self.giasBytes.dropLast(5))
        let failure = try #require(try Self.failure(cut, Self.gias))
        #expect(failure.message == "broken.csv:13: the file ends inside a quoted field that starts on this line — it was probably cut short while downloading; download it again")
    }

    @Test func truncatedBetweenFields() throws {
        let lastRow = try #require(Self.giasBytes.dropLast(2).lastIndex(of: 0x0A))
        let cut = Array(Self.giasBytes[...(lastRow + 400)])
        let commaEnd = try #require(cut.lastIndex(of: UInt8(ascii: ",")))
        let failure = try #require(try Self.failure(Array(cut[...commaEnd].dropLast()), Self.gias))
        #expect(failure.message.hasPrefix("broken.csv:13: the file ends in the middle of a row ("))
        #expect(failure.message.hasSuffix("of its 139 fields) — it was probably cut short while downloading; download it again"))
    }

    @Test func aRequiredColumnMissing() throws {
        var text = String(decoding: Self.giasBytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"URN\",", with: "\"Ref\",")
        let failure = try #require(try Self.failure(Array(text.utf8), Self.gias))
        #expect(failure.message.hasPrefix("broken.csv:1: the header has no \"URN\" column — this import needs \"URN\", \"EstablishmentName\""))
    }

    @Test("an empty file", arguments: [[UInt8](), Array("\r\n\r\n".utf8)])
    func anEmptyFile(bytes: [UInt8]) throws {
        for request in [Self.gias, Self.ods, Self.postcodes] {
            let failure = try #require(try Self.failure(bytes, request))
            #expect(failure.message == "broken.csv is empty — download the file again, or give the right one")
        }
    }

    /// A file with its header and nothing after would empty the catalog's table of its kind.
    @Test func aHeaderWithNoRows() throws {
        func firstLines(_ path: String, _ count: Int) throws -> [UInt8] {
            // By bytes: in a String, "\r\n" is one character, not a "\n".
            Array(try Fixtures.bytes(path).split(separator: 0x0A, omittingEmptySubsequences: false).prefix(count)
                .joined(separator: [0x0A])) + [0x0A]
        }
        let message = "broken.csv has a header but no rows — download the file again, or give the whole file"
        #expect(try Self.failure(try firstLines("gias/edubasealldata-sample.csv", 1), Self.gias)?.message == message)
        #expect(try Self.failure(try firstLines("postcodes/nspl-2026-sample.csv", 1), Self.postcodes)?.message == message)
        let care = try Self.failure(try firstLines("cqc/directory-sample.csv", 5)) { file in
            ImportRequest(cqc: [file], postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
        }
        #expect(care?.message == message)
    }

    /// An empty list of locations would date the catalog's ratings today and, beside a care
    /// directory, leave every service unrated.
    @Test("a CQC location file with no locations", arguments: ["[]", " [ ]\n", "\n\n"])
    func aLocationFileWithNoLocations(text: String) throws {
        let failure = try #require(try Self.failure(Array(text.utf8), named: "ratings.json") { file in
            ImportRequest(cqc: [Fixtures.cqcDirectory, file], postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
        })
        #expect(failure.message.hasPrefix("ratings.json holds no locations — "), "\(failure.message)")
    }

    @Test func aSecondCQCFileThatIsBrokenIsNamed() throws {
        let json = try #require(try Self.failure(Array("hello".utf8), named: "ratings.json") { file in
            ImportRequest(cqc: [Fixtures.cqcDirectory, file], postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
        })
        #expect(json.message.hasPrefix("ratings.json:1: is not valid JSON"), "\(json.message)")
        let two = try #require(try Self.failure(Array("Name\n".utf8), named: "other.csv") { file in
            ImportRequest(cqc: [Fixtures.cqcDirectory, file], postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
        })
        #expect(two.message.hasPrefix("2 CQC care directories were given (") && two.message.contains("other.csv)"), "\(two.message)")
    }

    @Test func aBinaryFile() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let failure = try #require(try Self.failure(png, Self.gias))
        #expect(failure.message == "broken.csv:3: is not a text file (it has a zero byte) — give the CSV file as downloaded, not a spreadsheet or archive")
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        let zipped = try #require(try Self.failure(zip, Self.ods))
        #expect(zipped.message.hasPrefix("broken.csv is a ZIP archive"))
    }

    @Test func aRowWithTooManyOrTooFewColumns() throws {
        var text = String(decoding: Self.giasBytes, as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        var changed = rows
        changed[3] += ",\"extra\""
        changed[5] = String(changed[5].prefix { $0 != "," }) + ",\"short\""
        text = changed.joined(separator: "\r\n")
        let failure = try #require(try Self.failure(Array(text.utf8), Self.gias))
        #expect(failure.message.hasPrefix("broken.csv: 2 rows do not have the 139 fields its header names, so their values cannot be matched to columns"))
        #expect(failure.details == ["broken.csv:4: 140 fields instead of 139", "broken.csv:6: 2 fields instead of 139"])
    }

    @Test func anEpraccurRowOfTheWrongWidth() throws {
        var rows = String(decoding: try Fixtures.bytes("ods/epraccur-sample.csv"), as: UTF8.self).components(separatedBy: "\r\n")
        rows[2] += ",\"\""
        let failure = try #require(try Self.failure(Array(rows.joined(separator: "\r\n").utf8), Self.ods))
        #expect(failure.details == ["broken.csv:3: 28 fields instead of 27"])
        let gias = try #require(try Self.failure(Self.giasBytes, Self.ods))
        #expect(gias.message == "broken.csv:1: has 139 fields, but epraccur rows have exactly 27 and no header — this does not look like NHS ODS epraccur; give epraccur.csv as published")
    }

    @Test func theWrongKindOfFile() throws {
        let failure = try #require(try Self.failure(try Fixtures.bytes("ods/epraccur-sample.csv"), Self.gias))
        #expect(failure.message.contains("no header row naming \"URN\""))
        let postcodes = try #require(try Self.failure(Self.giasBytes, Self.postcodes))
        #expect(postcodes.message.hasPrefix("broken.csv:1: this is not a postcode file"))
    }

    @Test func aCQCFileCutShort() throws {
        let json = try Fixtures.bytes("cqc/location-sample.json")
        let failure = try #require(try Self.failure(Array(json.prefix(json.count / 2)), named: "locations.json") { file in
            ImportRequest(cqc: [Fixtures.cqcDirectory, file], postcodes: Fixtures.postcodes, area: .localAuthority("E06000990"), today: ImportCatalog.today)
        })
        #expect(failure.message.hasPrefix("locations.json:1: is not valid JSON"))
    }
}
