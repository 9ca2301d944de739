import ChoiceKit

/// Makes GP practices: mostly GP partnerships, with company-run, social-enterprise and NHS-run ones,
/// grouped into primary care networks.
struct GPFactory {
    private var random: SeededRandom
    private let geography: Geography
    private var names = UniqueNames()

    init(random: SeededRandom, geography: Geography) {
        self.random = random
        self.geography = geography
    }

    mutating func make(count: Int) -> [Provider] {
        (0..<count).map { make(index: $0) }
    }

    private mutating func make(index: Int) -> Provider {
        let district = random.below(geography.districts.count)
        let place = geography.districts[district].name
        let type: GPPracticeType = index == 2 ? .walkInCentre : index > 3 && random.percent(8) ? .branchSurgery : .practice
        let (sector, organisation): (Sector, String)
        if type == .walkInCentre {
            (sector, organisation) = (.publicSector, "\(geography.districts[0].name) Community Health NHS Trust")
        } else {
            (sector, organisation) = index == 1 ? (.privateLargeGroup, "Vantage Primary Care Ltd") : random.weighted([
                ((.privateSmallOrMedium, "GP partnership"), 74), ((.privateLargeGroup, "Vantage Primary Care Ltd"), 9),
                ((.socialEnterprise, "\(geography.districts[0].name) Health Community Interest Company"), 9),
                ((.publicSector, "\(geography.districts[0].name) Community Health NHS Trust"), 8),
            ])
        }
        var registry = names // the closure below uses self.random, so the registry is claimed from a copy
        let name = registry.claim(place: place) { () -> String in
            switch type {
            case .walkInCentre: return "\(place) Walk-in Centre"
            case .branchSurgery: return random.pick(["\(place) Branch Surgery", "\(random.pick(Words.streets)) Branch Surgery"])
            case .practice:
                return random.pick(["\(place) Medical Centre", "\(place) Surgery", "\(random.pick(Words.streets)) Surgery",
                                    "The \(place) Practice", "\(place) Health Centre", "\(place) Family Practice",
                                    "\(random.pick(Words.streets)) Medical Practice", "\(random.pick(Words.trees)) Tree Surgery"])
            }
        }
        names = registry
        let entry = geography.postcode(in: district, random: &random)
        let location = random.percent(85) ? geography.nearby(entry, random: &random) : entry.location
        let listSize = type == .walkInCentre ? nil : random.percent(3) ? nil : random.int(25...220) * 100
        let fte = listSize.map { Tenths(tenths: Int32(max(10, $0 / 220 + random.int(-8...8)))) }
        let accepting: Bool? = type == .walkInCentre ? nil : random.weighted([(true as Bool?, 84), (false, 11), (nil, 5)])
        var catchment: Catchment?
        if type != .walkInCentre {
            if random.percent(15) {
                let metres = Double(random.int(1_500...3_500))
                let corners = [(1.0, 0.0), (0.5, 0.9), (-0.6, 0.8), (-1.0, -0.1), (-0.3, -0.95), (0.6, -0.7)].map { corner in
                    let (lat, lon) = Geography.offset(
                        latitude: Int((location.latitude * 100_000).rounded()), longitude: Int((location.longitude * 100_000).rounded()),
                        northMetres: corner.0 * metres, eastMetres: corner.1 * metres)
                    return GeoPoint(latitude: Double(lat) / 100_000, longitude: Double(lon) / 100_000)
                }
                catchment = .polygon(corners)
            } else {
                catchment = .radius(centre: location, metres: random.int(15...45) * 100)
            }
        }
        let survey = random.percent(5) ? nil : Tenths(tenths: Int32(max(380, min(975, random.bell(mean: 745, spread: 110)))))
        let assessment: CQCAssessment
        switch random.weighted([(0, 6), (1, 80), (2, 8), (3, 2), (4, 4)]) {
        case 4: assessment = .notYetRated
        case let level:
            let overall = [CQCRating.outstanding, .good, .requiresImprovement, .inadequate][level]
            assessment = .rated(CQCRatings(overall: overall, keyQuestions: [nil, nil, nil, nil, nil],
                                           reportDate: random.date(from: KnownDates.day(2016, 1, 1), to: KnownDates.day(2026, 8, 31))))
        }
        var online = ["NHS App"]
        for service in ["online appointments", "repeat prescriptions", "online consultation", "video consultation"] where random.percent(70) {
            online.append(service)
        }
        let hours = type == .walkInCentre ? "Every day 08:00–20:00"
            : "Mon–Fri 08:00–18:30" + (random.percent(35) ? "; Sat 09:00–12:00 (booked appointments)" : "")
        let ods = String(index + 1)
        let details = GPDetails(
            odsCode: "Z" + String(repeating: "0", count: max(0, 5 - ods.count)) + ods, practiceType: type,
            primaryCareNetwork: type == .walkInCentre ? nil : "\(geography.districts[district % max(1, geography.districts.count / 3 * 3) / 3 * 3].name) PCN",
            listSize: listSize, gpFullTimeEquivalent: fte, acceptingNewPatients: accepting, catchment: catchment,
            surveyGoodExperience: type == .walkInCentre ? nil : survey, assessment: assessment, openingHours: hours,
            onlineServices: type == .walkInCentre ? [] : online)
        return Provider(
            id: "G\(index + 1)", name: name, sector: sector, organisation: organisation == "GP partnership" ? "" : organisation,
            commissionerID: "icb", address: "\(random.int(1...200)) \(random.pick(Words.streets))", town: entry.town,
            postcode: entry.postcode, location: location, phone: Contacts.phone(&random),
            website: random.percent(92) ? Contacts.website(for: name) : nil, details: .gp(details))
    }
}
