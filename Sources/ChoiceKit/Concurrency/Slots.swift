import Foundation

/// Results written from parallel iterations, one slot each.
final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value]

    init(count: Int, initial: Value) { storage = Array(repeating: initial, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { storage[index] = value } }

    var values: [Value] { lock.withLock { storage } }
}
