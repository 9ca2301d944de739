import ChoiceKit

/// Providers as typed records: CSV with one header row, JSON objects with every field present
/// (null when missing), or, when `--fields` picks columns, a table of them for people.
struct ProviderRecordOutput {
    let fields: [RecordField]
    let context: RecordContext

    /// The kind's fields, or those `--fields` names (comma-separated), refused with the valid names.
    static func fields(for kind: ProviderKind, near: Bool, selection: String?) throws(Failure) -> [RecordField] {
        let all = ProviderRecord.fields(for: kind, near: near)
        guard let selection else { return all }
        let keys = selection.split(separator: ",").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
        guard !keys.isEmpty else {
            throw Failure.usage("--fields is empty — name one or more of: \(all.map(\.key).joined(separator: ", "))")
        }
        var seen = Set<String>()
        if let repeated = keys.first(where: { !seen.insert($0.lowercased()).inserted }) {
            throw Failure.usage("--fields names \(MessageText.quoted(repeated)) twice — name each field once")
        }
        switch ProviderRecord.select(keys, from: all) {
        case .success(let chosen): return chosen
        case .failure(let unknown):
            let names = unknown.names.map { MessageText.quoted($0) }.joined(separator: ", ")
            let nearOnly = ProviderRecord.fields(for: kind, near: true).map(\.key).filter { key in !all.contains { $0.key == key } }
            if !near, unknown.names.allSatisfy({ nearOnly.contains($0.lowercased()) }) {
                throw Failure.usage("\(names) \(unknown.names.count == 1 ? "needs" : "need") --near — give --near POSTCODE to measure from there, or leave \(unknown.names.count == 1 ? "it" : "them") out")
            }
            let extra = !near && unknown.names.contains(where: { nearOnly.contains($0.lowercased()) }) ? " (\(nearOnly.joined(separator: " and ")) need --near)" : ""
            throw Failure.usage("unknown field\(unknown.names.count == 1 ? "" : "s") \(names) for \(kind.inSentence)\(extra) — use \(all.map(\.key).joined(separator: ", "))")
        }
    }

    func values(_ provider: Provider) -> [FieldValue] { fields.map { $0.value(of: provider, in: context) } }

    func csv(_ providers: [Provider]) -> String {
        CSVWriter.row(fields.map(\.key)) + providers.map { provider in
            CSVWriter.row(values(provider).map(Self.cell))
        }.joined()
    }

    /// Text could be read as a formula by a spreadsheet, so it is made safe; numbers, dates and
    /// booleans are written as they are (a negative Progress 8 stays a number).
    static func cell(_ value: FieldValue) -> String {
        switch value {
        case .string, .list: return CSVWriter.spreadsheetSafe(value.csvText)
        default: return value.csvText
        }
    }

    func object(_ provider: Provider) -> JSONValue {
        .object(zip(fields, values(provider)).map { ($0.key, $1.json) })
    }

    func json(_ providers: [Provider]) -> String { JSONValue.array(providers.map(object)).text() + "\n" }

    /// For people: a missing value is "—", explained under the table, as in the default table.
    func table(_ providers: [Provider]) -> String {
        let rows = providers.map { values($0).map { TextSafety.inert($0.csvText.isEmpty ? ShortText.notPublished : $0.csvText) } }
        let numeric = fields.enumerated().filter { $0.element.type == .integer || $0.element.type == .number }.map(\.offset)
        let legend = rows.contains { $0.contains(ShortText.notPublished) } ? "\n\(ShortText.notPublished) not published\n" : ""
        return TextTable.render(headers: fields.map(\.key), rows: rows, rightAligned: Set(numeric)) + legend
    }
}
