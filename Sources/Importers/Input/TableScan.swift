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
    static func run(_ stream: CSVRecordStream, specs: [ColumnSpec], format: String, splittingAhead: Bool = false,
                    row: (CSVRecord, HeaderColumns) throws -> Void,
                    before: (CSVRecord) -> Void = { _ in },
                    endOfBlock: () throws -> Void = {}) throws -> HeaderColumns {
        let file = stream.file
        var header: HeaderColumns?
        var searched = 0
        var shapes = RowShapes()
        try stream.forEachRecord(splittingAhead: splittingAhead) { record in
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
    /// How many rows one decoding task takes: enough that handing it over costs nothing worth
    /// counting, few enough that both cores are kept busy within a block.
    static let rowsPerTask = 64

    /// As `run`, for rows whose reading depends on nothing but the row: while this thread splits
    /// a block into rows, the rows already split are decoded on the other cores, a few dozen at a
    /// time. A block's rows are handed to `merge`, in file order, at the end of the next block, so
    /// the other cores are never left waiting while they are merged.
    /// `prepare` makes what every row's decoding needs from the header (the columns' positions),
    /// once.
    @discardableResult
    static func runInParallel<Prepared: Sendable, Decoded>(_ stream: CSVRecordStream, specs: [ColumnSpec], format: String,
                                                           prepare: (HeaderColumns) -> Prepared,
                                                           decode: @escaping @Sendable (CSVRecord, Prepared, TextEncoding) -> Decoded,
                                                           merge: (CSVRecord, Decoded) throws -> Void) throws -> HeaderColumns {
        var pending: [CSVRecord] = []
        pending.reserveCapacity(rowsPerTask)
        var columns: Prepared?
        var current = BlockTasks<Decoded>()
        var previous: BlockTasks<Decoded>?
        func submit() {
            guard let columns, !pending.isEmpty else { return }
            let encoding = stream.encoding
            current.submit(pending) { decode($0, columns, encoding) }
            pending.removeAll(keepingCapacity: true)
        }
        func mergeAll(_ tasks: BlockTasks<Decoded>) throws {
            for (records, values) in tasks.finished() {
                for (record, value) in zip(records, values) { try merge(record, value) }
            }
        }
        do {
            let header = try run(stream, specs: specs, format: format, splittingAhead: true, row: { record, header in
                if columns == nil { columns = prepare(header) }
                pending.append(record)
                if pending.count >= rowsPerTask { submit() }
            }, endOfBlock: {
                submit()
                if let previous { try mergeAll(previous) }
                previous = current
                current = BlockTasks()
            })
            submit()
            if let previous { try mergeAll(previous) }
            try mergeAll(current)
            return header
        } catch {
            // Nothing is left running behind a failure.
            previous?.waitForAll()
            current.waitForAll()
            throw error
        }
    }
}

/// One block's rows, decoded a task at a time on other threads, each task's results stored by
/// the thread that decoded them.
private final class BlockTasks<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let group = DispatchGroup()
    private var records: [[CSVRecord]] = []
    private var stored: [Int: [Value]] = [:]

    func submit(_ rows: [CSVRecord], decode: @escaping @Sendable (CSVRecord) -> Value) {
        let number = records.count
        records.append(rows)
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            let values = rows.map(decode)
            lock.withLock { stored[number] = values }
        }
    }

    func waitForAll() { group.wait() }

    /// Each task's records and results, in the order submitted, once all are decoded.
    func finished() -> [([CSVRecord], [Value])] {
        group.wait()
        return lock.withLock { records.indices.map { (records[$0], stored[$0] ?? []) } }
    }
}
