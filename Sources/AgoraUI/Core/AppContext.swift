import ChoiceKit

public struct StatusMessage: Hashable, Sendable {
    public enum Tone: Hashable, Sendable { case info, error }
    /// What the message line shows whole in an 80-column terminal (it is indented by one, and
    /// one column is kept free).
    public static let widthAt80Columns = 78
    public var text: String
    public var tone: Tone
    public init(text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }
}

/// A write that has been asked for and not yet confirmed, and how to put things back if it fails.
public struct PendingWrite: Hashable, Sendable {
    public enum Undo: Hashable, Sendable {
        case unmark(providerID: String)
        case remark(providerID: String, at: Int)
        case home(Manifest.PostcodeEntry?)
        case theme(ThemeName)
        /// The feature that asked keeps what was there and puts it back when it receives `.failed`.
        case byFeature
    }
    public let request: StoreRequest
    public let undo: Undo
    /// What was being saved, for "Not saved: …" messages.
    public let what: String
}

/// A background job the person can see and cancel.
public struct JobStatus: Hashable, Sendable {
    public let title: String
    public var done = 0
    public var total = 0
}

/// What every feature shares: the catalog, the window, the person's saved choices, messages,
/// writes in flight and running jobs. Features change the world only through it: `push`,
/// `present`, `write`, `start`… are collected and carried out by the router after each event.
public struct AppContext: Sendable {
    public private(set) var catalog: Catalog
    /// The background load of the catalog's providers, while it runs: until then `catalog` has
    /// the manifest only, and pages that need providers wait for it.
    public private(set) var catalogLoad: RequestID?
    public var isCatalogLoading: Bool { catalogLoad != nil }
    /// While an outcome is handed to the pages: whether the page receiving it is the one in view,
    /// with nothing over it (else the person has moved on since asking for what it brings).
    public internal(set) var receiverIsInView = true
    /// The saved postcode, kept to look up again once the providers are there.
    private var savedHome: String?
    private var typedWhileLoading = false
    /// The home postcode as the home page says it: one saved for another catalog (the setting is
    /// one for all) is named, not shown as unset.
    public var homeDescription: String {
        if let home { return home.postcode }
        guard let savedHome else { return "not set" }
        return isCatalogLoading ? "\(savedHome) (loading)" : "\(savedHome) (other area)"
    }

    /// Whether a home postcode is saved, found in this catalog or not.
    public var hasSavedHome: Bool { home != nil || savedHome != nil }

    /// The home postcode saved before one was typed while loading: back if that one is not found.
    private var homeBeforeTyping: String?
    public var size: Size
    public var today: CalendarDate
    /// Provider ids in the order they were added.
    public private(set) var shortlist: [String]
    public private(set) var home: Manifest.PostcodeEntry?
    public private(set) var theme: ThemeName
    public var message: StatusMessage?
    /// Numbered menus read line by line: messages name typed commands, not keys.
    public internal(set) var isPlain = false
    public private(set) var pending: [RequestID: PendingWrite] = [:]
    public private(set) var jobs: [RequestID: JobStatus] = [:]
    private var nextID = 1
    var commands: [Command] = []

    enum Command {
        case push(any Feature)
        case pop
        case present(any Feature)
        case dismiss
        case quit
        case effect(Effect)
        case modalFinished(String, Modal.Outcome)
    }

    public init(catalog: Catalog, size: Size, today: CalendarDate, shortlist: [String] = [], homePostcode: String? = nil,
                theme: ThemeName = .standard) {
        self.catalog = catalog
        self.size = size
        self.today = today
        self.shortlist = shortlist.filter { catalog.provider(id: $0) != nil }
        home = homePostcode.flatMap { catalog.postcode($0) }
        self.theme = theme
        savedHome = homePostcode
    }

