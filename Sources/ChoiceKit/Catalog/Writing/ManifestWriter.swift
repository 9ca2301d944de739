/// Writes `manifest.json` by hand so its layout is stable and diff-friendly: one postcode per line.
public enum ManifestWriter {
    public static func json(_ manifest: Manifest) -> String {
        var out = "{\n"
        out += "  \"format\": \(quote(Manifest.formatName)),\n"
        out += "  \"format_version\": \(manifest.formatVersion),\n"
        let area = manifest.area
        out += "  \"area\": {\n"
        out += "    \"name\": \(quote(area.name)),\n"
        out += "    \"notice\": \(quote(area.notice)),\n"
        out += "    \"description\": \(quote(area.description)),\n"
        out += "    \"local_authority\": \(quote(area.localAuthority)),\n"
        out += "    \"centre\": {\"latitude\": \(ProviderTableWriter.degrees(area.centre.latitude)), \"longitude\": \(ProviderTableWriter.degrees(area.centre.longitude))},\n"
        out += "    \"radius_km\": \(FixedPoint.format(Int64((area.radiusKilometres * 10).rounded()), places: 1))\n"
        out += "  },\n"
        out += "  \"data_dates\": [\n"
        out += manifest.dataDates.map {
            "    {\"topic\": \(quote($0.topic)), \"label\": \(quote($0.label)), \"as_of\": \(quote($0.asOf.iso))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"commissioners\": [\n"
        out += manifest.commissioners.map {
            "    {\"id\": \(quote($0.id)), \"name\": \(quote($0.name)), \"type\": \(quote($0.type)), \"role\": \(quote($0.role))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"services\": [\n"
        out += manifest.services.map { service in
            let buyers = service.commissionerIDs.map(quote).joined(separator: ", ")
            return "    {\"id\": \(quote(service.id)), \"name\": \(quote(service.name)), \"kind\": \(quote(service.kind.rawValue)), "
                + "\"commissioners\": [\(buyers)], \"citizens_choose\": \(service.citizensChoose),\n"
                + "     \"who_buys\": \(quote(service.whoBuys)),\n"
                + "     \"citizen_say\": \(quote(service.citizenSay))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += admissionsJSON(manifest)
        out += "  \"files\": {"
        out += ProviderKind.allCases.compactMap { kind in manifest.files[kind].map { "\(quote(kind.rawValue)): \(quote($0))" } }
            .joined(separator: ", ")
        out += "},\n"
        out += "  \"sources\": [\n"
        out += manifest.sources.map {
            "    {\"name\": \(quote($0.name)), \"publisher\": \(quote($0.publisher)), \"url\": \(quote($0.url)), "
                + "\"licence\": \(quote($0.licence)), \"used_for\": \(quote($0.usedFor))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        // Council policies exist from format 3; an older manifest is written without them.
        if manifest.formatVersion >= 3, let policies = manifest.councilPolicies { out += councilPolicies(policies) }
        out += "  \"postcodes\": [\n"
        out += manifest.postcodes.map {
            "    [\(quote($0.postcode)), \(ProviderTableWriter.degrees($0.location.latitude)), \(ProviderTableWriter.degrees($0.location.longitude)), \(quote($0.town))]"
        }.joined(separator: ",\n") + "\n  ]\n"
        out += "}\n"
        return out
    }

    static func quote(_ text: String) -> String { JSONValue.quote(text) }

    /// Unpublished settings are written as null, so a reader of the file sees that they are not known.
    static func councilPolicies(_ policies: CouncilPolicies) -> String {
        func amount(_ money: Money?) -> String { money.map { quote($0.plainText) } ?? "null" }
        var out = "  \"council_policies\": {\n"
        out += "    \"council\": \(quote(policies.councilID)), \"as_of\": \(quote(policies.asOf.iso)), \"url\": \(quote(policies.url)),\n"
        out += "    \"payment_interval_weeks\": \(policies.paymentIntervalWeeks.map(String.init) ?? "null"),\n"
        out += "    \"contingency_weeks\": \(policies.contingencyWeeks.map(String.init) ?? "null"),\n"
        out += "    \"direct_payments_may_buy_council_services\": \(policies.directPaymentsMayBuyCouncilServices.map { $0 ? "true" : "false" } ?? "null"),\n"
        out += "    \"standard_dre_weekly\": \(amount(policies.standardDisabilityRelatedExpenditure)),\n"
        let charging = policies.charging
        let figures = [("year", charging.year.map(quote) ?? "null")]
            + CouncilPolicies.chargingKeys.map { ($0.key, amount(charging[keyPath: $0.path])) }
        out += "    \"charging\": {" + figures.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
        out += "  },\n"
        return out
    }
}
