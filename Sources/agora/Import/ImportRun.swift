import AgoraStore
import ArgumentParser
import ChoiceKit
import Foundation
import Importers

/// One import from start to end: the target looked at, the national files read (with a progress
/// bar on a terminal, and Ctrl-C heard), the new catalog written beside the target, checked as
/// `agora catalog check` would, put in place, its snapshot saved, and the report printed.
struct ImportRun {
    enum Expectation { case mustBeNew, mustExist }

    let destination: ImportDestination
    let existing: Expectation

    /// What is at `--into` now.
    private enum TargetState {
        case absent
        case emptyDirectory
        case catalog(Catalog)
    }

    func perform(_ request: ImportRequest) throws {
        let target = destination.into
        let state = try inspect(target)
        var existingCatalog: Catalog?
        switch (state, existing) {
        case (.catalog(let catalog), .mustBeNew):
            throw Failure.usage("\(MessageText.path(target)) already holds a catalog (\(MessageText.excerpt(catalog.manifest.area.name))) — import into a new directory, or add to this one with agora import gias, cqc, ods or postcodes (without --area)")
        case (.absent, .mustExist), (.emptyDirectory, .mustExist):
            throw Failure.usage("there is no catalog at \(MessageText.path(target)) yet — start one with agora import postcodes FILE --area NAME --into \(MessageText.excerpt(target, limit: MessageText.pathLimit)), or make a whole one with agora import all")
        case (.catalog(let catalog), .mustExist):
            existingCatalog = catalog
        case (.absent, .mustBeNew), (.emptyDirectory, .mustBeNew):
            break
        }

        let interrupts = ImportInterrupts()
        defer { interrupts.end() }
        let bar = ImportProgressBar()
        interrupts.beforeStop = { bar.clear() }
        let control = ImportControl(isCancelled: { interrupts.check() }, progress: { bar.update($0) })

        let result: ImportResult
        do {
            result = try Importer.run(request, into: existingCatalog, control: control)
        } catch let failure as ImportFailure {
            bar.clear()
            if failure.isUsage { throw Failure.usage(failure.message) }
            // The message first, then the rows it is about.
            throw Failure.catalog((["agora: \(failure.message) (nothing was changed)"] + failure.details.map { "  " + $0 }).joined(separator: "\n"))
        } catch is ImportCancelled {
            bar.clear()
            throw cancelled(target, interrupts)
        }
        bar.clear()

        let staging = try CatalogStaging(target: target)
        let catalog: Catalog
        do {
            // Checked from the bytes being written, while they are written.
            staging.write(result.files)
            if interrupts.check() { throw cancelled(target, interrupts) }
            let report = CatalogLoader.check(InMemoryCatalogSource(files: result.files, displayName: target))
            guard let checked = report.catalog else {
                let problems = report.errors.prefix(10).map(\.description).joined(separator: "\n")
                throw Failure.catalog("agora: the imported catalog did not pass its check, so nothing was changed — please report this, with the files imported\n" + problems)
            }
            catalog = checked
            if interrupts.check() { throw cancelled(target, interrupts) }
            try staging.moveIntoPlace(writtenNames: Set(result.files.keys))
        } catch {
            staging.discard()
            throw error
        }

        // A large catalog's snapshot now, so the first launch on it is as quick as later ones.
        // An import has memory to spare (a national GIAS file peaks far under its 300 MB).
        if catalog.providers.count >= SnapshotCache.minimumProviders {
            SnapshotCache(catalogDirectory: target).save(catalog, DirectoryCatalogSource(directory: target), holdingRecords: true,
                                                         isCancelled: { interrupts.check() })
        }

        var report = result.report
        report.outcome = Self.outcome(result, catalog: catalog, target: target, before: existingCatalog)
        // Handed over, not shared: if this thread kept a reference it could end up freeing them.
        ReleaseElsewhere.release((consume catalog, consume result, consume existingCatalog))
        Output.print(report.lines(listing: RowShapesListing.perReason).joined(separator: "\n") + "\n")
        if let file = destination.report {
            try FileWriting.writeText(report.lines(listing: nil).joined(separator: "\n") + "\n", to: file, option: "--report")
        }
    }

    /// Says so, and ends with the status of a program stopped by that signal (130 for Ctrl-C).
    private func cancelled(_ target: String, _ interrupts: ImportInterrupts) -> ExitCode {
        Output.error("agora: the import was cancelled — \(MessageText.path(target)) is as it was")
        return ExitCode(128 + interrupts.signal)
    }

    private func inspect(_ target: String) throws -> TargetState {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return .absent }
        guard isDirectory.boolValue else {
            throw Failure.usage("\(MessageText.path(target)) is a file, not a directory — give a directory for --into")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if names.isEmpty { return .emptyDirectory }
        guard names.contains(CatalogLoader.manifestFileName) else {
            throw Failure.usage("\(MessageText.path(target)) is not empty and holds no catalog (no manifest.json) — give a new or empty directory, or a catalog directory")
        }
        do {
            return .catalog(try Catalog.load(from: DirectoryCatalogSource(directory: target)))
        } catch {
            let problems = error.problems.filter { $0.severity == .error }.prefix(5).map(\.description)
            for line in problems { Output.error(line) }
            throw Failure.failed("the catalog at \(MessageText.path(target)) has problems, so nothing was imported — run agora catalog check \(MessageText.excerpt(target, limit: MessageText.pathLimit)), fix them, and import again")
        }
    }

    /// "Imported into kingsmere: 9 schools, 6 care services, 3 GP practices and 10 postcodes (Kingsmere)."
    static func outcome(_ result: ImportResult, catalog: Catalog, target: String, before: Catalog?) -> String {
        var parts = ProviderKind.allCases.filter { $0 != .other || catalog.count(of: .other) > 0 }.map { kind in
            let count = catalog.count(of: kind)
            return "\(Count.text(count)) \(count == 1 ? kind.singular : kind.pluralWords)"
        }
        let postcodes = catalog.manifest.postcodes.count
        parts.append("\(Count.text(postcodes)) postcode\(postcodes == 1 ? "" : "s")")
        let list = parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        var text = "Imported into \(target): \(list) — \(catalog.manifest.area.name)."
        if let before {
            let replaced = result.replaced.filter { before.count(of: $0) > 0 }.map { kind in
                let count = before.count(of: kind)
                return "\(Count.text(count)) \(count == 1 ? kind.singular : kind.pluralWords)"
            }
            if !replaced.isEmpty { text += " They replace the \(replaced.joined(separator: " and ")) it had." }
        }
        text += " agora catalog check passes; browse it with agora --catalog \(target)."
        return text
    }
}

/// On the terminal, a few rows of each reason; `--report FILE` has them all.
enum RowShapesListing {
    static let perReason = 10
}

extension ProviderKind {
    /// "schools", "care services", "GP practices", "contracted services".
    var pluralWords: String {
        switch self {
        case .school: return "schools"
        case .care: return "care services"
        case .gp: return "GP practices"
        case .other: return "contracted services"
        }
    }
}
