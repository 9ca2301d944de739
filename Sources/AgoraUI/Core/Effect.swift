import ChoiceKit

/// Identifies one write or job, so its outcome finds its way back.
public struct RequestID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.value < rhs.value }
    public var description: String { "#\(value)" }
}

/// A change to the person's saved data. The runtime carries it out against the store.
public enum StoreRequest: Hashable, Sendable {
    case addToShortlist(providerID: String, kind: ProviderKind)
    case removeFromShortlist(providerID: String)
    case setHomePostcode(String?)
    case setTheme(ThemeName)
    /// A child's profile, marked schools, priorities or preference list (`Features/Schools`).
    case school(SchoolRequest)
    /// A care budget's set-up, plan line or ledger entry (`Features/CareBudget`).
    case budget(BudgetRequest)
}

/// Long work the runtime runs in the background, reporting progress; it can be cancelled.
public enum JobRequest: Hashable, Sendable {
    /// Write a finished document to a file (atomically: all of it or nothing).
    case export(ExportDocument, path: String)
    /// Load the providers of a catalog (a directory's from its snapshot when fresh), while the
    /// home page is already on screen. Not cancellable: there is nothing to browse without it.
    case loadCatalog(CatalogPlace)
}

/// Where a catalog comes from: the one built into the program, or a directory of files.
public enum CatalogPlace: Hashable, Sendable {
    case builtIn
    case directory(String)
}

/// A loaded catalog on its way to the UI. Two are equal when they describe the same catalog.
public struct CatalogDelivery: Hashable, Sendable {
    public let catalog: Catalog
    public init(_ catalog: Catalog) { self.catalog = catalog }
    public static func == (lhs: CatalogDelivery, rhs: CatalogDelivery) -> Bool {
        lhs.catalog.manifest == rhs.catalog.manifest && lhs.catalog.providers == rhs.catalog.providers
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(catalog.manifest.area.name)
        hasher.combine(catalog.providers.count)
    }
}

/// Text ready to be saved as a file.
public struct ExportDocument: Hashable, Sendable {
    public let title: String
    public let text: String
    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

/// What `update` asks of the outside world. Each is a value (testable, comparable); its outcome
/// comes back as an `Event.outcome`.
public enum Effect: Hashable, Sendable {
    case write(RequestID, StoreRequest)
    /// Read the shortlist again (another copy of Agora may have changed it).
    case reloadShortlist
    /// Read the saved children with their marked schools, priorities and preferences.
    case loadChildren
    /// Read the saved care budgets with their plans and ledgers.
    case loadBudgets
    case start(RequestID, JobRequest)
    case cancel(RequestID)
}

/// What became of an effect.
public enum Outcome: Hashable, Sendable {
    case saved(RequestID)
    case failed(RequestID, message: String)
    case shortlistLoaded([String])
    case childrenLoaded(ChildrenLoad)
    case budgetsLoaded(BudgetsLoad)
    case progress(RequestID, done: Int, total: Int)
    case finished(RequestID, message: String)
    case jobFailed(RequestID, message: String)
    case cancelled(RequestID)
    case catalogLoaded(RequestID, CatalogDelivery)
}
