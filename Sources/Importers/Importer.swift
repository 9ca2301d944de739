import ChoiceKit
import Dispatch

/// Turns England's national open data into a catalog: schools from GIAS, care services from the
/// CQC care directory (ratings from CQC API location data), GP practices from NHS ODS epraccur,
/// and the area's postcodes from NSPL, ONSPD or Code-Point Open. Into an existing catalog, the
/// tables of the kinds imported are replaced and everything else is kept.
///
/// Pure: it reads the files it is given and returns the catalog's files and a report; writing
/// them, checking them and putting them in place is the caller's business.
public enum Importer {
    static let madeBy = "Made by agora import"

    /// A file with no rows would empty the catalog's table of its kind (or leave it without
    /// postcodes): refused, like an empty file.
    static func requireRows(_ section: ImportReport.FileSection?) throws(ImportFailure) {
        guard let section, section.rows == 0 else { return }
        throw ImportFailure("\(section.file) has a header but no rows — download the file again, or give the whole file")
    }

    public static func run(_ request: ImportRequest, into existing: Catalog?, control: ImportControl = .quiet) throws -> ImportResult {
        let cqcJSON = request.cqc.filter(CQCLocationReader.looksLikeJSON)
        let cqcDirectories = request.cqc.filter { !cqcJSON.contains($0) }
        if cqcDirectories.count > 1 {
            throw ImportFailure.usage("\(cqcDirectories.count) CQC care directories were given (\(cqcDirectories.map(\.shown).joined(separator: ", ")))",
                                      "give one care directory CSV (and any number of CQC API location JSON files, named .json)")
        }
        if existing == nil, request.postcodes == nil {
            throw ImportFailure.usage("a new catalog needs its area's postcodes",
                                      "start it with agora import postcodes FILE --area NAME --into DIR, or use agora import all with --postcodes")
        }
        if existing == nil, request.area == nil {
            throw ImportFailure.usage("a new catalog needs an area", "give --area: a local authority (name, code or GSS code), or a name with --within KM --of POSTCODE")
        }
        if existing != nil, request.area != nil {
            throw ImportFailure.usage("the catalog already has its area (\(existing?.manifest.area.name ?? ""))",
                                      "leave out --area to add to it, or import into a new directory")
        }

        var report = ImportReport()
        let gias = try request.gias.map { try GIASReader.read($0, includeClosed: request.includeClosed, control: control) }
        try requireRows(gias?.section)

        // The area and its postcodes.
        var area: Manifest.Area
        var postcodes: [Manifest.PostcodeEntry]
        var authority: LocalAuthority?
        var postcodeRead: PostcodesRead?
        if let existing {
            area = existing.manifest.area
            postcodes = existing.manifest.postcodes
            if let file = request.postcodes {
                var read = try PostcodeFileReader.read(file, selecting: AreaChoice.selection(for: area), control: control)
                AreaChoice.keepWithinLimit(&read, area: area)
                postcodes = merged(postcodes, read.postcodes)
                postcodeRead = read
            }
        } else {
            guard let file = request.postcodes, let areaRequest = request.area else { throw ImportFailure("a new catalog needs postcodes and an area — give both") }
            let chosen = try AreaChoice.choose(areaRequest, postcodeFile: file, authorities: gias?.localAuthorities ?? [],
                                               haveGIAS: gias != nil, today: request.today, control: control)
            area = chosen.area
            authority = chosen.authority
            postcodes = chosen.postcodes.postcodes.map { Manifest.PostcodeEntry(postcode: $0.postcode, location: $0.location, town: "") }
            postcodeRead = chosen.postcodes
        }
        try requireRows(postcodeRead?.section)
        if let read = postcodeRead { report.files.append(read.section) }

        let directory = try cqcDirectories.first.map { try CQCDirectoryReader.read($0, control: control) }
        try requireRows(directory?.section)
        var ratings: [String: LocationRatings] = [:]
        var ratingSections: [ImportReport.FileSection] = []
        var ratingReads: [CQCLocationsRead] = []
        for file in cqcJSON {
            let read = try CQCLocationReader.read(file, control: control)
            for (id, rating) in read.locations where ratings[id] == nil { ratings[id] = rating }
            ratingReads.append(read)
        }
        let practices = try request.ods.map { try EpraccurReader.read($0, includeClosed: request.includeClosed, control: control) }
        try requireRows(practices?.section)
        try control.checkCancelled()

        // Providers: the kinds imported replace what the catalog had of them.
        var replaced: [ProviderKind] = []
        if gias != nil { replaced.append(.school) }
        if directory != nil { replaced.append(.care) }
        if practices != nil { replaced.append(.gp) }
        let kept = existing?.providers.filter { !replaced.contains($0.kind) } ?? []
        var building = ProviderBuilding(placement: Placement(area: area, postcodes: postcodes, authority: authority),
                                        takenIDs: Set(kept.map(\.id)), commissioners: Commissioners())
        var providers: [ProviderKind: [Provider]] = [:]
        for kind in ProviderKind.allCases { providers[kind] = kept.filter { $0.kind == kind } }
        if let gias {
            var section = gias.section
            providers[.school] = building.schools(gias, section: &section)
            report.files.append(section)
        }
        if let directory {
            var section = directory.section
            providers[.care] = building.care(directory, ratings: cqcJSON.isEmpty ? nil : ratings, section: &section)
            if cqcJSON.isEmpty, let previous = existing?.providers(of: .care) {
                let (care, kept) = ProviderBuilding.keepingRatings(providers[.care] ?? [], from: previous)
                providers[.care] = care
                if kept > 0 {
                    section.note(line: 1, field: "CQC rating",
                                 "kept the catalog's earlier rating for \(Count.text(kept)) service\(kept == 1 ? "" : "s") (this directory has none); give CQC API location JSON as well to bring them up to date")
                }
            }
            report.files.append(section)
            for read in ratingReads {
                var ratingSection = read.section
                // Counted against the services imported, not every row of the directory.
                let matched = Set((providers[.care] ?? []).compactMap { $0.care?.cqcLocationID })
                let listed = Set(directory.services.map(\.locationID))
                ratingSection.imported = read.locations.keys.filter(matched.contains).count
                for rating in read.locations.values.sorted(by: { $0.line < $1.line }) where !matched.contains(rating.locationID) {
                    let reason = listed.contains(rating.locationID) ? "its service in the care directory was not imported (see the directory's report)"
                        : "not in the care directory's services for older people"
                    ratingSection.skip(line: rating.line, ImportReport.Reason(reason), detail: rating.locationID)
                }
                ratingSections.append(ratingSection)
            }
        } else {
            for read in ratingReads {
                var section = read.section
                providers[.care] = ProviderBuilding.rerated(providers[.care] ?? [], ratings: read, section: &section)
                ratingSections.append(section)
            }
        }
        report.files += ratingSections
        if let practices {
            var section = practices.section
            providers[.gp] = building.practices(practices, section: &section)
            report.files.append(section)
        }

        // The manifest.
        var manifest = existing?.manifest ?? Manifest(
            formatVersion: Manifest.supportedVersion, area: area, dataDates: [], commissioners: [], services: [],
            files: [:], postcodes: [], sources: [])
        manifest.postcodes = postcodes
        for kind in ProviderKind.allCases where manifest.files[kind] == nil { manifest.files[kind] = kind.defaultFileName }
        var commissionerIDs = Set(manifest.commissioners.map(\.id))
        for commissioner in building.commissioners.used.values.sorted(by: { $0.id < $1.id }) {
            if let index = manifest.commissioners.firstIndex(where: { $0.id == commissioner.id }) {
                manifest.commissioners[index] = commissioner
            } else {
                manifest.commissioners.append(commissioner)
            }
            commissionerIDs.insert(commissioner.id)
        }
        for kind in replaced + (ratingReads.isEmpty ? [] : [ProviderKind.care]) {
            let buyers = Array(Set((providers[kind] ?? []).map(\.commissionerID))).sorted()
            if let index = manifest.services.firstIndex(where: { $0.kind == kind }) {
                for buyer in buyers where !manifest.services[index].commissionerIDs.contains(buyer) {
                    manifest.services[index].commissionerIDs.append(buyer)
                }
            } else if let service = Commissioners.service(for: kind, commissioners: buyers) {
                manifest.services.append(service)
            }
        }
        if let gias {
            let asOf = AsOf.of(request.gias, inFile: gias.asOf, inFileBasis: "the newest LastChangedDate in the file",
                               dating: "dated by the newest LastChangedDate in it", today: request.today)
            report.date(request.gias, asOf)
            add(DataSources.gias(asOf: asOf), to: &manifest)
            add(DataSources.date("schools", "School details (Get Information About Schools)", asOf), to: &manifest)
            if gias.hasOfstedGrades { add(DataSources.date("ofsted", "Ofsted inspections (older grades, from GIAS)", asOf), to: &manifest) }
        }
        if let directory {
            let asOf = AsOf.of(cqcDirectories.first, inFile: directory.asOf, inFileBasis: "the date the file says it was produced",
                               dating: "dated by the file itself", nameFirst: false, today: request.today)
            report.date(cqcDirectories.first, asOf)
            add(DataSources.cqcDirectory(asOf: asOf), to: &manifest)
            add(DataSources.date("care", "CQC care directory", asOf), to: &manifest)
        }
        if !ratingReads.isEmpty {
            let asOf = AsOf.of(cqcJSON.first, inFile: ratingReads.compactMap(\.newestReport).max(),
                               inFileBasis: "the newest rating's report date in the file",
                               dating: "dated by the newest rating in it", nameFirst: false, today: request.today)
            for file in cqcJSON { report.date(file, asOf) }
            add(DataSources.cqcAPI(asOf: asOf), to: &manifest)
            add(DataSources.date(DataSources.cqcRatingsTopic, "CQC ratings (CQC API location data)", asOf), to: &manifest)
        }
        if let practices {
            let asOf = AsOf.of(request.ods, inFile: practices.asOf, inFileBasis: "the newest date in the file",
                               dating: "dated by the newest date in it", today: request.today)
            report.date(request.ods, asOf)
            add(DataSources.epraccur(asOf: asOf), to: &manifest)
            add(DataSources.date("gp", "GP practices (NHS ODS epraccur)", asOf), to: &manifest)
        }
        if let read = postcodeRead {
            // ONS's rows do not say which release they are from: the file's name does (NSPL_FEB_2026_UK.csv);
            // failing that, the newest month a postcode was introduced or terminated is as new as the release can be known to be.
            let asOf = AsOf.of(request.postcodes, inFile: read.asOf,
                               inFileBasis: "the newest month a postcode of the area was introduced or terminated (dointr, doterm; the file's name gives no release date)",
                               dating: "dated by the newest postcode in it (the file's name gives no release date)", today: request.today)
            report.date(request.postcodes, asOf)
            add(DataSources.postcodes(read.layout, asOf: asOf, converted: read.convertedFromGrid > 0), to: &manifest)
            add(DataSources.date("postcodes", "Postcodes", asOf), to: &manifest)
        }
        // A catalog started from postcodes alone is named by its GSS code; GIAS gives the name.
        if existing != nil, let gias,
           let named = gias.localAuthorities.first(where: { !$0.name.isEmpty && $0.gss == manifest.area.name.uppercased() }) {
            manifest.area.name = named.name
            manifest.area.localAuthority = "\(named.name) (\(named.gss))"
        }
        // Said again after each import into a catalog Agora made, naming every source so far.
        if existing == nil || manifest.area.description.hasPrefix(Self.madeBy) {
            manifest.area.description = "\(Self.madeBy) on \(request.today.long) from: " + manifest.sources.map(\.name).joined(separator: "; ") + "."
        }

        // The files, in the catalog's own format.
        let locations = Dictionary(manifest.postcodes.map { ($0.postcode, $0.location) }, uniquingKeysWith: { first, _ in first })
        var files: [String: [UInt8]] = [CatalogLoader.manifestFileName: Array(ManifestWriter.json(manifest).utf8)]
        for kind in ProviderKind.allCases {
            let name = manifest.files[kind] ?? kind.defaultFileName
            files[name] = ProviderTableWriter.csvBytes(kind: kind, providers: providers[kind] ?? [], postcodes: locations)
        }
        report.lacking = Lacking.find(providers: providers, gias: gias, directory: directory, ratingsGiven: !ratingReads.isEmpty,
                                      practices: practices)
        var counts: [ProviderKind: Int] = [:]
        for kind in ProviderKind.allCases { counts[kind] = providers[kind]?.count ?? 0 }
        return ImportResult(files: files, report: report, manifest: manifest, counts: counts, replaced: replaced,
                            workings: ImportWorkings((gias, directory, practices, providers, kept)))
    }

