/// "Can I register here?" for a home postcode, answered from the practice's catchment and list,
/// with the rules behind the answer and, when the answer is not yes, the nearest practices that
/// would take you.
public struct RegistrationAnswer: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        /// Your home is inside the catchment and the list is open.
        case yes
        /// Outside the catchment: only if the practice agrees to register you as out of area.
        case onlyIfTheyAgree
        /// The list is closed to new patients.
        case notNow
        /// Not a practice you join (a walk-in centre).
        case notApplicable
        /// The catalog lacks the list status or catchment.
        case unknown
    }

    public let verdict: Verdict
    /// One sentence saying why.
    public let reason: String
    /// Where you could register instead: open practices whose catchment covers your home, nearest first.
    public let alternatives: [Alternative]

    public struct Alternative: Hashable, Sendable {
        public let provider: Provider
        public let metres: Double
    }

    public var headline: String {
        switch verdict {
        case .yes: return "Yes"
        case .onlyIfTheyAgree: return "Only if the practice agrees"
        case .notNow: return "Not now"
        case .notApplicable: return "You do not register here"
        case .unknown: return "Ask the practice"
        }
    }

    public var tone: Tone {
        switch verdict {
        case .yes: return .good
        case .onlyIfTheyAgree, .unknown: return .fair
        case .notNow: return .poor
        case .notApplicable: return .neutral
        }
    }

    /// What everyone registering should know.
    public static let rights = [GPFacts.noProofNeeded.value, GPFacts.refusalRule.value]
}

public enum GPRegistration {
    public static func covers(_ gp: GPDetails, _ home: GeoPoint) -> Bool? { gp.catchment?.contains(home) }

    public static func answer(_ practice: Provider, home: Manifest.PostcodeEntry, in catalog: Catalog) -> RegistrationAnswer {
        guard let gp = practice.gp else {
            return RegistrationAnswer(verdict: .notApplicable, reason: "This is not a GP practice.", alternatives: [])
        }
        if gp.practiceType == .walkInCentre {
            return RegistrationAnswer(verdict: .notApplicable,
                                      reason: "A walk-in centre sees anyone without registering; you register with a GP practice instead.",
                                      alternatives: alternatives(home: home, in: catalog, excluding: practice.id))
        }
        let inside = covers(gp, home.location)
        switch (gp.acceptingNewPatients, inside) {
        case (false?, let covered):
            // Both reasons when both hold: reopening alone would not make it a yes.
            let outside = covered == false ? " Your home (\(home.postcode)) is also outside its catchment area, so even when it reopens it would register you only if it agrees." : ""
            return RegistrationAnswer(verdict: .notNow, reason: "Its list is closed to new patients for now.\(outside)",
                                      alternatives: alternatives(home: home, in: catalog, excluding: practice.id))
        case (true?, true?):
            return RegistrationAnswer(verdict: .yes, reason: "Your home (\(home.postcode)) is inside its catchment area and its list is open.",
                                      alternatives: [])
        case (true?, false?):
            return RegistrationAnswer(verdict: .onlyIfTheyAgree,
                                      reason: "Your home (\(home.postcode)) is outside its catchment area. \(GPFacts.outOfArea.value)",
                                      alternatives: alternatives(home: home, in: catalog, excluding: practice.id))
        case (nil, _):
            return RegistrationAnswer(verdict: .unknown, reason: "Whether its list is open is not published: ask the practice.",
                                      alternatives: alternatives(home: home, in: catalog, excluding: practice.id))
        case (true?, nil):
            return RegistrationAnswer(verdict: .unknown, reason: "Its list is open, but its catchment area is not published: ask whether it covers \(home.postcode).",
                                      alternatives: [])
        }
    }

    /// Open practices whose catchment covers the home, nearest first.
    public static func alternatives(home: Manifest.PostcodeEntry, in catalog: Catalog, excluding id: String? = nil,
                                    limit: Int = 3) -> [RegistrationAnswer.Alternative] {
        Array(nearest(home: home, in: catalog, openOnly: true, coversHome: true).filter { $0.provider.id != id }.prefix(limit))
    }

    /// GP practices by distance from the home, optionally only open ones or only those covering it.
    public static func nearest(home: Manifest.PostcodeEntry, in catalog: Catalog, openOnly: Bool, coversHome: Bool)
        -> [RegistrationAnswer.Alternative] {
        var query = ProviderQuery(kind: .gp, origin: home.location, sort: SortOrder(field: .distance))
        query.filters.acceptingNewPatientsOnly = openOnly
        query.filters.coversHomeOnly = coversHome
        return catalog.run(query).positions.compactMap { position in
            let provider = catalog.providers[Int(position)]
            guard provider.gp?.practiceType != .walkInCentre else { return nil }
            return RegistrationAnswer.Alternative(provider: provider, metres: catalog.distance(from: home.location, toProviderAt: Int(position)))
        }
    }
}
