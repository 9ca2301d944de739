import Foundation

/// Writes spreadsheet-friendly CSV: quotes only where a field needs them, LF line ends.
public enum CSVWriter {
    public static func field(_ text: String) -> String {
        guard needsQuotes(text) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// The same row as `row`, added to `bytes` (UTF-8) without a String per field: for tables of
    /// tens of thousands of rows.
    public static func appendRow(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(field, to: &bytes)
        }
        bytes.append(0x0A)
    }

    /// One field as `field` writes it, added to `bytes` (UTF-8).
    public static func appendField(_ field: String, to bytes: inout [UInt8]) {
        // Most of a table's cells are empty.
        if field.isEmpty { return }
        var text = field
        // One contiguous run of bytes per field: scanned and copied without a step per byte
        // through String's views.
        text.withUTF8 { utf8 in
            var quote = false
            for byte in utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                quote = true
                break
            }
            if !quote, utf8.first == 0x20 || utf8.last == 0x20 { quote = needsQuotes(field) }
            guard quote else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// A whole number as `field` writes it, added to `bytes` without making a String.
    public static func appendField(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for index in (0..<count).reversed() { bytes.append(buffer[index]) }
        }
    }

    private static func needsQuotes(_ text: String) -> Bool {
        let utf8 = text.utf8
        if utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) { return true }
        // Characters, not bytes: a space followed by a combining mark is not a leading space.
        return (utf8.first == 0x20 && text.hasPrefix(" ")) || (utf8.last == 0x20 && text.hasSuffix(" "))
    }
}
