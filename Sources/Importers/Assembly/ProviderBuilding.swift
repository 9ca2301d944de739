import ChoiceKit

/// Records read from the national files made into catalog providers: placed in the area (or
/// counted as outside it), given their commissioner and sector, and checked against ids already
/// taken.
struct ProviderBuilding {
    let placement: Placement
    /// Ids of providers of other kinds kept in the catalog.
    let takenIDs: Set<String>
    var commissioners: Commissioners

    private struct SectorKey: Hashable, Sendable {
        let funding: SchoolFunding
        let proprietor: String
    }

    mutating func schools(_ read: GIASRead, section: inout ImportReport.FileSection) -> [Provider] {
        /// What can be worked out of one school on any core: its place, and its provider.
        struct Worked {
            let placed: Result<GeoPoint, Placement.PlacementMiss>
            var stray: String?
            var provider: Provider?
        }
        let placement = self.placement
        // Many independent schools share a proprietor, whose name is looked at once.
        var sectorByProprietor: [SectorKey: Sector] = [:]
        for school in read.schools where SectorRules.schoolSectorReadsProprietor(school.funding) {
            let key = SectorKey(funding: school.funding, proprietor: school.proprietor)
            if sectorByProprietor[key] == nil { sectorByProprietor[key] = SectorRules.school(school.funding, proprietor: school.proprietor) }
        }
        let sectors = sectorByProprietor
        let worked = InParts.map(read.schools) { school -> Worked in
            let placed = placement.place(postcode: school.postcode, own: school.location,
                                         authorityNames: [school.localAuthority.name, school.localAuthority.gss])
            var worked = Worked(placed: placed)
            guard case .success(let location) = placed else { return worked }
            worked.stray = placement.strayNote(postcode: school.postcode, own: school.location)
            let details = SchoolDetails(
                urn: school.urn, type: school.type, trustType: school.trustType, phase: school.phase, statutoryAges: school.ages,
                gender: school.gender, religiousCharacter: school.religiousCharacter, admissionsPolicy: school.admissionsPolicy,
                hasSixthForm: school.hasSixthForm, capacity: school.capacity, pupils: school.pupils, publishedAdmissionNumber: nil,
                applicationsLastRound: nil, lastOffer: .notPublished, inspection: school.inspection, ks2ExpectedStandard: nil,
                ks4Attainment8: nil, ks4Grade5EnglishMaths: nil, ks4Progress8: nil)
            worked.provider = Provider(
                id: String(school.urn), name: school.name,
                sector: SectorRules.schoolSectorReadsProprietor(school.funding) ? sectors[SectorKey(funding: school.funding, proprietor: school.proprietor)]
                    ?? SectorRules.school(school.funding, proprietor: school.proprietor) : SectorRules.school(school.funding, proprietor: ""),
                organisation: school.organisation,
                commissionerID: Commissioners.schoolID(school.funding, authority: school.localAuthority.name),
                address: school.address, town: school.town, postcode: school.postcode, location: location,
                phone: school.phone.map(PhoneNumbers.grouped), website: school.website, details: .school(details))
            return worked
        }
        // The report and the commissioners in file order, on this core. GIAS lists a local
        // authority's schools together, so a commissioner is noted once per run of them.
        var providers: [Provider] = []
        providers.reserveCapacity(read.schools.count)
        var noted: (funding: SchoolFunding, authority: String)?
        for (school, worked) in zip(read.schools, worked) {
            if case .failure(let miss) = worked.placed {
                section.skip(line: school.line, miss.reason, detail: school.postcode)
                continue
            }
            if let stray = worked.stray {
                section.note(line: school.line, field: "Easting, Northing", stray)
            }
            guard let provider = worked.provider else { continue }
            if !takenIDs.isEmpty, takenIDs.contains(provider.id) {
                section.skip(line: school.line, Reasons.idTaken, detail: provider.id)
                continue
            }
            if noted?.funding != school.funding || noted?.authority != school.localAuthority.name {
                _ = commissioners.school(school.funding, authority: school.localAuthority.name)
                noted = (school.funding, school.localAuthority.name)
            }
            providers.append(provider)
            section.imported += 1
        }
        return providers
    }

