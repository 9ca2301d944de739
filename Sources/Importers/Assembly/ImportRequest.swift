import ChoiceKit

/// What to import, and into what area.
public struct ImportRequest: Sendable {
    public var gias: ImportFile?
    /// The care directory CSV and/or CQC API location JSON (told apart by their content).
    public var cqc: [ImportFile]
    public var ods: ImportFile?
    public var postcodes: ImportFile?
    /// Needed for a new catalog; an existing catalog keeps its own.
    public var area: AreaRequest?
    /// Keep closed schools and practices (their names say so).
    public var includeClosed: Bool
    /// The day of the import, for the notice and where a file carries no date of its own.
    public var today: CalendarDate

    public init(gias: ImportFile? = nil, cqc: [ImportFile] = [], ods: ImportFile? = nil, postcodes: ImportFile? = nil,
                area: AreaRequest? = nil, includeClosed: Bool = false, today: CalendarDate) {
        self.gias = gias
        self.cqc = cqc
        self.ods = ods
        self.postcodes = postcodes
        self.area = area
        self.includeClosed = includeClosed
        self.today = today
    }
}

/// The area of a new catalog.
public enum AreaRequest: Sendable, Hashable {
    /// A local authority: its GSS code (E06000990), or its name or three-digit code as GIAS has them.
    case localAuthority(String)
    /// Everywhere within `kilometres` of a postcode, under a name of the person's choosing.
    case radius(name: String, kilometres: Double, of: String)

    /// The widest radius offered: a catalog is for a town, a borough or a county, not the country.
    public static let largestRadiusKilometres = 100.0
}

/// The catalog an import made: its files (name → text) and the report of what happened.
public struct ImportResult: Sendable {
    /// The catalog's files by name, as UTF-8 bytes.
    public let files: [String: [UInt8]]
    public let report: ImportReport
    public let manifest: Manifest
    /// Providers by kind in the new catalog.
    public let counts: [ProviderKind: Int]
    /// Kinds whose table this import replaced.
    public let replaced: [ProviderKind]
    /// The rows read and the providers made from them, held until the result is freed: a caller
    /// about to end need not spend a core freeing them while it checks the files.
    public let workings: ImportWorkings
}

/// What an import made on its way to the files (opaque; freed with it).
public final class ImportWorkings: Sendable {
    private let values: any Sendable

    init(_ values: any Sendable) { self.values = values }
}
