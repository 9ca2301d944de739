import Foundation
import Testing
@testable import ChoiceKit

/// A JSON value as parsed, keeping whether it was a boolean, a whole number or a decimal.
enum ParsedJSON: Decodable, Equatable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([ParsedJSON]), object([String: ParsedJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Int64.self) { self = .int(value); return }
        if let value = try? container.decode(Double.self) { self = .double(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([ParsedJSON].self) { self = .array(value); return }
        self = .object(try container.decode([String: ParsedJSON].self))
    }

    static func parse(_ text: String) throws -> ParsedJSON { try JSONDecoder().decode(ParsedJSON.self, from: Data(text.utf8)) }

    var objects: [[String: ParsedJSON]] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap { if case .object(let members) = $0 { return members }; return nil }
    }

    /// The cell CSV output gives for this value.
    var csvCell: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .string(let text): return text
        case .array(let items):
            return items.map { if case .string(let text) = $0 { return text }; return "?" }.joined(separator: "|")
        case .double, .object: return nil
        }
    }

    /// Whether the value is of `type` (or null).
    func fits(_ type: FieldType) -> Bool {
        switch (type, self) {
        case (_, .null), (.text, .string), (.integer, .int), (.number, .int), (.number, .double), (.boolean, .bool): return true
        case (.date, .string(let text)): return CalendarDate.parseISO(text) != nil
        case (.list, .array(let items)): return items.allSatisfy { if case .string = $0 { return true }; return false }
        default: return false
        }
    }
}

@Suite("CSV and JSON carry data, run as a script would")
struct DataOutputTests {
    /// The built-in catalog's first postcode.
    private static let home: String = {
        let manifest = (try? String(contentsOf: AgoraBinary.repositoryRoot.appendingPathComponent("catalog/manifest.json"), encoding: .utf8)) ?? ""
        guard let start = manifest.range(of: "\"postcodes\": [\n    [\"") else { return "" }
        return String(manifest[start.upperBound...].prefix { $0 != "\"" })
    }()

    private func json(_ arguments: [String]) throws -> [[String: ParsedJSON]] {
        let run = try AgoraBinary.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try ParsedJSON.parse(run.stdout).objects
    }

    /// The types a script relies on, written out here rather than read from the library.
    private static let expectedTypes: [ProviderKind: [String: FieldType]] = [
        .school: ["urn": .integer, "age_low": .integer, "pupils": .integer, "ks2_rwm_expected_pct": .number,
                  "ks4_attainment8": .number, "faith_school": .boolean, "sixth_form": .boolean, "ofsted_date": .date,
                  "distance_m": .integer, "latitude": .number, "open_days": .list],
        .care: ["price_pence": .integer, "price_unit": .text, "weekly_cost_pence": .integer, "beds": .integer,
                "accepts_direct_payments": .boolean, "council_framework": .boolean, "cqc_report_date": .date,
                "specialisms": .list, "distance_m": .integer],
        .gp: ["list_size": .integer, "survey_good_pct": .number, "gp_fte": .number, "accepting_new_patients": .boolean,
              "covers_home": .boolean, "catchment_radius_m": .integer, "online_services": .list, "distance_m": .integer],
        .other: ["contract_value_pence": .integer, "contract_start": .date, "contract_end": .date, "private_extras": .list],
    ]

