extension ProviderRowDecoder {
    static let gpColumns = GPColumnIDs(GPColumns.layout)
    private static let practiceTypes = LabelTable<GPPracticeType>()

    func decodeGP(_ row: inout RowDecoder, location: GeoPoint?) -> GPDetails? {
        let ods = row.requiredText(Self.gpColumns.odsCode, fix: "give the practice's ODS code, e.g. Z99001")
        if let ods, !Self.isODSCode(ods) {
            row.problem("ods_code", "\(MessageText.quoted(ods)) is not an ODS practice code", "practice codes are a letter and five characters, e.g. Z99001")
        }
        let type = requiredLabel(&row, Self.gpColumns.subType, Self.practiceTypes)
        let radius = row.int(Self.gpColumns.catchmentRadiusM, in: 100...50_000, example: "2500")
        let polygon = decodePolygon(&row, Self.gpColumns.catchmentPolygon)
        var catchment: Catchment?
        if let polygon {
            catchment = .polygon(polygon)
        } else if let radius, let location {
            catchment = .radius(centre: location, metres: radius)
        }
        let assessment = decodeAssessment(&row, overall: Self.gpColumns.cqcOverall, reportDate: Self.gpColumns.cqcReportDate,
                                          keyQuestions: [])
        guard let ods, let type, let assessment else { return nil }
        return GPDetails(
            odsCode: ods, practiceType: type, primaryCareNetwork: row.sharedText(Self.gpColumns.pcn),
            listSize: row.int(Self.gpColumns.listSize, in: 0...200_000, example: "8400"),
            gpFullTimeEquivalent: row.tenths(Self.gpColumns.gpFte, in: 0...1000, example: "5.6"),
            acceptingNewPatients: row.yesNo(Self.gpColumns.acceptingNewPatients), catchment: catchment,
            surveyGoodExperience: row.tenths(Self.gpColumns.surveyGoodPct, in: 0...1000, example: "75.4"),
            assessment: assessment, openingHours: row.sharedText(Self.gpColumns.openingHours),
            onlineServices: row.sharedList(Self.gpColumns.onlineServices))
    }

    /// `lat lon|lat lon|…`, at least three corners.
    private func decodePolygon(_ row: inout RowDecoder, _ column: ColumnID) -> [GeoPoint]? {
        let corners = row.list(column)
        guard !corners.isEmpty else { return nil }
        var points: [GeoPoint] = []
        for corner in corners {
            let parts = corner.split(separator: " ")
            guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
                  (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                row.problem(column.name, "\(MessageText.quoted(corner)) is not a \"latitude longitude\" corner",
                            "write corners like 52.631 -1.121|52.640 -1.110|52.622 -1.100")
                return nil
            }
            points.append(GeoPoint(latitude: latitude, longitude: longitude))
        }
        guard points.count >= 3 else {
            row.problem(column.name, "has \(points.count) corners", "a catchment polygon needs at least three")
            return nil
        }
        return points
    }

    static func isODSCode(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        return characters.count == 6 && (65...90).contains(characters[0])
            && characters.dropFirst().allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
    }
}
