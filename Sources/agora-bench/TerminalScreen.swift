/// What a terminal would show after the bytes a curses program wrote: enough of xterm's control
/// sequences (cursor moves, erasing, inserting and deleting, scrolling regions) to know the text
/// of every row. Curses rewrites only the cells that change, so a benchmark that waits for some
/// text on another program's screen must follow the screen, not search the byte stream.
struct TerminalScreen {
    let width: Int
    let height: Int
    private var cells: [[Character]]
    private var row = 0
    private var column = 0
    private var saved = (row: 0, column: 0)
    private var top = 0
    private var bottom: Int
    private var pending: [UInt8] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        bottom = height - 1
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    func line(_ number: Int) -> String { String(cells[max(0, min(height - 1, number))]) }

    var text: String { cells.map { String($0) }.joined(separator: "\n") }

    mutating func feed(_ bytes: [UInt8]) {
        pending += bytes
        var index = 0
        while index < pending.count {
            guard let used = step(from: index) else { break }
            index += used
        }
        pending.removeFirst(index)
    }

    /// Handles the sequence or character at `index`; how many bytes it took, nil if it is cut short.
    private mutating func step(from index: Int) -> Int? {
        let byte = pending[index]
        switch byte {
        case 0x1B:
            return escape(from: index)
        case 0x0D:
            column = 0
        case 0x0A:
            lineFeed()
        case 0x08:
            column = max(0, column - 1)
        case 0x09:
            column = min(width - 1, (column / 8 + 1) * 8)
        case 0x00..<0x20, 0x7F:
            break
        default:
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let count = byte < 0x80 ? 1 : length
            guard index + count <= pending.count else { return nil }
            put(Character(String(decoding: pending[index..<(index + count)], as: UTF8.self)))
            return count
        }
        return 1
    }

    private mutating func put(_ character: Character) {
        if column >= width {
            column = 0
            lineFeed()
        }
        cells[row][column] = character
        column += 1
    }

    private mutating func lineFeed() {
        if row == bottom { scrollUp(1) } else { row = min(height - 1, row + 1) }
    }

    private mutating func scrollUp(_ count: Int) {
        for _ in 0..<count {
            cells.remove(at: top)
            cells.insert(Array(repeating: " ", count: width), at: bottom)
        }
    }

    private mutating func scrollDown(_ count: Int) {
        for _ in 0..<count {
            cells.remove(at: bottom)
            cells.insert(Array(repeating: " ", count: width), at: top)
        }
    }

    private mutating func escape(from index: Int) -> Int? {
        guard index + 1 < pending.count else { return nil }
        switch pending[index + 1] {
        case UInt8(ascii: "["):
            return controlSequence(from: index)
        case UInt8(ascii: "]"):
            // An operating system command, ended by BEL or ESC \.
            var end = index + 2
            while end < pending.count {
                if pending[end] == 0x07 { return end + 1 - index }
                if pending[end] == 0x1B, end + 1 < pending.count, pending[end + 1] == UInt8(ascii: "\\") { return end + 2 - index }
                end += 1
            }
            return nil
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"):
            return index + 2 < pending.count ? 3 : nil
        case UInt8(ascii: "7"):
            saved = (row, column)
        case UInt8(ascii: "8"):
            (row, column) = saved
        case UInt8(ascii: "M"):
            if row == top { scrollDown(1) } else { row = max(0, row - 1) }
        case UInt8(ascii: "D"):
            lineFeed()
        case UInt8(ascii: "E"):
            column = 0
            lineFeed()
        default:
            break
        }
        return 2
    }

    private mutating func controlSequence(from index: Int) -> Int? {
        var end = index + 2
        while end < pending.count, !(0x40...0x7E).contains(pending[end]) { end += 1 }
        guard end < pending.count else { return nil }
        let body = String(decoding: pending[(index + 2)..<end], as: UTF8.self)
        let private_ = body.hasPrefix("?") || body.hasPrefix(">")
        let numbers = body.drop { $0 == "?" || $0 == ">" }.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        func number(_ at: Int, default value: Int = 1) -> Int { at < numbers.count && numbers[at] > 0 ? numbers[at] : value }
        let blank: Character = " "
        switch pending[end] {
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            row = min(height - 1, number(0) - 1)
            column = min(width - 1, number(1) - 1)
        case UInt8(ascii: "A"): row = max(0, row - number(0))
        case UInt8(ascii: "B"), UInt8(ascii: "e"): row = min(height - 1, row + number(0))
        case UInt8(ascii: "C"), UInt8(ascii: "a"): column = min(width - 1, column + number(0))
        case UInt8(ascii: "D"): column = max(0, column - number(0))
        case UInt8(ascii: "G"), UInt8(ascii: "`"): column = min(width - 1, number(0) - 1)
        case UInt8(ascii: "d"): row = min(height - 1, number(0) - 1)
        case UInt8(ascii: "K"):
            let from = numbers.first ?? 0
            let range = from == 0 ? min(column, width)..<width : from == 1 ? 0..<min(width, column + 1) : 0..<width
            for place in range { cells[row][place] = blank }
        case UInt8(ascii: "J"):
            let from = numbers.first ?? 0
            if from == 0 {
                for place in min(column, width)..<width { cells[row][place] = blank }
                for line in (row + 1)..<max(row + 1, height) { cells[line] = Array(repeating: blank, count: width) }
            } else if from == 1 {
                for line in 0..<row { cells[line] = Array(repeating: blank, count: width) }
                for place in 0..<min(width, column + 1) { cells[row][place] = blank }
            } else {
                cells = Array(repeating: Array(repeating: blank, count: width), count: height)
            }
        case UInt8(ascii: "X"):
            for place in column..<min(width, column + number(0)) { cells[row][place] = blank }
        case UInt8(ascii: "P"):
            let count = min(number(0), width - column)
            cells[row].removeSubrange(column..<(column + count))
            cells[row] += Array(repeating: blank, count: count)
        case UInt8(ascii: "@"):
            let count = min(number(0), width - column)
            cells[row].insert(contentsOf: Array(repeating: blank, count: count), at: column)
            cells[row].removeLast(count)
        case UInt8(ascii: "L"):
            if (top...bottom).contains(row) {
                for _ in 0..<min(number(0), bottom - row + 1) {
                    cells.remove(at: bottom)
                    cells.insert(Array(repeating: blank, count: width), at: row)
                }
            }
        case UInt8(ascii: "M"):
            if (top...bottom).contains(row) {
                for _ in 0..<min(number(0), bottom - row + 1) {
                    cells.remove(at: row)
                    cells.insert(Array(repeating: blank, count: width), at: bottom)
                }
            }
        case UInt8(ascii: "S"): scrollUp(number(0))
        case UInt8(ascii: "T"): scrollDown(number(0))
        case UInt8(ascii: "r") where !private_:
            top = min(height - 1, number(0) - 1)
            bottom = min(height - 1, max(top, number(1, default: height) - 1))
            row = 0
            column = 0
        default:
            break
        }
        return end + 1 - index
    }
}
