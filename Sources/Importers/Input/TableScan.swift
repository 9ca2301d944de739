import ChoiceKit
import Foundation

/// Reading a table row by row with its shape checked: every row must have exactly the fields the
/// header (or the format) says, or the import stops — a value is never taken from the wrong
/// column. Rows of the wrong width are all listed (the first few, then a count) before stopping.
struct RowShapes {
    static let listed = 10
    private(set) var examples: [String] = []
    private(set) var count = 0

    mutating func wrongWidth(_ record: CSVRecord, expected: Int, file: ImportFile) throws(ImportFailure) {
        if record.cutShort && record.count < expected {
            throw ImportFailure.at(file, line: record.line, "the file ends in the middle of a row (\(record.count) of its \(expected) fields)",
                                   "it was probably cut short while downloading; download it again")
        }
        count += 1
        if examples.count < Self.listed {
            examples.append("\(file.at(record.line)): \(record.count) field\(record.count == 1 ? "" : "s") instead of \(expected)")
        }
    }

    func check(file: ImportFile, expected: Int, what: String) throws(ImportFailure) {
        guard count > 0 else { return }
        let more = count > examples.count ? ["… and \(Count.text(count - examples.count)) more like this"] : []
        let rows = count == 1 ? "a row does" : "\(Count.text(count)) rows do"
        throw ImportFailure("\(file.shown): \(rows) not have the \(expected) fields \(what), so their values cannot be matched to columns — correct \(count == 1 ? "it" : "them") (a comma in a value needs quotes round the value) or download the file again",
                            details: examples + more)
    }
}

enum TableScan {
    /// How many records are searched for the header (the CQC directory has four lines before it).
    static let headerSearchRecords = 20

    /// Finds the header by its column names, then calls `row` with each data row of the header's
    /// width; blank rows are passed over. Returns the header.
    @discardableResult
    static func run(_ stream: CSVRecordStream, specs: [ColumnSpec], format: String,
                    row: (CSVRecord, HeaderColumns) throws -> Void,
                    before: (CSVRecord) -> Void = { _ in },
                    endOfBlock: () throws -> Void = {}) throws -> HeaderColumns {
        let file = stream.file
        var header: HeaderColumns?
        var searched = 0
        var shapes = RowShapes()
        try stream.forEachRecord { record in
            guard let columns = header else {
                if record.isBlank { return true }
                header = try HeaderColumns.match(record, specs: specs, file: file, format: format)
                if header == nil { before(record) }
                searched += 1
                if header == nil && searched >= headerSearchRecords { return false }
                return true
            }
            if record.count != columns.fieldCount {
                if record.count == 1 && record.isBlank { return true }
                try shapes.wrongWidth(record, expected: columns.fieldCount, file: file)
                return true
            }
            if record.isBlank { return true }
            try row(record, columns)
            return true
        } endOfBlock: {
            try endOfBlock()
        }
        guard let header else {
            let required = specs.filter(\.required).map { "\"\($0.shownName)\"" }
            throw ImportFailure("\(file.shown): no header row naming \(required.joined(separator: ", ")) in its first \(headerSearchRecords) lines — this does not look like \(format); give that file as published")
        }
        try shapes.check(file: file, expected: header.fieldCount, what: "its header names")
        return header
    }
}

extension TableScan {
    /// As `run`, for rows whose reading depends on nothing but the row: each block's rows are
    /// decoded on every core at once, then handed to `merge` in file order.
    @discardableResult
    static func runInParallel<Decoded>(_ stream: CSVRecordStream, specs: [ColumnSpec], format: String,
                                       decode: @escaping @Sendable (CSVRecord, HeaderColumns, TextEncoding) -> Decoded,
                                       merge: (CSVRecord, Decoded) throws -> Void) throws -> HeaderColumns {
        var batch: [CSVRecord] = []
        var columns: HeaderColumns?
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return try run(stream, specs: specs, format: format, row: { record, header in
            columns = header
            batch.append(record)
        }, endOfBlock: {
            guard let columns, !batch.isEmpty else { return }
            var decoded = [Decoded?](repeating: nil, count: batch.count)
            let records = batch, encoding = stream.encoding
            decoded.withUnsafeMutableBufferPointer { results in
                let output = Slots(buffer: results)
                let count = min(parts, records.count)
                DispatchQueue.concurrentPerform(iterations: count) { part in
                    let range = (records.count * part / count)..<(records.count * (part + 1) / count)
                    for index in range { output.buffer[index] = decode(records[index], columns, encoding) }
                }
            }
            for (record, value) in zip(batch, decoded) {
                guard let value else { continue }
                try merge(record, value)
            }
            batch.removeAll(keepingCapacity: true)
        })
    }
}

/// Slots of a buffer that threads fill at once, each index written by one thread only.
private struct Slots<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value?>
}
