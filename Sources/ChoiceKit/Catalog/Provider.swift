/// One provider of a public service: a school, a care service, a GP practice, or a contractor.
/// Immutable, and a reference type: a catalog of 100,000 is passed around, indexed and drawn
/// without copying a dozen strings each time a provider is read.
public final class Provider: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let sector: Sector
    /// Trust, group, chain, council or contractor; empty when the provider stands alone.
    public let organisation: String
    /// Id of a commissioner in the manifest: who buys or funds the service.
    public let commissionerID: String
    public let address: String
    public let town: String
    public let postcode: String
    public let location: GeoPoint
    public let phone: String?
    public let website: String?
    public let details: ProviderDetails

    public init(id: String, name: String, sector: Sector, organisation: String, commissionerID: String,
                address: String, town: String, postcode: String, location: GeoPoint, phone: String?,
                website: String?, details: ProviderDetails) {
        self.id = id
        self.name = name
        self.sector = sector
        self.organisation = organisation
        self.commissionerID = commissionerID
        self.address = address
        self.town = town
        self.postcode = postcode
        self.location = location
        self.phone = phone
        self.website = website
        self.details = details
    }

    public static func == (lhs: Provider, rhs: Provider) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.name == rhs.name && lhs.sector == rhs.sector
            && lhs.organisation == rhs.organisation && lhs.commissionerID == rhs.commissionerID
            && lhs.address == rhs.address && lhs.town == rhs.town && lhs.postcode == rhs.postcode
            && lhs.location == rhs.location && lhs.phone == rhs.phone && lhs.website == rhs.website
            && lhs.details == rhs.details)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
    }

    public var kind: ProviderKind {
        switch details {
        case .school: return .school
        case .care: return .care
        case .gp: return .gp
        case .other: return .other
        }
    }

    /// Type within the kind: "Academy converter", "Care home with nursing", "GP practice".
    public var subType: String {
        switch details {
        case .school(let school): return school.type.label
        case .care(let care): return care.mainService.label
        case .gp(let gp): return gp.practiceType.label
        case .other(let contract): return contract.serviceDescription
        }
    }

    public var school: SchoolDetails? { if case .school(let value) = details { return value }; return nil }
    public var care: CareDetails? { if case .care(let value) = details { return value }; return nil }
    public var gp: GPDetails? { if case .gp(let value) = details { return value }; return nil }
    public var contract: ContractDetails? { if case .other(let value) = details { return value }; return nil }
}

/// Kind-specific fields. Indirect so a provider table stays compact whatever the largest kind is.
public indirect enum ProviderDetails: Hashable, Sendable {
    case school(SchoolDetails)
    case care(CareDetails)
    case gp(GPDetails)
    case other(ContractDetails)
}