    /// Starts with the manifest alone (`Catalog.manifestOnly`) and asks for the providers to be
    /// loaded from `place` in the background; `catalogArrived` puts them in place.
    public init(loadingFrom place: CatalogPlace, manifestOnly catalog: Catalog, size: Size, today: CalendarDate,
                shortlist: [String] = [], homePostcode: String? = nil, theme: ThemeName = .standard) {
        self.init(catalog: catalog, size: size, today: today, shortlist: [], homePostcode: homePostcode, theme: theme)
        // Checked against the providers when they arrive.
        self.shortlist = shortlist
        let id = newID()
        catalogLoad = id
        commands.append(.effect(.start(id, .loadCatalog(place))))
    }

    /// The providers have loaded: the shortlist is checked against them now, and a home postcode
    /// typed meanwhile is looked up (the message says what became of it).
    mutating func catalogArrived(_ delivery: CatalogDelivery) {
        catalog = delivery.catalog
        catalogLoad = nil
        let ready = "\(Count.text(catalog.providers.count)) providers ready"
        inform(ready)
        shortlist = shortlist.filter { catalog.provider(id: $0) != nil }
        guard home == nil, let savedHome else { return }
        home = catalog.postcode(savedHome)
        if let home, typedWhileLoading {
            inform(ready + "; distances from \(home.postcode)\(Self.inTown(home)) now show")
        } else if home == nil, typedWhileLoading {
            // Not kept: the one saved before it comes back (it is refused once loaded, too).
            let before = homeBeforeTyping
            self.savedHome = before
            home = before.flatMap { catalog.postcode($0) }
            write(.setHomePostcode(before), undo: .home(nil), what: "your home postcode")
            warn("\(savedHome) is not one of this area's postcodes: not kept. Press h to try again.")
        }
        typedWhileLoading = false
    }

    /// What is said when a home postcode is set (short enough for the message line at 80 columns).
    static func homeSetText(_ entry: Manifest.PostcodeEntry) -> String {
        "Home postcode \(entry.postcode)\(inTown(entry)): lists now show distances"
    }

    private static func inTown(_ entry: Manifest.PostcodeEntry) -> String {
        entry.town.isEmpty ? "" : " (\(entry.town))"
    }

    /// A home postcode typed while the area's postcodes are still loading: saved now, looked up
    /// (and distances shown) when they arrive.
    public mutating func setHomeWhenLoaded(_ postcode: String) {
        let previous = home
        home = nil
        if !typedWhileLoading { homeBeforeTyping = savedHome }
        savedHome = postcode
        typedWhileLoading = true
        write(.setHomePostcode(postcode), undo: .home(previous), what: "your home postcode")
    }

    /// The load failed: nothing is there to browse.
    mutating func catalogFailed() { catalogLoad = nil }

    /// The rows between the title bar and the message line, where pages and panels draw.
    public var contentArea: Rect { Layout(size: size).content }

    // MARK: Navigation

    public mutating func push(_ feature: any Feature) { commands.append(.push(feature)) }
    public mutating func pop() { commands.append(.pop) }
    public mutating func present(_ overlay: any Feature) { commands.append(.present(overlay)) }
    public mutating func dismiss() { commands.append(.dismiss) }
    public mutating func quit() { commands.append(.quit) }

    /// Closes the modal on top and passes its answer to the feature that opened it.
    public mutating func finishModal(_ tag: String, _ outcome: Modal.Outcome) {
        commands.append(.dismiss)
        commands.append(.modalFinished(tag, outcome))
    }

    public mutating func inform(_ text: String) { message = StatusMessage(text: text, tone: .info) }
    public mutating func warn(_ text: String) { message = StatusMessage(text: text, tone: .error) }

    private mutating func newID() -> RequestID {
        defer { nextID += 1 }
        return RequestID(nextID)
    }

    // MARK: Writes

