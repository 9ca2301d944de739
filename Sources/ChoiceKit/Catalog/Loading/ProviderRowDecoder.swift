/// Turns one checked row into a `Provider`: the columns every table shares, then the kind's own.
struct ProviderRowDecoder {
    let kind: ProviderKind
    let common: CommonColumnIDs
    let layout: TableLayout
    let context: LoadContext
    let sectors = LabelTable<Sector>()

    init(layout: TableLayout, context: LoadContext) {
        kind = layout.kind
        common = CommonColumnIDs(layout)
        self.layout = layout
        self.context = context
    }

    func decode(_ row: inout RowDecoder) -> Provider? {
        let id = row.requiredText(common.id, fix: "give every provider a unique id")
        let name = row.requiredText(common.name, fix: "give the provider's name")
        let sector = requiredLabel(&row, common.sector, sectors)
        let organisation = row.sharedText(common.organisation) ?? ""
        let commissioner = row.isEmpty(common.commissioner)
            ? row.requiredText(common.commissioner, fix: "name a commissioner id from manifest.json") : row.sharedText(common.commissioner)
        if let commissioner, !context.commissionerIDs.contains(commissioner) {
            row.problem(common.commissioner.name, "\(MessageText.quoted(commissioner)) is not a commissioner in manifest.json",
                        "use one of \(context.commissionerChoices)")
        }
        let address = row.text(common.address) ?? ""
        let (postcode, postcodeEntry) = decodePostcode(&row)
        let location = decodeLocation(&row, postcode: postcodeEntry)
        let town = row.sharedText(common.town) ?? postcodeEntry?.town ?? ""
        let phone = row.text(common.phone)
        let website = row.text(common.website)
        let details: ProviderDetails?
        switch kind {
        case .school: details = decodeSchool(&row).map(ProviderDetails.school)
        case .care: details = decodeCare(&row).map(ProviderDetails.care)
        case .gp: details = decodeGP(&row, location: location).map(ProviderDetails.gp)
        case .other: details = decodeContract(&row).map(ProviderDetails.other)
        }
        guard let id, let name, let sector, let commissioner, let postcode, let location, let details else { return nil }
        return Provider(id: id, name: name, sector: sector, organisation: organisation, commissionerID: commissioner,
                        address: address, town: town, postcode: postcode, location: location, phone: phone,
                        website: website, details: details)
    }

    func requiredLabel<Value: LabelledValue>(_ row: inout RowDecoder, _ column: ColumnID, _ table: LabelTable<Value>) -> Value? {
        if row.isEmpty(column) {
            row.problem(column.name, "is empty", "use one of \(Value.labelList)")
            return nil
        }
        return row.label(column, table)
    }

    private func decodePostcode(_ row: inout RowDecoder) -> (String?, Manifest.PostcodeEntry?) {
        guard let raw = row.requiredText(common.postcode, fix: "give the provider's postcode, e.g. KM1 1AA") else { return (nil, nil) }
        // Most postcodes are already written canonically; normalise only when the plain lookup misses.
        guard let entry = context.postcodes[raw] ?? context.postcodes[PostcodeFormat.normalise(raw)] else {
            row.problem(common.postcode.name, "\(MessageText.quoted(raw)) is not in the manifest's postcodes",
                        "add it with its coordinates to \"postcodes\" in manifest.json, or correct it")
            return (nil, nil)
        }
        return (entry.postcode, entry)
    }

    /// The row's own coordinates if given (both of them), else its postcode's.
    private func decodeLocation(_ row: inout RowDecoder, postcode: Manifest.PostcodeEntry?) -> GeoPoint? {
        let latitude = row.coordinate(common.latitude, limit: 90)
        let longitude = row.coordinate(common.longitude, limit: 180)
        let latitudeEmpty = row.isEmpty(common.latitude), longitudeEmpty = row.isEmpty(common.longitude)
        if latitudeEmpty != longitudeEmpty {
            row.problem(latitudeEmpty ? common.latitude.name : common.longitude.name, "is empty but its partner is given",
                        "give both latitude and longitude, or leave both empty to use the postcode's")
            return nil
        }
        guard let latitude, let longitude else { return latitudeEmpty ? postcode?.location : nil }
        let point = GeoPoint(latitude: latitude, longitude: longitude)
        let distance = context.area.centre.distance(to: point)
        if distance > context.areaLimitMetres {
            row.problem(common.latitude.name,
                        "\(latitude), \(longitude) is \(DistanceText.format(metres: distance)) from the centre of \(context.area.name), outside the area",
                        "check the coordinates (latitude first), or leave both empty to use the postcode's")
            return nil
        }
        return point
    }
}
