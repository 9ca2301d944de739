import ChoiceKit

/// Makes the schools of the area: a realistic mix of academies in multi- and single-academy trusts,
/// free schools, council-maintained and faith schools, special and independent schools.
struct SchoolFactory {
    private var random: SeededRandom
    private let geography: Geography
    private var trusts: [Trust] = []
    private var names = UniqueNames()

    struct Trust {
        let name: String
        let faith: String?
        let sector: Sector
    }

    init(random: SeededRandom, geography: Geography, count: Int) {
        self.random = random
        self.geography = geography
        let trustCount = max(4, count / 10)
        var used = Set<String>()
        for index in 0..<trustCount {
            let faith: String? = index == 1 ? "Church of England" : index == 2 ? "Roman Catholic" : nil
            var name = ""
            for attempt in 0..<40 {
                switch faith {
                case "Church of England"?: name = "Diocese of \(geography.districts[0].name) Academies Trust"
                case "Roman Catholic"?: name = "St \(self.random.pick(Words.saints)) Catholic Academy Trust"
                default:
                    let place = self.random.pick(geography.districts).name
                    name = self.random.pick(["\(self.random.pick(Words.qualities)) Learning Trust", "\(place) Education Partnership",
                                             "\(self.random.pick(Words.trees)) Multi-Academy Trust", "\(place) Schools Trust",
                                             "\(self.random.pick(Words.qualities)) Academies"])
                }
                if attempt == 39 { name += " (\(index))" }
                if used.insert(name).inserted { break }
            }
            trusts.append(Trust(name: name, faith: faith, sector: .voluntaryOrCharity))
        }
    }

    private enum Plan { case primary, secondary, allThrough, special, nursery, sixteenPlus }

    mutating func make(count: Int, firstURN: Int) -> [Provider] {
        var schools: [Provider] = []
        for index in 0..<count {
            // The first few are fixed so every catalog has each kind of school at least once.
            let plan: Plan = index < 6 ? [.primary, .secondary, .special, .allThrough, .nursery, .sixteenPlus][index]
                : random.weighted([(.primary, 70), (.secondary, 20), (.allThrough, 2), (.special, 3), (.nursery, 2), (.sixteenPlus, 3)])
            schools.append(make(plan: plan, index: index, urn: firstURN + index))
        }
        return schools
    }

