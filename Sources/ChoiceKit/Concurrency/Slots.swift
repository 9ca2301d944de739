import Foundation

/// Results written from parallel iterations, one slot each (the importers use it too).
package final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value]

    package init(count: Int, initial: Value) { storage = Array(repeating: initial, count: count) }

    package func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

    package var values: [Value] { lock.withLock { storage } }
}
