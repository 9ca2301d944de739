/// Every field of a provider, written and read back exactly (the snapshot round-trip test checks
/// that a decoded catalog equals the one it came from).
enum ProviderCoding {
    static func write(_ provider: Provider, _ out: inout SnapshotWriter) {
        out.uniqueString(provider.id)
        out.uniqueString(provider.name)
        out.oneOf(provider.sector)
        out.string(provider.organisation)
        out.string(provider.commissionerID)
        out.uniqueString(provider.address)
        out.string(provider.town)
        out.string(provider.postcode)
        out.double(provider.location.latitude)
        out.double(provider.location.longitude)
        out.optional(provider.phone) { $0.uniqueString($1) }
        out.optional(provider.website) { $0.uniqueString($1) }
        switch provider.details {
        case .school(let school): out.byte(0); writeSchool(school, &out)
        case .care(let care): out.byte(1); writeCare(care, &out)
        case .gp(let gp): out.byte(2); writeGP(gp, &out)
        case .other(let contract): out.byte(3); writeContract(contract, &out)
        }
    }

    static func read(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Provider {
        let id = try input.uniqueString(), name = try input.uniqueString(), sector = try input.oneOf(Sector.self)
        let organisation = try input.string(), commissioner = try input.string(), address = try input.uniqueString()
        let town = try input.string(), postcode = try input.string()
        let location = try readPoint(&input)
        let phone = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.uniqueString() }
        let website = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.uniqueString() }
        let details: ProviderDetails
        switch try input.byte() {
        case 0: details = .school(try readSchool(&input))
        case 1: details = .care(try readCare(&input))
        case 2: details = .gp(try readGP(&input))
        case 3: details = .other(try readContract(&input))
        default: throw SnapshotReader.Corrupt()
        }
        return Provider(id: id, name: name, sector: sector, organisation: organisation, commissionerID: commissioner,
                        address: address, town: town, postcode: postcode, location: location, phone: phone,
                        website: website, details: details)
    }

    // MARK: - Small shared pieces

    private static func writeDate(_ date: CalendarDate, _ out: inout SnapshotWriter) { out.int(date.daysSinceEpoch) }
    /// Days from 0001-01-01 to 9999-12-31, the dates a catalog can hold.
    private static let dayRange = -719_162...2_932_896

    static func readDate(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> CalendarDate {
        let days = try input.int()
        guard dayRange.contains(days) else { throw SnapshotReader.Corrupt() }
        return CalendarDate(daysSinceEpoch: days)
    }

    /// A point the loader would have accepted: finite, on the globe.
    private static func readPoint(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> GeoPoint {
        let latitude = try input.double(), longitude = try input.double()
        guard GeoPoint.isValid(latitude: latitude, longitude: longitude) else { throw SnapshotReader.Corrupt() }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    /// Far beyond any figure the loader accepts, and small enough that no arithmetic on it overflows.
    private static let figureLimit = 1_000_000_000

    private static func writeInt(_ value: Int?, _ out: inout SnapshotWriter) { out.optional(value) { $0.int($1) } }
    private static func readInt(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Int? {
        try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try readFigure(&reader) }
    }

    static func readFigure(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Int {
        let value = try input.int()
        guard (-figureLimit...figureLimit).contains(value) else { throw SnapshotReader.Corrupt() }
        return value
    }

    private static func writeText(_ value: String?, _ out: inout SnapshotWriter) { out.optional(value) { $0.string($1) } }
    private static func readText(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> String? {
        try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.string() }
    }

    private static func writeBool(_ value: Bool?, _ out: inout SnapshotWriter) { out.byte(value.map { $0 ? 2 : 1 } ?? 0) }
    private static func readBool(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Bool? {
        switch try input.byte() {
        case 0: return nil
        case 1: return false
        default: return true
        }
    }

    private static func writeMoney(_ value: Money?, _ out: inout SnapshotWriter) { out.optional(value) { $0.int(Int($1.pence)) } }
    /// Within the loader's bounds: never negative, never more than its largest amount.
    private static func readMoney(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Money? {
        try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
            let pence = try reader.int()
            guard pence >= 0, pence <= Int(RowDecoder.largestAmount.pence) else { throw SnapshotReader.Corrupt() }
            return Money(pence: Int64(pence))
        }
    }

    private static func writeAssessment(_ assessment: CQCAssessment, _ out: inout SnapshotWriter) {
        switch assessment {
        case .notPublished: out.byte(0)
        case .notYetRated: out.byte(1)
        case .notImported: out.byte(3)
        case .rated(let ratings):
            out.byte(2)
            out.oneOf(ratings.overall)
            for question in CQCKeyQuestion.orderedCases { out.byte(UInt8(ratings.rating(for: question)?.rawValue ?? 0)) }
            out.optional(ratings.reportDate) { writeDate($1, &$0) }
        }
    }

    private static func readAssessment(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> CQCAssessment {
        switch try input.byte() {
        case 0: return .notPublished
        case 1: return .notYetRated
        case 3: return .notImported
        case 2:
            let overall = try input.oneOf(CQCRating.self)
            var questions: [CQCRating?] = []
            for _ in CQCKeyQuestion.orderedCases { questions.append(CQCRating(rawValue: Int(try input.byte()))) }
            let date = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try readDate(&reader) }
            return .rated(CQCRatings(overall: overall, keyQuestions: questions, reportDate: date))
        default: throw SnapshotReader.Corrupt()
        }
    }

    // MARK: - Schools

    private static func writeSchool(_ school: SchoolDetails, _ out: inout SnapshotWriter) {
        out.int(school.urn)
        out.oneOf(school.type)
        out.optional(school.trustType) { $0.oneOf($1) }
        out.oneOf(school.phase)
        out.int(school.statutoryAges.lowerBound)
        out.int(school.statutoryAges.upperBound)
        out.oneOf(school.gender)
        writeText(school.religiousCharacter, &out)
        out.optional(school.admissionsPolicy) { $0.oneOf($1) }
        out.bool(school.hasSixthForm)
        writeInt(school.capacity, &out)
        writeInt(school.pupils, &out)
        writeInt(school.publishedAdmissionNumber, &out)
        writeInt(school.applicationsLastRound, &out)
        switch school.lastOffer {
        case .notPublished: out.byte(0)
        case .allApplicantsOffered: out.byte(1)
        case .distance(let metres): out.byte(2); out.int(metres)
        }
        switch school.inspection {
        case .notYetInspected: out.byte(0)
        case .ungraded(let date): out.byte(1); writeDate(date, &out)
        case .historical(let grade, let date): out.byte(2); out.oneOf(grade); writeDate(date, &out)
        case .reportCard(let card):
            out.byte(3)
            writeDate(card.date, &out)
            for area in ReportCardArea.orderedCases { out.byte(UInt8(card.grade(for: area)?.rawValue ?? 0)) }
            out.bool(card.safeguardingMet)
        }
        writeInt(school.ks2ExpectedStandard.map { Int($0.tenths) }, &out)
        writeInt(school.ks4Attainment8.map { Int($0.tenths) }, &out)
        writeInt(school.ks4Grade5EnglishMaths.map { Int($0.tenths) }, &out)
        writeInt(school.ks4Progress8.map { Int($0.hundredths) }, &out)
        writeAdmissions(school, &out)
    }

    private static func readSchool(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> SchoolDetails {
        let urn = try readFigure(&input), type = try input.oneOf(SchoolType.self)
        let trustType = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.oneOf(TrustType.self) }
        let phase = try input.oneOf(SchoolPhase.self)
        let low = try readFigure(&input), high = try readFigure(&input)
        guard low <= high else { throw SnapshotReader.Corrupt() }
        let gender = try input.oneOf(SchoolGender.self)
        let faith = try readText(&input)
        let policy = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.oneOf(AdmissionsPolicy.self) }
        let sixthForm = try input.bool()
        let capacity = try readInt(&input), pupils = try readInt(&input), pan = try readInt(&input)
        let applications = try readInt(&input)
        let lastOffer: LastOffer
        switch try input.byte() {
        case 0: lastOffer = .notPublished
        case 1: lastOffer = .allApplicantsOffered
        case 2: lastOffer = .distance(metres: try readFigure(&input))
        default: throw SnapshotReader.Corrupt()
        }
        let inspection: OfstedInspection
        switch try input.byte() {
        case 0: inspection = .notYetInspected
        case 1: inspection = .ungraded(date: try readDate(&input))
        case 2:
            let grade = try input.oneOf(HistoricalOfstedGrade.self)
            inspection = .historical(grade: grade, date: try readDate(&input))
        case 3:
            let date = try readDate(&input)
            var grades: [ReportCard.AreaGrade] = []
            for area in ReportCardArea.orderedCases {
                if let grade = ReportCardGrade(rawValue: Int(try input.byte())) { grades.append(.init(area: area, grade: grade)) }
            }
            inspection = .reportCard(ReportCard(date: date, grades: grades, safeguardingMet: try input.bool()))
        default: throw SnapshotReader.Corrupt()
        }
        var school = SchoolDetails(
            urn: urn, type: type, trustType: trustType, phase: phase, statutoryAges: low...high, gender: gender,
            religiousCharacter: faith, admissionsPolicy: policy, hasSixthForm: sixthForm, capacity: capacity, pupils: pupils,
            publishedAdmissionNumber: pan, applicationsLastRound: applications, lastOffer: lastOffer, inspection: inspection,
            ks2ExpectedStandard: try readInt(&input).map { Tenths(tenths: Int32(truncatingIfNeeded: $0)) },
            ks4Attainment8: try readInt(&input).map { Tenths(tenths: Int32(truncatingIfNeeded: $0)) },
            ks4Grade5EnglishMaths: try readInt(&input).map { Tenths(tenths: Int32(truncatingIfNeeded: $0)) },
            ks4Progress8: try readInt(&input).map { Hundredths(hundredths: Int32(truncatingIfNeeded: $0)) })
        try readAdmissions(into: &school, &input)
        return school
    }

    // MARK: - Care

    private static func writeCare(_ care: CareDetails, _ out: inout SnapshotWriter) {
        out.uniqueString(care.cqcLocationID)
        out.oneOf(care.mainService)
        out.list(care.serviceTypes) { $0.oneOf($1) }
        out.list(care.specialisms) { $0.oneOf($1) }
        writeAssessment(care.assessment, &out)
        writeInt(care.beds, &out)
        writeInt(care.vacancies, &out)
        writeMoney(care.selfFunderPrice, &out)
        out.oneOf(care.priceUnit)
        writeBool(care.onCouncilFramework, &out)
        writeMoney(care.frameworkPrice, &out)
        writeBool(care.acceptsDirectPayments, &out)
    }

    private static func readCare(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> CareDetails {
        let id = try input.uniqueString(), main = try input.oneOf(CareServiceType.self)
        let types = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.oneOf(CareServiceType.self) }
        let specialisms = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.oneOf(CareSpecialism.self) }
        let assessment = try readAssessment(&input)
        let beds = try readInt(&input), vacancies = try readInt(&input), price = try readMoney(&input)
        let unit = try input.oneOf(PriceUnit.self)
        let framework = try readBool(&input), frameworkPrice = try readMoney(&input), payments = try readBool(&input)
        return CareDetails(cqcLocationID: id, mainService: main, serviceTypes: types, specialisms: specialisms,
                           assessment: assessment, beds: beds, vacancies: vacancies, selfFunderPrice: price, priceUnit: unit,
                           onCouncilFramework: framework, frameworkPrice: frameworkPrice, acceptsDirectPayments: payments)
    }

    // MARK: - GP practices

    private static func writeGP(_ gp: GPDetails, _ out: inout SnapshotWriter) {
        out.uniqueString(gp.odsCode)
        out.oneOf(gp.practiceType)
        writeText(gp.primaryCareNetwork, &out)
        writeInt(gp.listSize, &out)
        writeInt(gp.gpFullTimeEquivalent.map { Int($0.tenths) }, &out)
        writeBool(gp.acceptingNewPatients, &out)
        switch gp.catchment {
        case nil: out.byte(0)
        case .radius(let centre, let metres)?:
            out.byte(1)
            out.double(centre.latitude)
            out.double(centre.longitude)
            out.int(metres)
        case .polygon(let corners)?:
            out.byte(2)
            out.list(corners) { $0.double($1.latitude); $0.double($1.longitude) }
        }
        writeInt(gp.surveyGoodExperience.map { Int($0.tenths) }, &out)
        writeAssessment(gp.assessment, &out)
        writeText(gp.openingHours, &out)
        out.list(gp.onlineServices) { $0.string($1) }
    }

    private static func readGP(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> GPDetails {
        let ods = try input.uniqueString(), type = try input.oneOf(GPPracticeType.self), pcn = try readText(&input)
        let list = try readInt(&input), fte = try readInt(&input).map { Tenths(tenths: Int32(truncatingIfNeeded: $0)) }
        let accepting = try readBool(&input)
        let catchment: Catchment?
        switch try input.byte() {
        case 0: catchment = nil
        case 1:
            let centre = try readPoint(&input)
            catchment = .radius(centre: centre, metres: try readFigure(&input))
        case 2:
            catchment = .polygon(try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
                try readPoint(&reader)
            })
        default: throw SnapshotReader.Corrupt()
        }
        let survey = try readInt(&input).map { Tenths(tenths: Int32(truncatingIfNeeded: $0)) }
        let assessment = try readAssessment(&input)
        let hours = try readText(&input)
        let online = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.string() }
        return GPDetails(odsCode: ods, practiceType: type, primaryCareNetwork: pcn, listSize: list, gpFullTimeEquivalent: fte,
                         acceptingNewPatients: accepting, catchment: catchment, surveyGoodExperience: survey,
                         assessment: assessment, openingHours: hours, onlineServices: online)
    }

    // MARK: - Contracts

    private static func writeContract(_ contract: ContractDetails, _ out: inout SnapshotWriter) {
        out.string(contract.serviceID)
        out.string(contract.serviceDescription)
        writeText(contract.contractName, &out)
        out.optional(contract.start) { writeDate($1, &$0) }
        out.optional(contract.end) { writeDate($1, &$0) }
        writeMoney(contract.value, &out)
        writeText(contract.valueNote, &out)
        out.list(contract.privateExtras) { $0.string($1) }
        writeText(contract.citizenNote, &out)
    }

    private static func readContract(_ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> ContractDetails {
        let service = try input.string(), description = try input.string(), name = try readText(&input)
        let start = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try readDate(&reader) }
        let end = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try readDate(&reader) }
        let value = try readMoney(&input), note = try readText(&input)
        let extras = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.string() }
        return ContractDetails(serviceID: service, serviceDescription: description, contractName: name, start: start, end: end,
                               value: value, valueNote: note, privateExtras: extras, citizenNote: try readText(&input))
    }
}