    private mutating func make(plan: Plan, index: Int, urn: Int) -> Provider {
        let district = random.below(geography.districts.count)
        let place = geography.districts[district].name
        let type = schoolType(plan: plan, index: index)
        let faith = religiousCharacter(type: type)
        let trust = type.isAcademy ? chooseTrust(faith: faith, type: type) : nil
        let trustType: TrustType? = trust == nil ? nil : (trust?.faith == nil && random.percent(18) && type != .sponsorLedAcademy) ? .singleAcademyTrust : .multiAcademyTrust
        var registry = names // the closure below uses self.random, so the registry is claimed from a copy
        let name = registry.claim(place: place) { schoolName(plan: plan, type: type, faith: faith, place: place) }
        names = registry
        let organisation: String
        let sector: Sector
        let commissioner: String
        switch type {
        case .academyConverter, .sponsorLedAcademy, .freeSchool:
            organisation = trustType == .singleAcademyTrust ? "\(name) Trust" : trust?.name ?? ""
            sector = .voluntaryOrCharity
            commissioner = "dfe"
        case .independent:
            organisation = random.percent(40) ? "\(random.pick(Words.qualities)) Schools Group Ltd" : "\(name) Ltd"
            sector = organisation.hasSuffix("Group Ltd") ? .privateLargeGroup : random.percent(50) ? .privateSmallOrMedium : .voluntaryOrCharity
            commissioner = "families"
        case .voluntaryAided:
            organisation = faith == "Roman Catholic" ? "Roman Catholic Diocese of \(geography.districts[0].name)" : "Diocese of \(geography.districts[0].name)"
            sector = .publicSector
            commissioner = "council"
        default:
            organisation = "\(geography.districts[0].name) Borough Council"
            sector = .publicSector
            commissioner = "council"
        }
        let ages = ageRange(plan: plan)
        let gender: SchoolGender = (plan == .secondary && random.percent(12)) || (type == .independent && random.percent(25))
            ? (random.percent(55) ? .girls : .boys) : .mixed
        let phase: SchoolPhase = switch plan {
        case .primary: .primary
        case .secondary: .secondary
        case .allThrough: .allThrough
        case .special: .notApplicable
        case .nursery: .nursery
        case .sixteenPlus: .sixteenPlus
        }
        let policy: AdmissionsPolicy? = plan == .secondary || plan == .allThrough
            ? (random.percent(8) ? .selective : .nonSelective) : (random.percent(10) ? nil : .notApplicable)
        let capacity = capacityFor(plan)
        let pupils = capacity.map { $0 * random.int(72...106) / 100 }
        let yearGroups = max(1, ages.upperBound - ages.lowerBound)
        let pan = capacity.map { max(8, ($0 / min(yearGroups, plan == .secondary ? 5 : 7)) / 5 * 5) }
        let (applications, offered) = admissions(pan: pan, plan: plan, type: type, faith: faith)
        // Arrangements come from their own stream, so adding them left every other figure as it was.
        var arrangementRandom = SeededRandom(seed: UInt64(urn) &* 0x2545_F491_4F6C_DD1D)
        let (arrangements, lastOffer) = ArrangementsFactory.make(
            plan: plan == .primary ? .primary : plan == .secondary ? .secondary : plan == .allThrough ? .allThrough : .other,
            type: type, faith: faith, selective: policy == .selective, pan: pan, applications: applications,
            lastOffer: offered, random: &arrangementRandom)
        let day = ArrangementsFactory.schoolDay(primary: plan == .primary || plan == .allThrough,
                                                stateFunded: type != .independent && plan != .special,
                                                random: &arrangementRandom)
        let quality = random.bell(mean: 0, spread: 3)
        let inspection = inspectionFor(type: type, plan: plan, quality: quality, ages: ages)
        let (ks2, a8, grade5) = results(plan: plan, type: type, quality: quality)
        let entry = geography.postcode(in: district, random: &random)
        let location = random.percent(88) ? geography.nearby(entry, random: &random) : entry.location
        let details = SchoolDetails(
            urn: urn, type: type, trustType: trustType, phase: phase, statutoryAges: ages, gender: gender,
            religiousCharacter: faith, admissionsPolicy: policy, hasSixthForm: ages.upperBound >= 18,
            capacity: capacity, pupils: pupils, publishedAdmissionNumber: plan == .special ? nil : pan,
            applicationsLastRound: applications, lastOffer: lastOffer, inspection: inspection,
            ks2ExpectedStandard: ks2, ks4Attainment8: a8, ks4Grade5EnglishMaths: grade5, ks4Progress8: nil,
            arrangements: arrangements, day: day)
        return Provider(
            id: "S\(urn)", name: name, sector: sector, organisation: organisation, commissionerID: commissioner,
            address: "\(random.int(1...180)) \(random.pick(Words.streets))", town: entry.town, postcode: entry.postcode,
            location: location, phone: random.percent(96) ? Contacts.phone(&random) : nil,
            website: random.percent(90) ? Contacts.website(for: name) : nil, details: .school(details))
    }

    private mutating func schoolType(plan: Plan, index: Int) -> SchoolType {
        // Fixed early picks guarantee variety in even the smallest catalog.
        let guaranteed: [Int: SchoolType] = [6: .freeSchool, 7: .voluntaryAided, 8: .voluntaryControlled,
                                             9: .sponsorLedAcademy, 10: .independent, 11: .foundation, 12: .community]
        if plan == .special { return .special }
        if let fixed = guaranteed[index] { return fixed }
        switch plan {
        case .primary:
            return random.weighted([(.academyConverter, 34), (.sponsorLedAcademy, 7), (.freeSchool, 3), (.community, 28),
                                    (.foundation, 4), (.voluntaryAided, 12), (.voluntaryControlled, 9), (.independent, 3)])
        case .secondary, .allThrough:
            return random.weighted([(.academyConverter, 52), (.sponsorLedAcademy, 18), (.freeSchool, 10), (.community, 6),
                                    (.foundation, 4), (.voluntaryAided, 7), (.independent, 3)])
        case .sixteenPlus: return random.percent(60) ? .freeSchool : .academyConverter
        case .nursery: return .community
        case .special: return .special
        }
    }

