import Testing
@testable import ChoiceKit

@Suite("CSV reader")
struct CSVReaderTests {
    private func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = CSVReader(bytes: buffer)
            var fields: [CSVField] = []
            var out: [(Int, [String])] = []
            while let line = try reader.next(into: &fields) {
                out.append((line, fields.map { field in
                    CSVReader.withFieldBytes(field, in: buffer) { String(decoding: $0, as: UTF8.self) }
                }))
            }
            return out
        }
    }

    @Test func readsPlainAndQuotedFields() throws {
        let rows = try records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""]])
    }

    @Test func countsPhysicalLinesAcrossQuotedLineBreaks() throws {
        let rows = try records("h1,h2\r\n\"two\nlines\",x\r\n\r\nlast,y\r\n")
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(rows[1].fields == ["two\nlines", "x"])
    }

    @Test func keepsEmptyFields() throws {
        #expect(try records("a,,\n").first?.fields == ["a", "", ""])
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try records("\u{FEFF}id,name\n").first?.fields == ["id", "name"])
    }

    @Test func reportsAnUnclosedQuote() {
        #expect(throws: CSVSyntaxError.unterminatedQuote(line: 2)) { try records("a\n\"open,b\nmore\n") }
    }

    @Test func reportsTextAfterAClosingQuote() {
        #expect(throws: CSVSyntaxError.textAfterClosingQuote(line: 1)) { try records("\"a\"b,c\n") }
    }

    @Test func writerQuotesOnlyWhatNeedsIt() throws {
        #expect(CSVWriter.row(["plain", "a, b", "say \"x\"", ""]) == "plain,\"a, b\",\"say \"\"x\"\"\",\n")
        let row = CSVWriter.row(["x,y", "\"q\"", "two\nlines"])
        #expect(try records(row).first?.fields == ["x,y", "\"q\"", "two\nlines"])
    }
}
