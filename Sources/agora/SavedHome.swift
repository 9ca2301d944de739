import AgoraStore
import ChoiceKit
import Foundation

/// The postcode a command measures from: the one given on the command line, else the home
/// postcode saved in the full-screen program (h on its home page), read from the store in the
/// data directory.
struct HomeChoice {
    let entry: Manifest.PostcodeEntry
    let isSaved: Bool

    /// "KM1 9UY", or "KM1 9UY (your saved home)" so the person knows where it came from.
    var described: String { isSaved ? "\(entry.postcode) (your saved home)" : entry.postcode }

    /// The given postcode, else the saved home; nil when neither exists.
    static func find(given: String?, option: String, global: GlobalOptions, catalog: Catalog) throws -> HomeChoice? {
        if let given { return HomeChoice(entry: try catalog.requirePostcode(given, option: option), isSaved: false) }
        guard let saved = try savedPostcode(global) else { return nil }
        guard let entry = catalog.postcode(saved) else {
            throw Failure.usage("your saved home postcode \(MessageText.quoted(saved)) is not in the \(catalog.manifest.area.name) catalog — give \(option) POSTCODE")
        }
        return HomeChoice(entry: entry, isSaved: true)
    }

    /// As `find`, but a home is needed: without one, say how to give it.
    static func require(given: String?, option: String, global: GlobalOptions, catalog: Catalog) throws -> HomeChoice {
        guard let found = try find(given: given, option: option, global: global, catalog: catalog) else {
            throw Failure.usage("no home postcode — give \(option) POSTCODE, or set your home in the full-screen program (h)")
        }
        return found
    }

    /// The saved home postcode, if a store exists and holds one. A missing store is not made:
    /// reading must not leave a data directory behind.
    static func savedPostcode(_ global: GlobalOptions) throws -> String? {
        let directory = global.dataDirectory
        guard FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(AgoraStore.fileName)) else { return nil }
        do {
            let saved = try AgoraStore(directory: directory).setting(.homePostcode)
            return saved.flatMap { $0.isEmpty ? nil : $0 }
        } catch {
            throw Failure.failed("your saved home postcode cannot be read: \(error.description) — give the postcode on the command line")
        }
    }
}
