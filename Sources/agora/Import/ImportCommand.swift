import ArgumentParser
import ChoiceKit
import Importers

/// `agora import …`: England's national open data into a catalog directory.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make or add to a catalog from England's national open data (GIAS, CQC, NHS ODS, postcodes).",
        discussion: """
        Start a catalog with its area's postcodes (agora import postcodes … --area …), then add schools, care \
        services and GP practices to it; or do it all in one step with agora import all. Each import replaces the \
        catalog's table of that kind and keeps the rest. Nothing is changed unless the whole import succeeds.
        """,
        subcommands: [ImportAll.self, ImportGIAS.self, ImportCQC.self, ImportODS.self, ImportPostcodes.self])
}

/// Where the catalog goes, and where the full report goes.
struct ImportDestination: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The catalog directory: import all makes a new one; the others add to it (import postcodes also starts one).", valueName: "dir"))
    var into: String

    @Option(name: .long, help: ArgumentHelp("Also write the whole report, every skipped row, to this file.", valueName: "file"))
    var report: String?
}

struct ClosedOption: ParsableArguments {
    @Flag(name: .customLong("include-closed"), help: "Keep closed ones too: schools from GIAS, practices from ODS (their names say they are closed).")
    var includeClosed = false
}

/// The area of a new catalog: a local authority, or a distance round a postcode.
struct AreaOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A local authority (its name or code as GIAS has them, or its GSS code such as E06000990); with --within, the area's name.", valueName: "name"))
    var area: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Everywhere within this many kilometres of --of.", valueName: "km"))
    var within: String?

    @Option(name: .long, help: ArgumentHelp("The postcode at the centre, with --within.", valueName: "postcode"))
    var of: String?

    func request() throws(Failure) -> AreaRequest? {
        switch (within, of) {
        case (nil, nil):
            return area.map(AreaRequest.localAuthority)
        case (let within?, let of?):
            guard let area, !area.trimmingCharacters().isEmpty else {
                throw Failure.usage("--within needs --area to name the area — e.g. --area \"Central Kingsmere\" --within 5 --of \"KM1 2AB\"")
            }
            let kilometres = try NumberArgument.kilometres(within, option: "--within", limit: AreaRequest.largestRadiusKilometres)
            return .radius(name: area.trimmingCharacters(), kilometres: kilometres, of: of)
        case (nil, _?):
            throw Failure.usage("--of needs --within — give the distance too, e.g. --within 5 --of \"KM1 2AB\"")
        case (_?, nil):
            throw Failure.usage("--within needs --of — give the postcode at the centre, e.g. --within 5 --of \"KM1 2AB\"")
        }
    }
}

struct ImportAll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Make a whole catalog for an area in one step.",
        discussion: "Example: agora import all --gias edubasealldata.csv --cqc directory.csv --cqc locations.json --ods epraccur.csv --postcodes NSPL.csv --area Kingsmere --into kingsmere")

    @Option(name: .long, help: ArgumentHelp("GIAS edubasealldata CSV (schools).", valueName: "file"))
    var gias: String?

    @Option(name: .long, help: ArgumentHelp("CQC care directory CSV, and CQC API location JSON for ratings (repeat --cqc).", valueName: "file"))
    var cqc: [String] = []

    @Option(name: .long, help: ArgumentHelp("NHS ODS epraccur CSV (GP practices).", valueName: "file"))
    var ods: String?

    @Option(name: .long, help: ArgumentHelp("NSPL, ONSPD or Code-Point Open CSV (postcodes).", valueName: "file"))
    var postcodes: String

    @OptionGroup var areaOptions: AreaOptions
    @OptionGroup var closed: ClosedOption
    @OptionGroup var destination: ImportDestination

    mutating func run() throws {
        try reportingFailures {
            guard let area = try areaOptions.request() else {
                throw Failure.usage("--area is needed: a local authority (name, code or GSS code), or a name with --within KM --of POSTCODE")
            }
            guard gias != nil || !cqc.isEmpty || ods != nil else {
                throw Failure.usage("nothing to import — give at least one of --gias, --cqc and --ods (with --postcodes)")
            }
            let request = ImportRequest(gias: gias.map(ImportFile.init), cqc: cqc.map(ImportFile.init), ods: ods.map(ImportFile.init),
                                        postcodes: ImportFile(path: postcodes), area: area, includeClosed: closed.includeClosed,
                                        today: Today.date)
            try ImportRun(destination: destination, existing: .mustBeNew).perform(request)
        }
    }
}

struct ImportGIAS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gias", abstract: "Schools from GIAS edubasealldata, into a catalog that has its postcodes.")

    @Argument(help: ArgumentHelp("The GIAS edubasealldata CSV.", valueName: "file")) var file: String
    @OptionGroup var closed: ClosedOption
    @OptionGroup var destination: ImportDestination

    mutating func run() throws {
        try reportingFailures {
            let request = ImportRequest(gias: ImportFile(path: file), includeClosed: closed.includeClosed, today: Today.date)
            try ImportRun(destination: destination, existing: .mustExist).perform(request)
        }
    }
}

struct ImportCQC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cqc", abstract: "Care services from the CQC care directory, with ratings from CQC API location JSON.",
        discussion: "Give the directory CSV, and any CQC API location JSON files for ratings; JSON alone updates the ratings of the catalog's care services.")

    @Argument(help: ArgumentHelp("The care directory CSV and/or CQC API location JSON files.", valueName: "file"))
    var files: [String]

    @OptionGroup var destination: ImportDestination

    mutating func run() throws {
        try reportingFailures {
            guard !files.isEmpty else { throw Failure.usage("give the CQC care directory CSV (and any CQC API location JSON)") }
            let request = ImportRequest(cqc: files.map(ImportFile.init), today: Today.date)
            try ImportRun(destination: destination, existing: .mustExist).perform(request)
        }
    }
}

struct ImportODS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ods", abstract: "GP practices from NHS ODS epraccur (older or 2026 layout).")

    @Argument(help: ArgumentHelp("epraccur.csv.", valueName: "file")) var file: String
    @OptionGroup var closed: ClosedOption
    @OptionGroup var destination: ImportDestination

    mutating func run() throws {
        try reportingFailures {
            let request = ImportRequest(ods: ImportFile(path: file), includeClosed: closed.includeClosed, today: Today.date)
            try ImportRun(destination: destination, existing: .mustExist).perform(request)
        }
    }
}

struct ImportPostcodes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postcodes", abstract: "An area's postcodes from NSPL, ONSPD or Code-Point Open: starts a catalog, or adds to one.",
        discussion: "A new catalog needs --area; an existing one takes the postcodes within its own area.")

    @Argument(help: ArgumentHelp("The NSPL, ONSPD or Code-Point Open CSV.", valueName: "file")) var file: String
    @OptionGroup var areaOptions: AreaOptions
    @OptionGroup var destination: ImportDestination

    mutating func run() throws {
        try reportingFailures {
            let area = try areaOptions.request()
            let request = ImportRequest(postcodes: ImportFile(path: file), area: area, today: Today.date)
            try ImportRun(destination: destination, existing: area == nil ? .mustExist : .mustBeNew).perform(request)
        }
    }
}
