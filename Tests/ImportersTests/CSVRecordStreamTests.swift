import Foundation
import Testing
@testable import Importers

@Suite("Reading CSV a block at a time")
struct CSVRecordStreamTests {
    /// Every record's line and fields, read with the given block size.
    /// `splitAhead`: split the second half of every block on another core, however small.
    static func records(_ file: ImportFile, blockSize: Int, usual: TextEncoding = .utf8, splitAhead: Bool = false) throws -> [String] {
        let stream = try CSVRecordStream(file, usualEncoding: usual, control: .quiet, blockSize: blockSize,
                                         splitAheadBytes: splitAhead ? 0 : .max)
        var out: [String] = []
        try stream.forEachRecord(splittingAhead: splitAhead) { record in
            let fields = (0..<record.count).map { record.text($0, stream.encoding).text }
            out.append("\(record.line): " + fields.joined(separator: " | "))
            return true
        }
        return out
    }

    @Test func blockEdgesFallAnywhereWithoutChangingARecordOrItsLine() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = "name,note\r\n\"Smith, Jones & Partners\",\"said \"\"hello\"\"\r\nover two lines\"\r\n\r\nplain,row\r\nlast,\"no line end\""
        let file = try Fixtures.write(Array(text.utf8), named: "edges.csv", in: scratch)
        let whole = try Self.records(file, blockSize: 1 << 20)
        #expect(whole == [
            "1: name | note",
            "2: Smith, Jones & Partners | said \"hello\" over two lines",
            "5: plain | row",
            "6: last | no line end",
        ])
        for size in [16, 17, 19, 23, 31, 64, 1 << 20] {
            #expect(try Self.records(file, blockSize: size) == whole, "block size \(size)")
            #expect(try Self.records(file, blockSize: size, splitAhead: true) == whole, "block size \(size), split ahead")
        }
    }

    @Test func theSamplesReadTheSameInTinyBlocks() throws {
        // The encoding is judged on the first block, so GIAS is read as what it is (Windows-1252) both times.
        for (file, usual) in [(Fixtures.gias, TextEncoding.windows1252), (Fixtures.cqcDirectory, .utf8), (Fixtures.epraccur, .utf8),
                              (Fixtures.nspl2026, .utf8)] {
            let whole = try Self.records(file, blockSize: 1 << 20, usual: usual)
            #expect(try Self.records(file, blockSize: 37, usual: usual) == whole, "\(file.path)")
            #expect(try Self.records(file, blockSize: 1 << 20, usual: usual, splitAhead: true) == whole, "\(file.path), split ahead")
            #expect(try Self.records(file, blockSize: 777, usual: usual, splitAhead: true) == whole, "\(file.path), split ahead")
            #expect(whole.count > 6)
        }
    }

    @Test func rowsDecodedOnOtherCoresAreMergedInFileOrderWhateverTheBlocks() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var text = "number,name\r\n"
        for number in 1...3_000 { text += number % 7 == 0 ? "\(number),\"line \(number)\r\nand more\"\r\n" : "\(number),row \(number)\r\n" }
        let file = try Fixtures.write(Array(text.utf8), named: "rows.csv", in: scratch)
        let specs = [ColumnSpec("number", names: ["number"], required: true), ColumnSpec("name", names: ["name"], required: true)]
        func scan(blockSize: Int, splitAhead: Bool = false) throws -> [String] {
            let stream = try CSVRecordStream(file, usualEncoding: .utf8, control: .quiet, blockSize: blockSize,
                                             splitAheadBytes: splitAhead ? 0 : .max)
            var merged: [String] = []
            try TableScan.runInParallel(stream, specs: specs, format: "test rows", prepare: { $0["name"] ?? 0 }, decode: { record, name, encoding in
                record.text(name, encoding).text
            }, merge: { record, decoded in
                merged.append("\(record.line): \(decoded)")
            })
            return merged
        }
        let whole = try scan(blockSize: 1 << 20)
        #expect(whole.count == 3_000)
        #expect(whole.first == "2: row 1")
        #expect(whole.count > 7 && whole[6] == "8: line 7 and more" && whole[7] == "10: row 8")
        // Blocks far smaller than the rows decoded at once: a block's rows are still being decoded
        // while the next is split.
        for size in [64, 333, 4_096, 1 << 20] {
            let scanned = try scan(blockSize: size)
            #expect(scanned.count == whole.count && scanned == whole, "block size \(size)")
            let splitAhead = try scan(blockSize: size, splitAhead: true)
            #expect(splitAhead.count == whole.count && splitAhead == whole, "block size \(size), split ahead")
        }
    }

    @Test func aBrokenRowInABlocksSecondHalfIsReportedAtItsLine() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var text = "number,name\n"
        for number in 1...1_000 { text += number == 700 ? "\(number),\"quoted\"then text\n" : "\(number),\"row\n\(number)\"\n" }
        let file = try Fixtures.write(Array(text.utf8), named: "broken.csv", in: scratch)
        for splitAhead in [false, true] {
            do {
                _ = try Self.records(file, blockSize: 1 << 20, splitAhead: splitAhead)
                Issue.record("the broken row was not reported")
            } catch let failure as ImportFailure {
                #expect(failure.message.contains("broken.csv:1400"), "\(failure.message)")
            }
        }
    }

    @Test func aRowCutShortIsMarked() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try Fixtures.write(Array("a,b,c\n1,2,3\n4,5".utf8), named: "cut.csv", in: scratch)
        let stream = try CSVRecordStream(file, usualEncoding: .utf8, control: .quiet)
        var cut: [Bool] = []
        try stream.forEachRecord { record in
            cut.append(record.cutShort)
            return true
        }
        #expect(cut == [false, false, true])
    }

    @Test func stopsWhenAsked() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = String(repeating: "x,y\n", count: 10_000)
        let file = try Fixtures.write(Array(text.utf8), named: "many.csv", in: scratch)
        var progressCalls = 0
        let control = ImportControl(isCancelled: { progressCalls > 0 }, progress: { _ in progressCalls += 1 })
        let stream = try CSVRecordStream(file, usualEncoding: .utf8, control: control, blockSize: 1024)
        #expect(throws: ImportCancelled.self) {
            try stream.forEachRecord { _ in true }
        }
        #expect(stream.rows < 10_000)
    }
}
