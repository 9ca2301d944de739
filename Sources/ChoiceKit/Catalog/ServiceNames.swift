/// The words people use for a service on the command line: the home page's name ("Schools",
/// "Care for older people", "GP practices"), its first word ("schools", "care", "gp", "waste"),
/// singular or plural, or the service's id in the catalog ("older-peoples-care").
extension Manifest {
    public func service(named text: String) -> Service? {
        let wanted = Self.serviceKey(text)
        guard !wanted.isEmpty else { return nil }
        if let exact = services.first(where: { Self.serviceKey($0.id) == wanted }) { return exact }
        let singular = wanted.hasSuffix("s") ? String(wanted.dropLast()) : wanted
        if let named = services.first(where: { service in
            Self.names(of: service).contains { $0 == wanted || $0 == singular || $0 == wanted + "s" }
        }) {
            return named
        }
        // The kind's own words (`list --kind` takes them too), when one service has that kind.
        guard let kind = ProviderKind(userText: wanted) ?? ProviderKind(userText: singular), kind != .other else { return nil }
        let ofKind = services.filter { $0.kind == kind }
        return ofKind.count == 1 ? ofKind[0] : nil
    }

    /// The short names to offer when a name is not known: "schools, care, gp, waste, probation or employment".
    public var serviceWords: String {
        let words = services.map { Self.names(of: $0).last ?? $0.id }
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }

    /// The whole name as one word ("care-for-older-people"), then its first word ("care").
    static func names(of service: Service) -> [String] {
        let whole = serviceKey(service.name)
        let first = whole.split(separator: "-").first.map(String.init) ?? whole
        return first == whole ? [whole] : [whole, first]
    }

    /// Lower case, with spaces and underscores as hyphens: "GP practices" → "gp-practices".
    static func serviceKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "_" || $0 == "-" })
            .joined(separator: "-")
    }
}
