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

    /// The reader looks eight bytes at a time: separators, quotes and line breaks at every offset
    /// and fields of every length across a word's edge must read back exactly.
    @Test func readsFieldsOfEveryLengthWithSeparatorsAtEveryOffset() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let alphabet: [Character] = ["a", "b", "£", ",", "\"", "\n", "\r\n", " "]
        var expected: [(line: Int, fields: [String])] = []
        var text = ""
        var line = 1
        for _ in 0..<400 {
            let fields = (0..<(1 + random(5))).map { _ in
                String((0..<random(21)).map { _ in alphabet[random(alphabet.count)] })
            }
            expected.append((line, fields))
            text += fields.map { field in
                // A lone empty field is quoted, or its record would be a blank line (skipped).
                let special = field.contains { [",", "\"", "\n", "\r\n"].contains($0) } || (field.isEmpty && fields.count == 1)
                return special ? "\"" + String(field.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\"" : field
            }.joined(separator: ",")
            line += fields.reduce(1) { lines, field in lines + field.filter { $0 == "\n" || $0 == "\r\n" }.count }
            text += random(2) == 0 ? "\n" : "\r\n"
        }
        let rows = try records(text)
        #expect(rows.count == expected.count)
        for (row, want) in zip(rows, expected) {
            #expect(row.fields == want.fields)
            #expect(row.line == want.line)
        }
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

    @Test func writerWritesWholeNumbersAsTheirDigits() {
        for value in [0, 7, -5, 1_234_567, Int.max, Int.min] {
            var bytes: [UInt8] = []
            CSVWriter.appendField(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
