import ChoiceKit

/// Everything the UI knows: the shared context, the stack of pages and the panels over them.
/// `Update.apply` changes it; `Render.screen` draws it.
public struct AppState: Sendable {
    public var context: AppContext
    public var pages: [any Feature]
    public var overlays: [any Feature] = []
    public var isRunning = true
    /// How the program should exit: 0 after q, 130 after Ctrl-C (as an interrupted program does).
    public var exitStatus: Int32 = 0
    /// Why the program stopped by itself (the catalog could not be loaded), to print once the
    /// terminal is restored.
    public var failure: String?

    public init(context: AppContext, home: any Feature) {
        self.context = context
        pages = [home]
    }

    /// The usual start: the home page of the catalog.
    public init(catalog: Catalog, size: Size, today: CalendarDate, shortlist: [String] = [], homePostcode: String? = nil,
                theme: ThemeName = .standard) {
        let context = AppContext(catalog: catalog, size: size, today: today, shortlist: shortlist, homePostcode: homePostcode,
                                 theme: theme)
        self.init(context: context, home: HomeFeature(catalog: catalog))
    }

    /// The home page at once, on the manifest alone, with the providers loading from `place`
    /// in the background (`Update.start` hands the runtime that job).
    public init(loadingFrom place: CatalogPlace, manifestOnly catalog: Catalog, size: Size, today: CalendarDate,
                shortlist: [String] = [], homePostcode: String? = nil, theme: ThemeName = .standard) {
        let context = AppContext(loadingFrom: place, manifestOnly: catalog, size: size, today: today, shortlist: shortlist,
                                 homePostcode: homePostcode, theme: theme)
        self.init(context: context, home: HomeFeature(catalog: catalog))
    }

    public var catalog: Catalog { context.catalog }
    public var size: Size { context.size }
    public var page: any Feature { pages[pages.count - 1] }
    public var top: any Feature { overlays.last ?? page }
    public var isOnHome: Bool { pages.count == 1 && overlays.isEmpty }

    /// The page of a given type on top, if it is one: for tests and the plain runner.
    public func topPage<F: Feature>(as type: F.Type) -> F? { page as? F }
    public func topOverlay<F: Feature>(as type: F.Type) -> F? { overlays.last as? F }

    /// What help and the status line show for whatever is on top.
    public var helpEntries: [HelpEntry] {
        if let overlay = overlays.last { return overlay.help(in: context) + [HelpEntry(keyLabel: "Ctrl-C", help: "quit at once")] }
        if page.capturesText { return page.help(in: context) }
        return page.help(in: context) + GlobalKeys.help(onHome: pages.count == 1)
    }
}
