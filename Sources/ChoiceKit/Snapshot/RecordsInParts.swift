import Dispatch

/// Provider records encoded in parts on every core, for a writer that holds them all (an import):
/// each part numbers its shared strings itself, then the parts after the first are renumbered
/// into one table as they are joined. Strings are numbered in the order first seen, part by part,
/// so the bytes are exactly those of encoding the records in one pass.
struct RecordsInParts {
    var bytes: [UInt8] = []
    var recordEnds: [UInt32] = []
    var sharedStrings = TokenTable()

    init(_ providers: ProviderTable, parts: Int) {
        let parts = max(1, min(parts, providers.count))
        let encoded = Slots<(writer: SnapshotWriter, ends: [Int])?>(count: parts, initial: nil)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (providers.count * part / parts)..<(providers.count * (part + 1) / parts)
            var writer = SnapshotWriter(recordingStringReferences: true)
            var ends: [Int] = []
            ends.reserveCapacity(range.count)
            for position in range {
                let provider = providers[position]
                ProviderCoding.write(provider, &writer)
                ends.append(writer.bytes.count)
            }
            encoded.set(part, (writer, ends))
        }
        for part in encoded.values {
            guard let (writer, ends) = part else { continue }
            join(writer, ends: ends)
        }
    }

    /// Appends one part: its bytes, with each shared string's number changed to the joined
    /// table's (a number may take more or fewer bytes), and its record ends moved to match.
    private mutating func join(_ part: SnapshotWriter, ends: [Int]) {
        let table = part.sharedStrings
        let numbers = (0..<table.count).map { id in
            table.bytes.withUnsafeBufferPointer { sharedStrings.intern(UnsafeBufferPointer(rebasing: $0[table.start(id)..<Int(table.ends[id])])) }
        }
        let base = bytes.count
        var shift = 0, from = 0, endIndex = 0
        bytes.reserveCapacity(bytes.count + part.bytes.count + part.bytes.count / 16)
        part.bytes.withUnsafeBufferPointer { source in
            for position in part.stringReferences {
                while endIndex < ends.count, ends[endIndex] <= position {
                    recordEnds.append(UInt32(truncatingIfNeeded: base + ends[endIndex] + shift))
                    endIndex += 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[from..<position]))
                let (local, length) = SnapshotWriter.writtenVarint(in: source, at: position)
                let before = bytes.count
                SnapshotWriter.appendVarint(numbers[Int(local)], to: &bytes)
                shift += (bytes.count - before) - length
                from = position + length
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[from...]))
        }
        while endIndex < ends.count {
            recordEnds.append(UInt32(truncatingIfNeeded: base + ends[endIndex] + shift))
            endIndex += 1
        }
    }
}