    /// The catalog's postcodes with the file's added, the file's coordinates winning.
    static func merged(_ existing: [Manifest.PostcodeEntry], _ read: [PostcodeRow]) -> [Manifest.PostcodeEntry] {
        var out = existing
        var index: [String: Int] = [:]
        for (position, entry) in existing.enumerated() { index[entry.postcode] = position }
        for row in read {
            if let position = index[row.postcode] {
                out[position].location = row.location
            } else {
                index[row.postcode] = out.count
                out.append(Manifest.PostcodeEntry(postcode: row.postcode, location: row.location, town: ""))
            }
        }
        return out
    }

    static func add(_ source: Manifest.DataSource, to manifest: inout Manifest) {
        if let index = manifest.sources.firstIndex(where: { $0.name == source.name }) {
            manifest.sources[index] = source
        } else {
            manifest.sources.append(source)
        }
    }

    static func add(_ date: Manifest.DataDate, to manifest: inout Manifest) {
        if let index = manifest.dataDates.firstIndex(where: { $0.topic == date.topic }) {
            manifest.dataDates[index] = date
        } else {
            manifest.dataDates.append(date)
        }
    }
}

/// Large values whose freeing (a hundred thousand strings and objects) is left to another thread,
/// so the caller need not wait for it.
public enum ReleaseElsewhere {
    public static func release<Value: Sendable>(_ value: Value) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }
}
