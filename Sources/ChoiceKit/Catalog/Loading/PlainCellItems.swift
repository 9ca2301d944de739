/// A cell of `|`-separated items read on its bytes, for the quick paths that take a plain cell
/// without making Strings of it; any other cell goes the long way, which says what is wrong.
struct PlainCellItems {
    let cell: UnsafeBufferPointer<UInt8>

    /// Nil when the cell holds a byte outside printable ASCII.
    init?(_ cell: UnsafeBufferPointer<UInt8>) {
        for byte in cell where byte < 0x20 || byte >= 0x7F { return nil }
        self.cell = cell
    }

    /// `range` without the spaces at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, cell[start] == 0x20 { start += 1 }
        while end > start, cell[end - 1] == 0x20 { end -= 1 }
        return start..<end
    }

    /// Each item, trimmed, empty ones skipped, until `body` says stop (false); false if it did.
    func forEach(_ body: (Range<Int>) -> Bool) -> Bool {
        var start = 0
        while start < cell.count {
            var end = start
            while end < cell.count, cell[end] != UInt8(ascii: "|") { end += 1 }
            let item = trimmed(start..<end)
            start = end + 1
            if !item.isEmpty, !body(item) { return false }
        }
        return true
    }

    /// Where `byte` first comes in `range`.
    func first(_ byte: UInt8, in range: Range<Int>) -> Int? { range.first { cell[$0] == byte } }

    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: cell[range]) }
}
