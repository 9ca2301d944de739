import ChoiceKit
import Foundation

/// The records of the second half of a block, split into fields on another core while the
/// stream's own thread splits the first half (that thread hands every row on to be decoded, so
/// alone it kept the other cores waiting). The half starts after the first line break past the
/// middle, which is a record's start unless the break is inside a quoted field: the stream uses
/// these records only when one of its own ends exactly there, so a wrong guess costs time, never
/// a record.
final class SplitAhead: @unchecked Sendable {
    /// Where the second half starts.
    let start: Int
    /// The block's bytes, kept alive by `owner` until the split is done.
    private let data: UnsafeBufferPointer<UInt8>
    private let owner: BlockBytes
    private let done = DispatchSemaphore(value: 0)
    private var found: Found?

    struct Found {
        /// Each complete record: its line (counted from 1 at `start`) and its fields.
        var records: [(line: Int, fields: [CSVField])] = []
        /// Where splitting stopped (the end of the data, a record the data may end inside, or a
        /// syntax error, which the stream meets again and reports), and the line there.
        var stop: Int
        var stopLine: Int
    }

    private init(start: Int, data: UnsafeBufferPointer<UInt8>, owner: BlockBytes) {
        self.start = start
        self.data = data
        self.owner = owner
    }

    /// Starts splitting `data` from the first line break at or after `middle`; nil when there is
    /// none before the data ends.
    static func begin(_ data: UnsafeBufferPointer<UInt8>, from middle: Int, owner: BlockBytes) -> SplitAhead? {
        guard let base = data.baseAddress, middle < data.count,
              let lineFeed = memchr(base + middle, 0x0A, data.count - middle) else { return nil }
        let start = UnsafeRawPointer(lineFeed) - UnsafeRawPointer(base) + 1
        guard start < data.count else { return nil }
        let split = SplitAhead(start: start, data: data, owner: owner)
        DispatchQueue.global(qos: .userInitiated).async { split.run() }
        return split
    }

    private func run() {
        var reader = CSVReader(bytes: data, from: start, line: 1)
        var fields: [CSVField] = []
        fields.reserveCapacity(64)
        var out = Found(stop: start, stopLine: 1)
        out.records.reserveCapacity(1024)
        while true {
            let recordStart = reader.offset, recordLine = reader.line
            // A record reaching the end of the data may go on in the next block: left to the stream.
            guard let line = try? reader.next(into: &fields), reader.offset < data.count else {
                (out.stop, out.stopLine) = (recordStart, recordLine)
                break
            }
            out.records.append((line, fields))
        }
        found = out
        done.signal()
    }

    /// The records, once split (waits for them).
    func finished() -> Found {
        done.wait()
        return found ?? Found(stop: start, stopLine: 1)
    }
}