    /// Asks the store to save; the change already made in memory shows as pending until the
    /// store confirms, and is undone with a message if it fails.
    @discardableResult
    mutating func write(_ request: StoreRequest, undo: PendingWrite.Undo, what: String) -> RequestID {
        let id = newID()
        pending[id] = PendingWrite(request: request, undo: undo, what: what)
        commands.append(.effect(.write(id, request)))
        return id
    }

    public var isSaving: Bool { !pending.isEmpty }

    /// True while adding or removing this provider has not been confirmed.
    public func isPending(_ providerID: String) -> Bool {
        pending.values.contains { write in
            switch write.request {
            case .addToShortlist(let id, _), .removeFromShortlist(let id): return id == providerID
            default: return false
            }
        }
    }

    mutating func confirm(_ id: RequestID) { pending[id] = nil }

    /// Puts back what a failed write changed, and says so.
    mutating func fail(_ id: RequestID, _ problem: String) {
        guard let write = pending.removeValue(forKey: id) else { return }
        switch write.undo {
        case .unmark(let providerID): shortlist.removeAll { $0 == providerID }
        case .remark(let providerID, let index):
            if !shortlist.contains(providerID) { shortlist.insert(providerID, at: min(index, shortlist.count)) }
        case .home(let previous): home = previous
        case .theme(let previous): theme = previous
        case .byFeature: break
        }
        warn("Not saved: \(write.what). \(problem) It is back as it was.")
    }

    // MARK: Shared choices

    public func isShortlisted(_ id: String) -> Bool { shortlist.contains(id) }

    /// Adds or removes a provider from the shortlist, saved through the store.
    public mutating func toggleShortlist(_ provider: Provider) {
        if let index = shortlist.firstIndex(of: provider.id) {
            shortlist.remove(at: index)
            write(.removeFromShortlist(providerID: provider.id), undo: .remark(providerID: provider.id, at: index),
                  what: "removing \(provider.name)")
            inform("Removed \(provider.name) from your shortlist")
        } else {
            shortlist.append(provider.id)
            write(.addToShortlist(providerID: provider.id, kind: provider.kind), undo: .unmark(providerID: provider.id),
                  what: "adding \(provider.name)")
            inform("Added \(provider.name) to your shortlist (\(shortlist.count) now; v to see it)")
        }
    }

    /// The shortlist as saved, read again; ignored while a change of ours is still being saved.
    mutating func replaceShortlist(_ ids: [String]) {
        guard !pending.values.contains(where: { if case .addToShortlist = $0.request { return true }
                                                 if case .removeFromShortlist = $0.request { return true }
                                                 return false }) else { return }
        shortlist = isCatalogLoading ? ids : ids.filter { catalog.provider(id: $0) != nil }
    }

    public mutating func setHome(_ entry: Manifest.PostcodeEntry?) {
        let previous = home
        home = entry
        savedHome = entry?.postcode
        write(.setHomePostcode(entry?.postcode), undo: .home(previous), what: "your home postcode")
    }

    public mutating func setTheme(_ theme: ThemeName) {
        let previous = self.theme
        self.theme = theme
        write(.setTheme(theme), undo: .theme(previous), what: "your colour choice")
    }

    public mutating func reloadShortlist() { commands.append(.effect(.reloadShortlist)) }

    // MARK: Jobs

    @discardableResult
    public mutating func start(_ job: JobRequest, title: String) -> RequestID {
        let id = newID()
        jobs[id] = JobStatus(title: title)
        commands.append(.effect(.start(id, job)))
        return id
    }

    /// The job started last, which Esc cancels.
    public var latestJob: (id: RequestID, status: JobStatus)? {
        jobs.max { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public mutating func cancel(_ id: RequestID) {
        guard jobs[id] != nil else { return }
        commands.append(.effect(.cancel(id)))
    }

    mutating func jobProgress(_ id: RequestID, done: Int, total: Int) {
        jobs[id]?.done = done
        jobs[id]?.total = total
    }

    mutating func jobEnded(_ id: RequestID) { jobs[id] = nil }
}