    @Test("JSON of every kind has every field, each of its type", arguments: ProviderKind.allCases)
    func jsonTypesPerKind(kind: ProviderKind) throws {
        let objects = try json(["list", "--kind", kind.rawValue, "--near", Self.home, "--format", "json"])
        #expect(!objects.isEmpty)
        let fields = ProviderRecord.fields(for: kind, near: true)
        for object in objects {
            #expect(Set(object.keys) == Set(fields.map(\.key)))
            for field in fields {
                let value = try #require(object[field.key])
                #expect(value.fits(field.type), "\(kind) \(field.key) is \(value), not \(field.type)")
                #expect(value != .string("—") && value != .string("not published") && value != .string(""))
            }
        }
        for (key, type) in try #require(Self.expectedTypes[kind]) {
            let values = objects.compactMap { $0[key] }
            #expect(values.count == objects.count, "\(kind) lacks \(key)")
            #expect(values.allSatisfy { $0.fits(type) }, "\(kind) \(key) is not \(type)")
            #expect(values.contains { $0 != .null }, "\(kind) \(key) is always null")
        }
    }

    @Test("CSV reads back through the catalog's CSV reader with the JSON's values", arguments: ProviderKind.allCases)
    func csvRoundTrips(kind: ProviderKind) throws {
        let objects = try json(["list", "--kind", kind.rawValue, "--near", Self.home, "--format", "json"])
        let run = try AgoraBinary.run(["list", "--kind", kind.rawValue, "--near", Self.home, "--format", "csv"])
        #expect(run.status == 0)
        let records = try Self.read(run.stdout)
        let header = try #require(records.first)
        let fields = ProviderRecord.fields(for: kind, near: true)
        #expect(header == fields.map(\.key))
        #expect(records.count == objects.count + 1)
        for (row, object) in zip(records.dropFirst(), objects) {
            #expect(row.count == header.count)
            for (field, cell) in zip(fields, row) {
                let key = field.key
                let value = try #require(object[key])
                if field.type == .number, value != .null {
                    let number: Double? = switch value { case .double(let number): number; case .int(let whole): Double(whole); default: nil }
                    #expect(Double(cell) == number, "\(key): \(cell) against \(value)")
                } else if let expected = value.csvCell {
                    let formulaSafe = expected.first.map { "=+-@".contains($0) } ?? false
                    #expect(cell == (formulaSafe ? "'" + expected : expected), "\(key): \(cell) against \(expected)")
                }
            }
        }
    }

    static func read(_ text: String) throws -> [[String]] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var fields: [CSVField] = []
            var rows: [[String]] = []
            while try reader.next(into: &fields) != nil {
                rows.append(fields.map { field in CSVReader.withFieldBytes(field, in: buffer) { String(decoding: $0, as: UTF8.self) } })
            }
            return rows
        }
    }

    @Test func showGivesTheSameRecordAsList() throws {
        for kind in ProviderKind.allCases {
            let listed = try #require(try json(["list", "--kind", kind.rawValue, "--near", Self.home, "--format", "json"]).last)
            guard case .string(let id)? = listed["id"] else { Issue.record("no id"); continue }
            let shown = try ParsedJSON.parse(try AgoraBinary.run(["show", id, "--near", Self.home, "--format", "json"]).stdout)
            #expect(shown == .object(listed))
            let csv = try Self.read(try AgoraBinary.run(["show", id, "--format", "csv"]).stdout)
            #expect(csv.count == 2 && csv[0] == ProviderRecord.fields(for: kind, near: false).map(\.key))
        }
    }

    @Test func fieldsPicksColumnsInOrder() throws {
        let objects = try json(["list", "--kind", "gp", "--fields", "list_size,id", "--format", "json"])
        #expect(!objects.isEmpty && objects.allSatisfy { Set($0.keys) == ["list_size", "id"] })
        let csv = try AgoraBinary.run(["list", "--kind", "care", "--fields", "id, price_pence ,price_unit", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,price_pence,price_unit\n"))
        guard case .string(let id)? = objects.first?["id"] else { Issue.record("no id"); return }
        let table = try AgoraBinary.run(["show", id, "--fields", "ods_code,list_size"])
        #expect(table.stdout.split(separator: "\n").map { $0.split(separator: " ").first ?? "" } == ["ods_code", "list_size"])
    }

    @Test func anUnknownFieldListsTheValidOnes() throws {
        let run = try AgoraBinary.run(["list", "--kind", "care", "--fields", "id,fame"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("agora: unknown field \"fame\" for care for older people — use id, name, "))
        #expect(run.stderr.contains("accepts_direct_payments"))
        let near = try AgoraBinary.run(["list", "--kind", "gp", "--fields", "covers_home"])
        #expect(near.status == 2 && near.stderr.hasPrefix("agora: \"covers_home\" needs --near — give --near POSTCODE"), "\(near.stderr)")
        let twice = try AgoraBinary.run(["list", "--kind", "gp", "--fields", "id,name,ID"])
        #expect(twice.status == 2 && twice.stderr.hasPrefix("agora: --fields names \"ID\" twice — name each field once"), "\(twice.stderr)")
    }

    @Test func aMissingValueInAChosenFieldIsSaidNotLeftBlank() throws {
        let table = try AgoraBinary.run(["list", "--kind", "school", "--fields", "id,website"])
        #expect(table.stdout.split(separator: "\n").contains { $0.hasSuffix("  —") })
        #expect(table.stdout.hasSuffix("\n— not published\n"))
        let objects = try json(["list", "--kind", "school", "--fields", "id,website", "--format", "json"])
        guard case .string(let id)? = objects.first(where: { $0["website"] == .null })?["id"] else { Issue.record("no school without a website"); return }
        let one = try AgoraBinary.run(["show", id, "--fields", "id,website"])
        #expect(one.stdout.hasSuffix("website  not published\n"))
    }

    @Test func webAddressesAreNeverCutInTables() throws {
        let objects = try json(["list", "--kind", "care", "--fields", "id,website", "--format", "json"])
        let addresses = objects.compactMap { if case .string(let url)? = $0["website"] { return url }; return nil }
        #expect(addresses.contains { $0.count > 40 })  // wider than any other column may grow
        let table = try AgoraBinary.run(["list", "--kind", "care", "--fields", "id,name,website"])
        #expect(table.status == 0)
        for address in addresses { #expect(table.stdout.contains(address), "\(address)") }
    }

    @Test func theReadmeDocumentsTheShortlistsAndSettingsFields() throws {
        let data = try AgoraBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        guard case .string(let id)? = try json(["list", "--kind", "school", "--format", "json"]).first?["id"] else {
            Issue.record("no school id")
            return
        }
        #expect(try AgoraBinary.run(["--data-dir", data.path, "shortlist", "add", id]).status == 0)
        let entries = try ParsedJSON.parse(try AgoraBinary.run(["--data-dir", data.path, "shortlist", "--format", "json"]).stdout).objects
        guard case .object(let settings) = try ParsedJSON.parse(try AgoraBinary.run(["--data-dir", data.path, "settings", "--format", "json"]).stdout) else {
            Issue.record("settings are not an object")
            return
        }
        let readme = try String(contentsOf: AgoraBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let keys = Array(entries.first?.keys ?? [:].keys) + Array(settings.keys)
        #expect(keys.count == 9)
        #expect(keys.filter { !readme.contains("`\($0)`") }.isEmpty)
    }

    @Test func theReadmeDocumentsEveryField() throws {
        let readme = try String(contentsOf: AgoraBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let keys = ProviderKind.allCases.flatMap { ProviderRecord.fields(for: $0, near: true).map(\.key) }
        let undocumented = keys.filter { !readme.contains("| `\($0)` |") }
        #expect(undocumented.isEmpty)
    }
}
