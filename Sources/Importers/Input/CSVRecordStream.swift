import ChoiceKit
import Foundation

/// The records of a CSV file, read a block at a time through ChoiceKit's byte-level `CSVReader`:
/// each record with its physical line, its fields as raw bytes, and whether the file ends in the
/// middle of it. Memory stays at about one block whatever the file's size.
///
/// Refused before any row is used: an empty file, a binary file (a zero byte, or a ZIP archive
/// such as a spreadsheet), UTF-16 text. Refused where found: a quoted field the file ends inside,
/// text after a closing quote, a row running on for more than `maximumRecordBytes`.
final class CSVRecordStream {
    static let blockSize = 1 << 20
    static let maximumRecordBytes = 16 << 20

    let file: ImportFile
    private let blocks: FileBlocks
    private let usualEncoding: TextEncoding
    private let control: ImportControl
    private let blockSize: Int
    /// With `splittingAhead`, a block with at least this much unread has its second half split on
    /// another core.
    private let splitAheadBytes: Int
    /// Known once the first block is read.
    private(set) var encoding: TextEncoding
    private(set) var hadByteOrderMark = false
    private(set) var rows = 0

    init(_ file: ImportFile, usualEncoding: TextEncoding, control: ImportControl, blockSize: Int = CSVRecordStream.blockSize,
         splitAheadBytes: Int = CSVRecordStream.blockSize / 4) throws(ImportFailure) {
        self.file = file
        self.blockSize = max(16, blockSize)
        self.splitAheadBytes = splitAheadBytes
        blocks = try FileBlocks(file)
        self.usualEncoding = usualEncoding
        encoding = usualEncoding
        self.control = control
    }

    var size: Int64 { blocks.size }

    /// Calls `body` with each record in file order until the file ends or `body` returns false;
    /// `endOfBlock` after the records of each block. Each block is read into memory of its own,
    /// which a record keeps alive: work may go on with a block's records after it ends.
    /// `splittingAhead`: split each block's second half on another core (for a caller that keeps
    /// the records, so each needs its own list of fields anyway; else one list is reused).
    func forEachRecord(splittingAhead: Bool = false, _ body: (CSVRecord) throws -> Bool, endOfBlock: () throws -> Void = {}) throws {
        var block = BlockBytes(count: blockSize)
        var start = 0, end = 0, line = 1
        var atEnd = false, first = true
        var fields: [CSVField] = []
        fields.reserveCapacity(64)
        while true {
            try control.checkCancelled()
            // The unread part of the last block first, then the rest filled from the file: in the
            // same memory when no record of it is still held, else in a new block (twice the size
            // when that part fills it).
            let carried = end - start
            if carried == block.count, block.count >= Self.maximumRecordBytes {
                throw ImportFailure.at(file, line: line, "a row runs on for more than \(Self.maximumRecordBytes >> 20) MB",
                                       "a quote probably has no partner; check the row, or download the file again")
            }
            if carried < block.count, isKnownUniquelyReferenced(&block) {
                if carried > 0, start > 0, let base = block.mutableBytes.baseAddress { memmove(base, base + start, carried) }
            } else {
                let next = BlockBytes(count: carried == block.count ? block.count * 2 : block.count)
                if carried > 0, let from = block.mutableBytes.baseAddress, let to = next.mutableBytes.baseAddress {
                    memcpy(to, from + start, carried)
                }
                block = next
            }
            (start, end) = (0, carried)
            let previousEnd = end
            let count = try blocks.read(into: UnsafeMutableRawBufferPointer(rebasing: block.mutableBytes[end...]))
            end += count
            if end < block.count { atEnd = true }
            let all = block.bytes
            let fresh = UnsafeBufferPointer(rebasing: all[previousEnd..<end])
            if first {
                first = false
                start = try examineStart(UnsafeBufferPointer(rebasing: all[0..<end]), atEnd: atEnd)
            }
            if let base = fresh.baseAddress, let found = memchr(base, 0, fresh.count) {
                let zero = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                let zeroLine = line + all[start..<(previousEnd + zero)].count { $0 == 0x0A }
                throw ImportFailure.at(file, line: zeroLine, "is not a text file (it has a zero byte)",
                                       "give the CSV file as downloaded, not a spreadsheet or archive")
            }
            var stop = false
            let data = UnsafeBufferPointer(rebasing: all[0..<end])
            var reader = CSVReader(bytes: data, from: start, line: line)
            var ahead = splittingAhead && end - start >= splitAheadBytes ? SplitAhead.begin(data, from: start + (end - start) / 2, owner: block) : nil
            records: while true {
                if let split = ahead, reader.offset >= split.start {
                    ahead = nil
                    // Used only if a record of this core's ends exactly where the other began.
                    if reader.offset == split.start {
                        let found = split.finished()
                        let before = reader.line - 1
                        for (recordLine, recordFields) in found.records {
                            rows += 1
                            let record = CSVRecord(line: recordLine + before, fields: recordFields, bytes: data, owner: block, cutShort: false)
                            if try !body(record) {
                                stop = true
                                break records
                            }
                        }
                        reader = CSVReader(bytes: data, from: found.stop, line: found.stopLine + before)
                    }
                }
                let recordStart = reader.offset, recordLine = reader.line
                let found: Int?
                do {
                    found = try reader.next(into: &fields)
                } catch {
                    switch error {
                    case .unterminatedQuote(let quoteLine):
                        if !atEnd {
                            (start, line) = (recordStart, recordLine)
                            break records
                        }
                        throw ImportFailure.at(file, line: quoteLine, "the file ends inside a quoted field that starts on this line",
                                               "it was probably cut short while downloading; download it again")
                    case .textAfterClosingQuote(let badLine):
                        throw ImportFailure.at(file, line: badLine, "text follows a closing quote, so the row cannot be split into its columns",
                                               "a quote inside a quoted field must be written twice (\"\"); correct the row or download the file again")
                    }
                }
                guard let recordFirstLine = found else {
                    (start, line) = (end, reader.line)
                    break records
                }
                if reader.offset >= end && !atEnd {
                    // The record may go on in the next block.
                    (start, line) = (recordStart, recordLine)
                    break records
                }
                let cutShort = reader.offset >= end && data[end - 1] != 0x0A && data[end - 1] != 0x0D
                rows += 1
                let record = CSVRecord(line: recordFirstLine, fields: fields, bytes: data, owner: block, cutShort: cutShort)
                if try !body(record) {
                    stop = true
                    break records
                }
            }
            try endOfBlock()
            control.progress(ImportProgress(file: file.path, bytesDone: blocks.bytesRead, bytesTotal: max(blocks.size, blocks.bytesRead), rows: rows))
            if stop || (atEnd && start >= end) { return }
            if atEnd && start < end && count == 0 {
                // Nothing more will come and the reader wants more: only an unfinished record is left.
                return
            }
        }
    }