    private mutating func religiousCharacter(type: SchoolType) -> String? {
        switch type {
        case .voluntaryAided: return random.percent(55) ? "Roman Catholic" : "Church of England"
        case .voluntaryControlled: return random.percent(90) ? "Church of England" : "Methodist"
        case .academyConverter: return random.percent(22) ? (random.percent(60) ? "Church of England" : "Roman Catholic") : nil
        case .freeSchool: return random.percent(12) ? random.pick(["Jewish", "Sikh", "Muslim", "Christian"]) : nil
        case .independent: return random.percent(30) ? random.pick(["Christian", "Church of England", "Quaker"]) : nil
        default: return nil
        }
    }

    private mutating func chooseTrust(faith: String?, type: SchoolType) -> Trust {
        if let faith, let match = trusts.first(where: { $0.faith == faith }) { return match }
        let secular = trusts.filter { $0.faith == nil }
        return random.pick(secular.isEmpty ? trusts : secular)
    }

    private mutating func schoolName(plan: Plan, type: SchoolType, faith: String?, place: String) -> String {
        let academy = type.isAcademy
        switch plan {
        case .primary:
            switch faith {
            case "Roman Catholic"?: return "St \(random.pick(Words.saints))'s Catholic Primary School"
            case "Church of England"?:
                return random.pick(["\(place) CofE Primary School", "St \(random.pick(Words.saints))'s CofE Primary School",
                                    "St \(random.pick(Words.saints))'s CofE Primary School", "Holy Trinity CofE Primary School",
                                    "Christ Church CofE Primary School", "All Saints CofE Primary School"])
            case "Methodist"?: return "\(place) Methodist Primary School"
            case let other?: return "\(place) \(other) Primary School"
            case nil:
                if type == .independent { return "\(random.pick(Words.surnames)) House Preparatory School" }
                if type == .freeSchool { return "\(place) Free School" }
                let stem = random.pick([place, place, "\(place) \(random.pick(["Park", "Meadows", "Green", "Fields", "Brook"]))",
                                        "\(random.pick(Words.trees)) Tree", "\(random.pick(Words.surnames))"])
                return academy && random.percent(50) ? "\(stem) Primary Academy"
                    : random.pick(["\(stem) Primary School", "\(stem) Infant and Junior School", "\(stem) Primary School"])
            }
        case .secondary:
            switch faith {
            case "Roman Catholic"?: return "St \(random.pick(Words.saints))'s Catholic High School"
            case "Church of England"?: return random.pick(["\(place) Church of England Academy", "Bishop \(random.pick(Words.surnames)) Church of England Academy"])
            case let other?: return "\(place) \(other) High School"
            case nil:
                if type == .independent { return "\(random.pick(Words.surnames)) College" }
                if type == .freeSchool { return "\(place) Free School" }
                return academy ? random.pick(["\(place) Academy", "\(place) High School", "\(random.pick(Words.qualities)) Academy \(place)"])
                    : random.pick(["\(place) School", "\(place) Community College", "\(place) High School"])
            }
        case .allThrough: return random.pick(["\(place) All-through Academy", "\(random.pick(Words.qualities)) All-through School \(place)"])
        case .special: return random.pick(["\(place) Park School", "\(random.pick(Words.trees)) House School", "\(place) Special School"])
        case .nursery: return random.pick(["\(place) Nursery School", "\(random.pick(Words.trees)) Tree Nursery School"])
        case .sixteenPlus: return random.pick(["\(place) Sixth Form College", "\(random.pick(Words.surnames)) Sixth Form College",
                                               "\(place) College"])
        }
    }

