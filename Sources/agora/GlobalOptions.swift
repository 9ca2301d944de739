import AgoraStore
import AgoraUI
import ArgumentParser
import ChoiceKit
import EmbeddedCatalog
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Catalog directory to use instead of the built-in one.", valueName: "dir"))
    var catalog: String?

    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("Where your settings and shortlist are kept (default: $XDG_DATA_HOME/agora, else ~/.local/share/agora).", valueName: "dir"))
    var dataDir: String?

    /// The options when none is given (every one must be set here; a test compares with the parser's).
    static func withDefaults() -> GlobalOptions {
        var options = GlobalOptions()
        options.catalog = nil
        options.dataDir = nil
        return options
    }

    /// The built-in catalog unless `--catalog` names a directory. Problems end the program with the
    /// catalog's own messages (exit 1), never a trap. A large directory catalog is loaded from its
    /// snapshot when its files are unchanged; otherwise `saveSnapshot` makes one for next time.
    func loadCatalog() throws -> LoadedCatalog {
        if let directory = catalog { try Self.checkIsDirectory(directory) }
        return try Self.loadCatalog(catalog.map { .directory($0) } ?? .builtIn)
    }

    /// `--catalog` must name a directory.
    static func checkIsDirectory(_ directory: String) throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.usage("there is no catalog directory at \(MessageText.path(directory)) — give the directory holding manifest.json")
        }
    }

    /// The manifest of a catalog alone: the full-screen program draws its home page from it while
    /// the providers load.
    static func loadManifest(_ place: CatalogPlace) throws(Failure) -> Catalog {
        let source: any CatalogSource
        switch place {
        case .builtIn:
            source = EmbeddedCatalog.source
        case .directory(let directory):
            try checkIsDirectory(directory)
            source = DirectoryCatalogSource(directory: directory)
            // A large catalog's manifest is mostly postcodes, which the snapshot keeps apart.
            if let early = SnapshotCache(catalogDirectory: directory).manifestOnly(source) { return early }
        }
        do {
            return try Catalog.manifestOnly(from: source)
        } catch {
            throw Failure.catalog(error.description)
        }
    }

    /// The built-in catalog, or a directory's from its snapshot when its files are unchanged, else
    /// from the files (with the work of saving a snapshot for next time when it is large).
    static func loadCatalog(_ place: CatalogPlace) throws(Failure) -> LoadedCatalog {
        guard case .directory(let directory) = place else {
            do {
                return LoadedCatalog(catalog: try Catalog.load(from: EmbeddedCatalog.source), saveSnapshot: nil)
            } catch {
                throw Failure.catalog(error.description)
            }
        }
        let source = DirectoryCatalogSource(directory: directory)
        let cache = SnapshotCache(catalogDirectory: directory)
        if let snapshot = cache.load(source) { return LoadedCatalog(catalog: snapshot, saveSnapshot: nil) }
        do {
            let loaded = try Catalog.load(from: source)
            let save = loaded.providers.count < SnapshotCache.minimumProviders ? nil
                : BackgroundWork { isCancelled in cache.save(loaded, source, isCancelled: isCancelled) }
            return LoadedCatalog(catalog: loaded, saveSnapshot: save)
        } catch {
            throw Failure.catalog(error.description)
        }
    }

    /// `--data-dir`, else `$XDG_DATA_HOME/agora`, else `~/.local/share/agora`.
    var dataDirectory: String {
        if let dataDir { return dataDir }
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/agora" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/agora"
    }
}

/// Options of the full-screen program.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .long, help: "Numbered line-by-line menus instead of full screen (for screen readers; automatic when TERM=dumb).")
    var plain = false

    @Option(name: .long, help: ArgumentHelp("Colours: default, high-contrast or mono (NO_COLOR also gives mono).", valueName: "theme"))
    var theme: String?

    /// The options when none is given (every one must be set here; a test compares with the parser's).
    static func withDefaults() -> DisplayOptions {
        var options = DisplayOptions()
        options.plain = false
        options.theme = nil
        return options
    }

    /// An unknown theme is a usage mistake before any command runs, not only when the full screen opens.
    func validate() throws {
        if let theme, ThemeName(rawValue: theme.lowercased()) == nil {
            throw ValidationError("unknown theme \(MessageText.quoted(theme)) (the themes are default, high-contrast and mono)")
        }
    }
}

/// A loaded catalog, and the work of saving its snapshot when there is one to save: the caller
/// does it when it costs the person nothing (after printing, or in the background, cancelled at
/// quit).
struct LoadedCatalog {
    let catalog: Catalog
    let saveSnapshot: BackgroundWork?
}
