/// A provider as a flat row of typed fields, for `agora list` and `agora show` in CSV and JSON.
/// Field names are stable snake_case (those of the catalog's own columns where there is one), and
/// each kind has a fixed set, so a script can rely on every key being present, null when missing.
public struct RecordField: Sendable {
    public let key: String
    public let type: FieldType
    /// One line for the README and `--fields` help.
    public let about: String
    let read: @Sendable (Provider, RecordContext) -> FieldValue

    init(_ key: String, _ type: FieldType, _ about: String, read: @escaping @Sendable (Provider, RecordContext) -> FieldValue) {
        self.key = key
        self.type = type
        self.about = about
        self.read = read
    }

    public func value(of provider: Provider, in context: RecordContext) -> FieldValue {
        let value = read(provider, context)
        // A field never carries a value of another type than it says, whatever the catalog holds.
        return type.admits(value) ? value : .null
    }
}

/// What a record is read against: the catalog (commissioners' names) and, with `--near`, the home.
public struct RecordContext: Sendable {
    public let catalog: Catalog
    public let origin: GeoPoint?

    public init(catalog: Catalog, origin: GeoPoint?) {
        self.catalog = catalog
        self.origin = origin
    }
}

public enum ProviderRecord {
    /// Every field of a kind, in order: those every provider has, the distance when measured from
    /// a home, then the kind's own.
    public static func fields(for kind: ProviderKind, near: Bool) -> [RecordField] {
        var fields = common
        if near { fields.append(distance) }
        switch kind {
        case .school: fields += SchoolRecordFields.all
        case .care: fields += CareRecordFields.all
        case .gp: fields += GPRecordFields.all(near: near)
        case .other: fields += ContractRecordFields.all
        }
        return fields
    }

    /// The fields named in `keys`, in that order; the unknown names when any is not a field.
    public static func select(_ keys: [String], from fields: [RecordField]) -> Result<[RecordField], UnknownFields> {
        var chosen: [RecordField] = []
        var unknown: [String] = []
        for key in keys {
            if let field = fields.first(where: { $0.key == key.lowercased() }) { chosen.append(field) } else { unknown.append(key) }
        }
        return unknown.isEmpty ? .success(chosen) : .failure(UnknownFields(names: unknown))
    }

    public struct UnknownFields: Error, Hashable, Sendable {
        public let names: [String]
    }

    static let common: [RecordField] = [
        RecordField("id", .text, "the catalog's id for the provider") { provider, _ in .text(provider.id) },
        RecordField("name", .text, "its name") { provider, _ in .text(provider.name) },
        RecordField("kind", .text, "school, care, gp or other") { provider, _ in .text(provider.kind.rawValue) },
        RecordField("sub_type", .text, "the type within the kind") { provider, _ in .text(provider.subType) },
        RecordField("sector", .text, "who runs it: private large group, private small or medium, voluntary or charity, social enterprise or public") { provider, _ in
            .text(provider.sector.label)
        },
        RecordField("organisation", .text, "trust, group, chain, council or contractor; null when it stands alone") { provider, _ in
            .text(provider.organisation)
        },
        RecordField("commissioner", .text, "who buys or funds the service") { provider, context in
            .text(context.catalog.commissionerName(provider.commissionerID))
        },
        RecordField("address", .text, "street address") { provider, _ in .text(provider.address) },
        RecordField("town", .text, "town") { provider, _ in .text(provider.town) },
        RecordField("postcode", .text, "postcode") { provider, _ in .text(provider.postcode) },
        RecordField("latitude", .number, "WGS84 degrees, five places (the postcode's when the catalog gives none)") { provider, _ in
            .degrees(provider.location.latitude)
        },
        RecordField("longitude", .number, "WGS84 degrees, five places") { provider, _ in .degrees(provider.location.longitude) },
        RecordField("phone", .text, "phone number") { provider, _ in .text(provider.phone) },
        RecordField("website", .text, "web address") { provider, _ in .text(provider.website) },
    ]

    static let distance = RecordField("distance_m", .integer, "metres in a straight line from --near (only with --near)") { provider, context in
        guard let origin = context.origin else { return .null }
        let metres = origin.distance(to: provider.location)
        return metres.isFinite ? .integer(Int64(metres.rounded())) : .null
    }
}