    private mutating func ageRange(plan: Plan) -> ClosedRange<Int> {
        switch plan {
        case .primary: return random.percent(35) ? 3...11 : 4...11
        case .secondary: return random.percent(55) ? 11...18 : 11...16
        case .allThrough: return 4...18
        case .special: return random.pick([2...19, 11...19, 4...11])
        case .nursery: return 2...5
        case .sixteenPlus: return 16...19
        }
    }

    private mutating func capacityFor(_ plan: Plan) -> Int? {
        if random.percent(4) { return nil }
        switch plan {
        case .primary: return random.pick([105, 210, 315, 420, 630])
        case .secondary: return random.int(14...36) * 50
        case .allThrough: return random.int(30...45) * 50
        case .special: return random.int(8...25) * 10
        case .nursery: return random.int(6...12) * 10
        case .sixteenPlus: return random.int(8...30) * 50
        }
    }

    private mutating func admissions(pan: Int?, plan: Plan, type: SchoolType, faith: String?) -> (Int?, LastOffer) {
        guard let pan, plan != .special, plan != .nursery, type != .independent, !random.percent(6) else { return (nil, .notPublished) }
        let applications = pan * random.int(45...340) / 100
        if applications <= pan { return (applications, .allApplicantsOffered) }
        if faith != nil, random.percent(40) { return (applications, .notPublished) }
        let base = plan == .primary ? random.int(250...1_800) : random.int(900...5_500)
        let squeeze = max(1, applications * 100 / pan)
        return (applications, .distance(metres: max(150, base * 200 / (100 + squeeze))))
    }

    private mutating func inspectionFor(type: SchoolType, plan: Plan, quality: Int, ages: ClosedRange<Int>) -> OfstedInspection {
        if type == .freeSchool, random.percent(25) { return .notYetInspected }
        let roll = random.below(100)
        if roll < 36 {
            let date = random.date(from: KnownDates.day(2025, 11, 17), to: KnownDates.day(2026, 10, 16))
            var grades: [ReportCard.AreaGrade] = []
            for area in ReportCardArea.allCases {
                if area == .earlyYears, ages.lowerBound > 4 { continue }
                if area == .sixthForm, ages.upperBound < 18 { continue }
                let level = max(1, min(5, 3 + quality / 2 + random.weighted([(-1, 15), (0, 70), (1, 15)])))
                grades.append(ReportCard.AreaGrade(area: area, grade: ReportCardGrade(rawValue: level) ?? .expectedStandard))
            }
            return .reportCard(ReportCard(date: date, grades: grades, safeguardingMet: !random.percent(3)))
        }
        if roll < 41 {
            return .ungraded(date: random.date(from: KnownDates.day(2024, 9, 16), to: KnownDates.day(2025, 7, 11)))
        }
        if roll < 44 { return .notYetInspected }
        let level = max(1, min(4, 3 + (quality + random.int(-2...2)) / 3))
        return .historical(grade: HistoricalOfstedGrade(rawValue: level) ?? .good,
                           date: random.date(from: KnownDates.day(2013, 9, 1), to: KnownDates.day(2024, 7, 12)))
    }

    private mutating func results(plan: Plan, type: SchoolType, quality: Int) -> (Tenths?, Tenths?, Tenths?) {
        guard type != .independent, !random.percent(6) else { return (nil, nil, nil) }
        switch plan {
        case .primary:
            return (Tenths(tenths: Int32(max(150, min(980, random.bell(mean: 620 + quality * 25, spread: 110))))), nil, nil)
        case .secondary, .allThrough:
            let a8 = max(220, min(720, random.bell(mean: 460 + quality * 18, spread: 60)))
            let grade5 = max(120, min(920, a8 - 20 + random.int(-60...60)))
            let ks2 = plan == .allThrough ? Tenths(tenths: Int32(max(200, min(950, random.bell(mean: 620, spread: 100))))) : nil
            return (ks2, Tenths(tenths: Int32(a8)), Tenths(tenths: Int32(grade5)))
        case .special, .nursery, .sixteenPlus:
            return (nil, nil, nil)
        }
    }
}
