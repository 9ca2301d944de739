/// The catalog's manifest: the area, its postcodes, who commissions what, data dates and sources.
public struct Manifest: Hashable, Sendable {
    public static let formatName = "agora-catalog"
    /// Version 2 added admissions arrangements, school days and results averages; version 3 the
    /// council's policies on personal budgets and charging. Older versions still load.
    public static let supportedVersion = 3
    public static let oldestSupportedVersion = 1

    public var formatVersion: Int
    public var area: Area
    public var dataDates: [DataDate]
    public var commissioners: [Commissioner]
    public var services: [Service]
    public var files: [ProviderKind: String]
    public var postcodes: [PostcodeEntry]
    public var sources: [DataSource]
    /// The council's admissions settings (format 2); nil when not published.
    public var admissions: AdmissionsSettings?
    /// England and local averages of school results (format 2), the reference beside each school's.
    public var resultsAverages: [ResultsAverage]
    /// The council's own policies on personal budgets and charging (format 3); nil when not
    /// published (always nil before version 3).
    public var councilPolicies: CouncilPolicies?

    public init(formatVersion: Int, area: Area, dataDates: [DataDate], commissioners: [Commissioner],
                services: [Service], files: [ProviderKind: String], postcodes: [PostcodeEntry], sources: [DataSource],
                admissions: AdmissionsSettings? = nil, resultsAverages: [ResultsAverage] = [],
                councilPolicies: CouncilPolicies? = nil) {
        self.formatVersion = formatVersion
        self.area = area
        self.dataDates = dataDates
        self.commissioners = commissioners
        self.services = services
        self.files = files
        self.postcodes = postcodes
        self.sources = sources
        self.admissions = admissions
        self.resultsAverages = resultsAverages
        self.councilPolicies = councilPolicies
    }

    public func commissioner(id: String) -> Commissioner? { commissioners.first { $0.id == id } }
    public func service(id: String) -> Service? { services.first { $0.id == id } }
    public func dataDate(_ topic: String) -> DataDate? { dataDates.first { $0.topic == topic } }

    public struct Area: Hashable, Sendable {
        public var name: String
        /// Must say plainly when the data is made up ("fictional sample data").
        public var notice: String
        public var description: String
        public var localAuthority: String
        public var centre: GeoPoint
        public var radiusKilometres: Double

        public init(name: String, notice: String, description: String, localAuthority: String,
                    centre: GeoPoint, radiusKilometres: Double) {
            self.name = name
            self.notice = notice
            self.description = description
            self.localAuthority = localAuthority
            self.centre = centre
            self.radiusKilometres = radiusKilometres
        }

        /// Whether the notice says the data is made up, so every screen can say so too.
        public var isFictional: Bool { notice.lowercased().contains("fictional") }
    }

    /// How current one part of the data is: `{"topic": "ofsted", "label": "Ofsted inspections", "as_of": …}`.
    public struct DataDate: Hashable, Sendable {
        public var topic: String
        public var label: String
        public var asOf: CalendarDate
        public init(topic: String, label: String, asOf: CalendarDate) {
            self.topic = topic
            self.label = label
            self.asOf = asOf
        }
    }

    /// A public body that buys or funds services.
    public struct Commissioner: Hashable, Sendable {
        public var id: String
        public var name: String
        public var type: String
        public var role: String
        public init(id: String, name: String, type: String, role: String) {
            self.id = id
            self.name = name
            self.type = type
            self.role = role
        }
    }

    /// One of the public services of the area, with who buys it and how a citizen has a say.
    public struct Service: Hashable, Sendable {
        public var id: String
        public var name: String
        public var kind: ProviderKind
        public var commissionerIDs: [String]
        public var whoBuys: String
        public var citizenSay: String
        public var citizensChoose: Bool
        public init(id: String, name: String, kind: ProviderKind, commissionerIDs: [String], whoBuys: String,
                    citizenSay: String, citizensChoose: Bool) {
            self.id = id
            self.name = name
            self.kind = kind
            self.commissionerIDs = commissionerIDs
            self.whoBuys = whoBuys
            self.citizenSay = citizenSay
            self.citizensChoose = citizensChoose
        }
    }

    public struct PostcodeEntry: Hashable, Sendable {
        public var postcode: String
        public var location: GeoPoint
        public var town: String
        public init(postcode: String, location: GeoPoint, town: String) {
            self.postcode = postcode
            self.location = location
            self.town = town
        }
    }

    public struct DataSource: Hashable, Sendable {
        public var name: String
        public var publisher: String
        public var url: String
        public var licence: String
        public var usedFor: String
        public init(name: String, publisher: String, url: String, licence: String, usedFor: String) {
            self.name = name
            self.publisher = publisher
            self.url = url
            self.licence = licence
            self.usedFor = usedFor
        }
    }
}

/// Postcodes as people type them ("km1 1aa", "KM11AA") made canonical ("KM1 1AA").
public enum PostcodeFormat {
    public static func normalise(_ text: String) -> String {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard compact.count > 3 else { return compact }
        let split = compact.index(compact.endIndex, offsetBy: -3)
        return compact[..<split] + " " + compact[split...]
    }

    /// UK postcode shape: outward code (2–4 characters, starting with a letter) and inward code
    /// (a digit and two letters).
    public static func isWellFormed(_ canonical: String) -> Bool {
        var text = canonical
        return text.withUTF8 { bytes in
            guard let space = bytes.firstIndex(of: 32), bytes.count - space - 1 == 3 else { return false }
            func isLetter(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
            let outward = UnsafeBufferPointer(rebasing: bytes[..<space])
            guard (2...4).contains(outward.count), isLetter(outward[0]),
                  outward.allSatisfy({ isLetter($0) || isDigit($0) }), outward.contains(where: isDigit) else { return false }
            return isDigit(bytes[space + 1]) && isLetter(bytes[space + 2]) && isLetter(bytes[space + 3])
        }
    }
}
