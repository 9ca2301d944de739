import ChoiceKit

/// Looking up what a person typed in the catalog, with the one-line refusals every command gives.
extension Catalog {
    /// `option` names where the postcode was given, for an empty one ("--near is empty").
    func requirePostcode(_ text: String, option: String? = nil) throws -> Manifest.PostcodeEntry {
        let example = manifest.postcodes.first?.postcode ?? "KM1 1AA"
        if text.allSatisfy(\.isWhitespace) {
            throw Failure.usage("\(option.map { "\($0) is empty" } ?? "the postcode is empty") — give a postcode, e.g. \(example)")
        }
        guard let entry = postcode(text) else {
            throw Failure.usage("unknown postcode \(MessageText.quoted(text)): it is not in the \(manifest.area.name) catalog — give one of its postcodes, like \(example)")
        }
        return entry
    }

    /// A service by the words of the home page ("schools", "care", "gp"…) or its id.
    func requireService(_ text: String) throws -> Manifest.Service {
        guard let service = manifest.service(named: text) else {
            throw Failure.usage("unknown service \(MessageText.quoted(text)) — use \(manifest.serviceWords)")
        }
        return service
    }

    func requireProvider(_ id: String, kind: ProviderKind? = nil) throws -> Provider {
        guard let provider = provider(id: id) ?? provider(id: id.uppercased()) else {
            throw Failure.usage("unknown id \(MessageText.quoted(id)) — `agora list --kind \(kind?.rawValue ?? "school")` shows the ids")
        }
        if let kind, provider.kind != kind {
            throw Failure.usage("\(MessageText.quoted(id)) is \(provider.kind.singular.withArticle), not \(kind.singular.withArticle) — `agora list --kind \(kind.rawValue)` shows the ids")
        }
        return provider
    }
}

extension String {
    /// "a GP practice", "an other public service".
    var withArticle: String { (["a", "e", "i", "o", "u"].contains(prefix(1).lowercased()) ? "an " : "a ") + self }
}

extension ProviderKind {
    /// "schools", "care for older people", "GP practices": the label inside a sentence.
    var inSentence: String { self == .gp ? label : label.lowercased() }
}
