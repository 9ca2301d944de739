import ChoiceKit
import Foundation

enum Measure {
    static func run(directory: String, providers: Int) {
        var loadTimes: [Double] = []
        var catalog: Catalog?
        for _ in 0..<5 {
            catalog = nil // never hold two catalogs at once: peak memory is for one
            let start = ContinuousClock.now
            do {
                catalog = try Catalog.load(from: DirectoryCatalogSource(directory: directory))
            } catch {
                print("catalog did not load: \(error)")
                exit(1)
            }
            loadTimes.append(milliseconds(ContinuousClock.now - start))
        }
        guard let catalog else { return }
        print("Load + check + index of \(catalog.providers.count) providers, from the files: median \(format(median(loadTimes))) ms, best \(format(loadTimes.min() ?? 0)) ms (5 runs)")

        var random = SystemRandomNumberGenerator()
        var generator = QueryMix(catalog: catalog, seed: 7)
        _ = random.next()
        var timings: [String: [Double]] = [:]
        var all: [Double] = []
        var totalResults = 0
        for _ in 0..<1_000 {
            let (label, query) = generator.next()
            let start = ContinuousClock.now
            let result = catalog.run(query)
            let elapsed = milliseconds(ContinuousClock.now - start)
            totalResults += result.count
            timings[label, default: []].append(elapsed)
            all.append(elapsed)
        }
        print("1,000 mixed queries: p50 \(format(percentile(all, 50))) ms, p99 \(format(percentile(all, 99))) ms, max \(format(all.max() ?? 0)) ms (\(totalResults / 1_000) results on average)")
        for (label, values) in timings.sorted(by: { $0.key < $1.key }) {
            print("  \(label.padding(toLength: 26, withPad: " ", startingAt: 0)) n=\(values.count)\tp50 \(format(percentile(values, 50))) ms\tp99 \(format(percentile(values, 99))) ms")
        }
        print("Peak memory (VmHWM): \(peakMemoryMB()) MB")
        let keys = InterfaceBenchmark.keystrokes(catalog: catalog)
        print("Keystroke to rendered frame (search in a 120×40 list of \(catalog.count(of: .school)) schools, \(keys.count) keys): p50 \(format(percentile(keys, 50))) ms, p99 \(format(percentile(keys, 99))) ms, max \(format(keys.max() ?? 0)) ms")

        // Repeat launches: a snapshot of the checked catalog, used while the files are unchanged.
        let source = DirectoryCatalogSource(directory: directory)
        let snapshotFile = directory + "/../agora-bench-\(providers).snapshot"
        let encodeStart = ContinuousClock.now
        if let bytes = CatalogSnapshot.encode(catalog, source: source) {
            guard FileManager.default.createFile(atPath: snapshotFile, contents: Data(bytes)) else { return }
            let encodeTime = milliseconds(ContinuousClock.now - encodeStart)
            var warmTimes: [Double] = []
            for _ in 0..<5 {
                let start = ContinuousClock.now
                // As the program reads it: mapped in place, checked, providers decoded when asked for.
                guard case .success(let storage) = SnapshotStorage.open(snapshotFile),
                      case .loaded = CatalogSnapshot.read(storage, source: source) else {
                    print("snapshot did not decode")
                    break
                }
                warmTimes.append(milliseconds(ContinuousClock.now - start))
            }
            print("Load + index from a snapshot (map, checksums, freshness, decode): median \(format(median(warmTimes))) ms, best \(format(warmTimes.min() ?? 0)) ms (5 runs; snapshot \(bytes.count / 1_000_000) MB, written in \(format(encodeTime)) ms)")
        }

    }

    static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded(.up))
        return sorted[min(sorted.count - 1, rank)]
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Peak resident memory of this process, from /proc.
    static func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return -1 }
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kilobytes / 1024
    }
}

/// A repeatable mix of what people do: type part of a name, filter, sort, measure from home.
struct QueryMix {
    let catalog: Catalog
    private var state: UInt64

    init(catalog: Catalog, seed: UInt64) {
        self.catalog = catalog
        state = seed
    }

    private mutating func below(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func next() -> (String, ProviderQuery) {
        let kinds: [ProviderKind?] = [.school, .care, .gp, nil]
        var query = ProviderQuery(kind: kinds[below(kinds.count)])
        let home = catalog.manifest.postcodes[below(catalog.manifest.postcodes.count)].location
        switch below(6) {
        case 0:
            let name = catalog.providers[below(catalog.providers.count)].name
            query.text = String(name.prefix(1 + below(8)))
            return ("search (typing a name)", query)
        case 1:
            query.filters.minimumCQC = .good
            query.filters.sectors = [.voluntaryOrCharity, .socialEnterprise]
            query.sort = SortOrder(field: .rating)
            return ("filter + sort by rating", query)
        case 2:
            query.origin = home
            query.filters.maximumDistanceMetres = Double(1 + below(20)) * 1000
            query.sort = SortOrder(field: .distance)
            return ("within N km, by distance", query)
        case 3:
            query.origin = home
            query.kind = nil
            query.sort = SortOrder(field: .distance)
            return ("all providers by distance", query)
        case 4:
            query.sort = SortOrder(field: [.name, .cost, .ks2][below(3)], ascending: below(2) == 0)
            return ("sort whole kind", query)
        default:
            query.kind = .school
            query.filters.phases = [.primary]
            query.filters.minimumOfsted = .expectedStandard
            query.text = ["st", "primary", "academy", "church"][below(4)]
            query.sort = SortOrder(field: .attainment8)
            return ("school search + filters", query)
        }
    }
}
