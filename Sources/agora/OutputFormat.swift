import ChoiceKit

enum OutputFormat: String {
    case table, csv, json, text, md

    static func parse(_ text: String, allowed: [OutputFormat]) throws -> OutputFormat {
        guard let format = OutputFormat(rawValue: text.lowercased()), allowed.contains(format) else {
            throw Failure.usage("unknown format \(MessageText.quoted(text)) — use \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }
}
