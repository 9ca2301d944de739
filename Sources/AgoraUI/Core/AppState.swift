import ChoiceKit

/// Which list: a kind, and for the seed's other services, one service of that kind.
public struct ListKey: Hashable, Sendable {
    public var kind: ProviderKind
    public var serviceID: String?
    public init(kind: ProviderKind, serviceID: String? = nil) {
        self.kind = kind
        self.serviceID = serviceID
    }
}

public enum Page: Hashable, Sendable {
    case home
    case list(ListKey)
    case detail(providerID: String)
    case shortlist
    case about
}

public enum Overlay: Hashable, Sendable {
    case help(KeyContext)
    case filters(FilterPanel)
    case sort(selected: Int)
    case postcode(TextField)
}

public struct StatusMessage: Hashable, Sendable {
    public enum Tone: Hashable, Sendable { case info, error }
    public var text: String
    public var tone: Tone
    public init(text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }
}

/// Everything the UI knows. `update` changes it; `render` draws it.
public struct AppState: Sendable {
    public let catalog: Catalog
    public var size: Size
    public var pages: [Page] = [.home]
    public var overlay: Overlay?
    public var homeSelection = 0
    public var lists: [ListKey: ListState] = [:]
    public var shortlistSelection = 0
    /// Scroll offset of the page on top (detail, about).
    public var scroll = 0
    /// Provider ids in the order they were added.
    public var shortlist: [String]
    public var homePostcode: Manifest.PostcodeEntry?
    public var theme: ThemeName
    public var message: StatusMessage?
    public var isRunning = true

    public init(catalog: Catalog, size: Size, shortlist: [String] = [], homePostcode: String? = nil,
                theme: ThemeName = .standard) {
        self.catalog = catalog
        self.size = size
        self.shortlist = shortlist.filter { catalog.provider(id: $0) != nil }
        self.homePostcode = homePostcode.flatMap { catalog.postcode($0) }
        self.theme = theme
    }

    public var page: Page { pages.last ?? .home }

    public func isShortlisted(_ id: String) -> Bool { shortlist.contains(id) }

    /// The keyboard context of what is on top, for key lookup and help.
    public var keyContext: KeyContext {
        switch overlay {
        case .help?: return .help
        case .filters?: return .filters
        case .sort?: return .sortMenu
        case .postcode?: return .textEntry
        case nil: break
        }
        switch page {
        case .home: return .home
        case .list(let key): return lists[key]?.search != nil ? .textEntry : .list
        case .detail: return .detail
        case .shortlist: return .shortlist
        case .about: return .about
        }
    }
}
