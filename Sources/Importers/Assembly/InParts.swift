import ChoiceKit
import Foundation

/// Work on each of a national file's rows shared among the cores in contiguous parts, the
/// results kept in the rows' order.
enum InParts {
    /// Below twice this many rows the work is done on one core (handing it out would cost more).
    static let minimumPerPart = 2_000

    static func map<Item: Sendable, Mapped>(_ items: [Item], _ transform: @Sendable (Item) -> Mapped) -> [Mapped] {
        let parts = items.count >= 2 * minimumPerPart ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        guard parts > 1 else { return items.map(transform) }
        let results = Slots<[Mapped]>(count: parts, initial: [])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (items.count * part / parts)..<(items.count * (part + 1) / parts)
            results.set(part, items[range].map(transform))
        }
        return results.values.flatMap { $0 }
    }
}