    /// Checks the start of the file; returns where the text begins (after a byte-order mark).
    private func examineStart(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) throws(ImportFailure) -> Int {
        if bytes.isEmpty || (atEnd && bytes.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 })) {
            throw ImportFailure("\(file.shown) is empty — download the file again, or give the right one")
        }
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            throw ImportFailure("\(file.shown) is a ZIP archive (a spreadsheet, or a zipped download), not CSV text — unzip it, or save the sheet as CSV")
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw ImportFailure("\(file.shown) is UTF-16 text — save it as UTF-8 (in a spreadsheet, \"CSV UTF-8\")")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            encoding = .utf8
            hadByteOrderMark = true
            return 3
        }
        encoding = TextEncoding.sniff(bytes, usual: usualEncoding)
        return 0
    }
}

/// One record of a CSV file, its block's bytes kept alive as long as it is. Read-only, so
/// threads may share it.
struct CSVRecord: @unchecked Sendable {
    let line: Int
    let fields: [CSVField]
    /// The block's bytes: valid while `owner` is.
    let bytes: UnsafeBufferPointer<UInt8>
    let owner: BlockBytes
    /// The file ends in this record without a line break: it may have been cut short.
    let cutShort: Bool

    var count: Int { fields.count }

    /// Whether every field is empty (a spacer row such as `,,,,`).
    var isBlank: Bool { fields.allSatisfy(\.isEmpty) }

    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        CSVReader.withFieldBytes(fields[index], in: bytes, body)
    }

    /// The field's bytes with surrounding spaces removed.
    func withTrimmedField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withField(index) { raw in
            var start = 0, end = raw.count
            while start < end, raw[start] == 0x20 { start += 1 }
            while end > start, raw[end - 1] == 0x20 { end -= 1 }
            return body(UnsafeBufferPointer(rebasing: raw[start..<end]))
        }
    }

    func isEmpty(_ index: Int) -> Bool { withTrimmedField(index) { $0.isEmpty } }

    func text(_ index: Int, _ encoding: TextEncoding) -> DecodedText {
        withField(index) { FieldText.decode($0, encoding) }
    }
}

/// One block of a file's bytes, in memory of its own, freed when the last record using it is.
final class BlockBytes: @unchecked Sendable {
    let mutableBytes: UnsafeMutableRawBufferPointer
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(mutableBytes.bindMemory(to: UInt8.self)) }
    var count: Int { mutableBytes.count }

    init(count: Int) {
        mutableBytes = .allocate(byteCount: count, alignment: 16)
    }

    deinit { mutableBytes.deallocate() }
}
