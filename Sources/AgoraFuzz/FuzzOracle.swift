@_spi(Fuzzing) import ChoiceKit

/// Runs one case against the loader or the snapshot reader and says what, if anything, is wrong
/// besides a trap (which ends the process, and is caught by whoever runs it): a message that is
/// not inert or is far too long, a catalog that does not survive its own snapshot, a snapshot that
/// gives a different catalog from the one it was made of. Every catalog that loads is also put
/// through queries, facts and list columns, where bad values would trap.
public enum FuzzOracle {
    /// Longer than any message should be once values are quoted short.
    static let messageLimit = 2_000

    public static func check(_ fuzzCase: FuzzCase, corpus: FuzzCorpus = .shared) -> [String] {
        switch fuzzCase.input {
        case .catalog(let files):
            return checkCatalog(FuzzCatalogSource(files: files))
        case .snapshot(let bytes, let base, let checkingSums):
            return checkSnapshot(bytes, base: corpus.bases[base], checkingSums: checkingSums)
        }
    }

    /// A catalog of these files (a libFuzzer harness builds them from its input).
    public static func checkCatalog(files: [String: [UInt8]]) -> [String] {
        checkCatalog(FuzzCatalogSource(files: files.mapValues { FuzzFile.bytes($0) }))
    }

    /// These bytes as a snapshot of base `base` of the corpus.
    public static func checkSnapshot(_ bytes: [UInt8], base: Int = 0, checkingSums: Bool, corpus: FuzzCorpus = .shared) -> [String] {
        checkSnapshot(bytes, base: corpus.bases[base % corpus.bases.count], checkingSums: checkingSums)
    }

    static func checkCatalog(_ source: any CatalogSource) -> [String] {
        var failures: [String] = []
        let report = CatalogLoader.check(source)
        for problem in report.problems {
            let text = problem.description
            if text.unicodeScalars.contains(where: { TextSafety.isControl($0) || TextSafety.isInvisibleControl($0) }) {
                failures.append("a problem message is not inert (field \(TextSafety.inert(problem.field)))")
            }
            if text.count > messageLimit { failures.append("a problem message is \(text.count) characters long") }
        }
        if report.catalog == nil, report.errorCount == 0 { failures.append("no catalog, yet no error") }
        guard let catalog = report.catalog else { return failures }
        exercise(catalog)
        // The first frame's reading agrees with the full one: the postcode list passed over, or
        // read with the rest when the quick scan cannot step over it.
        var withoutPostcodes = catalog.manifest
        withoutPostcodes.postcodes = []
        switch Result(catching: { () throws(CatalogError) -> Catalog in try Catalog.manifestOnly(from: source) }) {
        case .success(let early) where early.manifest != withoutPostcodes && early.manifest != catalog.manifest:
            failures.append("the manifest read for a first frame differs from the full reading")
        case .failure: failures.append("the manifest read for a first frame was refused, the full reading was not")
        default: break
        }
        // A checked catalog survives its own snapshot exactly.
        if let bytes = CatalogSnapshot.encode(catalog, source: source) {
            switch CatalogSnapshot.read(bytes, source: source) {
            case .loaded(let decoded):
                if decoded.providers != catalog.providers { failures.append("a snapshot changed the providers") }
                if decoded.manifest != catalog.manifest { failures.append("a snapshot changed the manifest") }
                if decoded.warnings != catalog.warnings { failures.append("a snapshot changed the warnings") }
            case .stale: failures.append("a fresh snapshot was stale")
            case .damaged: failures.append("a fresh snapshot was refused as damaged")
            }
        }
        return failures
    }

    static func checkSnapshot(_ bytes: [UInt8], base: FuzzCorpus.Base, checkingSums: Bool) -> [String] {
        var failures: [String] = []
        // The first frame's manifest, read from the start of the same bytes: refused, or as written.
        let early = CatalogSnapshot.manifestOnly(size: bytes.count, source: base.source, checkingFreshness: false) { offset, count in
            offset >= 0 && count >= 0 && offset <= bytes.count - count ? Array(bytes[offset..<(offset + count)]) : nil
        }
        if let early {
            var expected = base.catalog.manifest
            expected.postcodes = []
            if early.manifest != expected { failures.append("a damaged snapshot gave a different first-frame manifest") }
        }
        return failures + checkSnapshotBody(bytes, base: base, checkingSums: checkingSums)
    }

    private static func checkSnapshotBody(_ bytes: [UInt8], base: FuzzCorpus.Base, checkingSums: Bool) -> [String] {
        switch CatalogSnapshot.read(bytes, source: base.source, checkingSums: checkingSums) {
        case .stale, .damaged:
            return []
        case .loaded(let decoded):
            exercise(decoded)
            guard checkingSums else { return [] }
            // With its checksums checked, a damaged snapshot either is refused or reads as written.
            var failures: [String] = []
            if decoded.providers != base.catalog.providers { failures.append("a damaged snapshot gave different providers") }
            if decoded.manifest != base.catalog.manifest { failures.append("a damaged snapshot gave a different manifest") }
            return failures
        }
    }

    /// What the program does with a catalog: every sort of every kind, from the area's centre, a
    /// search, filters, every fact of the first providers, list columns, text cut to a width.
    static func exercise(_ catalog: Catalog) {
        let centre = catalog.manifest.area.centre
        let word = catalog.providers.first.map { String($0.name.prefix(4)) } ?? "a"
        for kind in [nil] + ProviderKind.allCases.map(Optional.some) {
            for field in SortField.available(for: kind) {
                var query = ProviderQuery(kind: kind, origin: centre, sort: SortOrder(field: field))
                _ = catalog.run(query)
                query.sort = query.sort.reversed
                query.text = word
                query.filters.maximumDistanceMetres = 5_000
                _ = catalog.run(query)
            }
            for provider in catalog.providers(of: kind ?? .school).prefix(3) {
                for column in ListColumns.forKind(kind) { _ = DisplayWidth.truncate(column.value(provider, catalog), to: 12) }
            }
        }
        for provider in catalog.providers.prefix(12) {
            for section in ProviderFacts.sections(for: provider, in: catalog, origin: centre) {
                for fact in section.facts { _ = DisplayWidth.wrap(TextSafety.inert(fact.text), width: 30) }
            }
            _ = JSONValue.quote(provider.name)
        }
    }
}