    mutating func care(_ read: CQCDirectoryRead, ratings: [String: LocationRatings]?, section: inout ImportReport.FileSection) -> [Provider] {
        var providers: [Provider] = []
        for service in read.services {
            let rating = ratings?[service.locationID]
            if let rating, rating.isDeregistered {
                section.skip(line: service.line, Reasons.deregistered, detail: rating.deregisteredOn.map { "on \($0.long)" })
                continue
            }
            let location: GeoPoint
            switch placement.place(postcode: service.postcode, own: rating?.location, authorityNames: [service.localAuthority]) {
            case .failure(let miss):
                section.skip(line: service.line, miss.reason, detail: service.postcode)
                continue
            case .success(let point): location = point
            }
            if let stray = placement.strayNote(postcode: service.postcode, own: rating?.location) {
                section.note(line: service.line, field: "location (CQC API location data)", stray)
            }
            if takenIDs.contains(service.locationID) {
                section.skip(line: service.line, Reasons.idTaken, detail: service.locationID)
                continue
            }
            var assessment = CQCAssessment.notImported
            if let rating {
                assessment = rating.assessment
                if case .rated(var ratings) = assessment, ratings.reportDate == nil, let checked = service.lastCheck {
                    ratings.reportDate = checked
                    assessment = .rated(ratings)
                }
            } else if ratings != nil {
                section.note(line: service.line, field: "CQC rating", "rating not imported: the CQC API location data given has no entry for \(service.locationID)")
            }
            let details = CareDetails(
                cqcLocationID: service.locationID, mainService: service.mainService, serviceTypes: service.serviceTypes,
                specialisms: service.specialisms, assessment: assessment, beds: rating?.beds, vacancies: nil,
                selfFunderPrice: nil, priceUnit: service.mainService.usualPriceUnit, onCouncilFramework: nil,
                frameworkPrice: nil, acceptsDirectPayments: nil)
            let sector = SectorRules.care(providerName: service.providerName,
                                          locations: read.locationsByProvider[service.providerID] ?? 1)
            providers.append(Provider(
                id: service.locationID, name: service.name, sector: sector,
                organisation: service.providerName == service.name ? "" : service.providerName,
                commissionerID: commissioners.council(service.localAuthority), address: service.address, town: service.town,
                postcode: service.postcode, location: location, phone: service.phone.map(PhoneNumbers.grouped), website: service.website,
                details: .care(details)))
            section.imported += 1
        }
        return providers
    }

    /// Ratings from the CQC API merged into care services already in the catalog.
    /// Care services imported again from the directory alone keep the rating (and beds) an earlier
    /// import gave the same location: the directory has none, and a rating once imported must not
    /// quietly vanish. Returns the services and how many kept one.
    static func keepingRatings(_ imported: [Provider], from previous: [Provider]) -> (providers: [Provider], kept: Int) {
        var earlier: [String: CareDetails] = [:]
        for provider in previous {
            guard let care = provider.care, care.assessment != .notImported else { continue }
            earlier[care.cqcLocationID] = care
        }
        guard !earlier.isEmpty else { return (imported, 0) }
        var kept = 0
        let providers = imported.map { provider -> Provider in
            guard var care = provider.care, care.assessment == .notImported, let before = earlier[care.cqcLocationID] else { return provider }
            care.assessment = before.assessment
            if care.beds == nil { care.beds = before.beds }
            kept += 1
            return Provider(
                id: provider.id, name: provider.name, sector: provider.sector, organisation: provider.organisation,
                commissionerID: provider.commissionerID, address: provider.address, town: provider.town,
                postcode: provider.postcode, location: provider.location, phone: provider.phone, website: provider.website,
                details: .care(care))
        }
        return (providers, kept)
    }

    static func rerated(_ existing: [Provider], ratings: CQCLocationsRead, section: inout ImportReport.FileSection) -> [Provider] {
        var used = Set<String>()
        var providers: [Provider] = []
        for provider in existing {
            guard var care = provider.care, let rating = ratings.locations[care.cqcLocationID] else {
                providers.append(provider)
                continue
            }
            used.insert(care.cqcLocationID)
            if rating.isDeregistered { continue }
            care.assessment = rating.assessment
            if let beds = rating.beds { care.beds = beds }
            if let vacancies = care.vacancies, let beds = care.beds, vacancies > beds { care.vacancies = nil }
            providers.append(Provider(
                id: provider.id, name: provider.name, sector: provider.sector, organisation: provider.organisation,
                commissionerID: provider.commissionerID, address: provider.address, town: provider.town,
                postcode: provider.postcode, location: provider.location, phone: provider.phone, website: provider.website,
                details: .care(care)))
        }
        section.imported = used.count
        let deregistered = ratings.locations.values.filter { used.contains($0.locationID) && $0.isDeregistered }
        for rating in deregistered.sorted(by: { $0.locationID < $1.locationID }) {
            section.note(line: rating.line, field: rating.locationID, "deregistered, by the CQC API location data — removed from the catalog")
        }
        for rating in ratings.locations.values.sorted(by: { $0.line < $1.line }) where !used.contains(rating.locationID) {
            section.skip(line: rating.line, ImportReport.Reason("not in the catalog's care services"), detail: rating.locationID)
        }
        return providers
    }

    mutating func practices(_ read: EpraccurRead, section: inout ImportReport.FileSection) -> [Provider] {
        var providers: [Provider] = []
        for practice in read.practices {
            let location: GeoPoint
            switch placement.place(postcode: practice.postcode, own: nil, authorityNames: []) {
            case .failure(let miss):
                section.skip(line: practice.line, miss.reason, detail: practice.postcode)
                continue
            case .success(let point): location = point
            }
            if takenIDs.contains(practice.code) {
                section.skip(line: practice.line, Reasons.idTaken, detail: practice.code)
                continue
            }
            let details = GPDetails(
                odsCode: practice.code, practiceType: .practice, primaryCareNetwork: nil, listSize: nil,
                gpFullTimeEquivalent: nil, acceptingNewPatients: nil, catchment: nil, surveyGoodExperience: nil,
                assessment: .notImported, openingHours: nil, onlineServices: [])
            providers.append(Provider(
                id: practice.code, name: practice.name, sector: SectorRules.practice(name: practice.name), organisation: "",
                commissionerID: commissioners.nhs(practice.commissioner), address: practice.address, town: "",
                postcode: practice.postcode, location: location, phone: practice.phone.map(PhoneNumbers.grouped), website: nil, details: .gp(details)))
            section.imported += 1
        }
        return providers
    }
}
