import ChoiceKit
import SchoolChoice

/// Opens a side-by-side comparison of marked providers: schools with the schools comparison,
/// other kinds with every fact their details page shows.
enum Comparisons {
    static func open(_ providers: [Provider], kind: ProviderKind, in context: inout AppContext) {
        guard providers.count >= 2 else {
            let how = context.isPlain ? "with m and a number, then type c" : "with Space, then press c"
            context.inform("Mark at least two \(kind.label.lowercased()) \(how) to compare them (\(providers.count) marked now).")
            return
        }
        let limit = min(SchoolComparison.maximumSchools, ProviderComparison.maximumProviders)
        if providers.count > limit { context.inform("Comparing the first \(limit) you marked; unmark some to compare others.") }
        let shown = Array(providers.prefix(limit))
        var feature = ComparisonFeature(grid: grid(shown, kind: kind, in: context))
        feature.marked = ComparisonFeature.Marked(ids: shown.map(\.id), kind: kind)
        context.push(feature)
    }

    /// The grid for these providers, with distances from the home postcode when there is one.
    static func grid(_ shown: [Provider], kind: ProviderKind, in context: AppContext) -> ComparisonGrid {
        kind == .school
            ? SchoolComparison(schools: shown, catalog: context.catalog, child: nil, entry: nil, priorities: nil,
                               home: context.home?.location).grid
            : ProviderComparison.grid(shown, catalog: context.catalog, origin: context.home?.location)
    }
}
