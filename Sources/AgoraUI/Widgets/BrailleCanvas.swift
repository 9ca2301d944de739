import Foundation
import ChoiceKit

/// A drawing surface of Braille dots: each terminal cell holds 2×4 dots, so a map or chart has
/// eight times the cell resolution. Dots are whole numbers; drawing off the canvas is ignored.
public struct BrailleCanvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    private var bits: [UInt8]

    /// Cells across and down; the canvas is `width × 2` by `height × 4` dots.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
    }

    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    /// Unicode's dot numbering: left column dots 1, 2, 3, 7 and right column 4, 5, 6, 8.
    static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    public mutating func set(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        bits[(y / 4) * width + x / 2] |= Self.dotBits[y % 4][x % 2]
    }

    public func isSet(_ x: Int, _ y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return bits[(y / 4) * width + x / 2] & Self.dotBits[y % 4][x % 2] != 0
    }

    /// The character for a cell, or nil when it has no dots.
    public func character(_ column: Int, _ row: Int) -> Character? {
        guard column >= 0, row >= 0, column < width, row < height else { return nil }
        let value = bits[row * width + column]
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return nil }
        return Character(scalar)
    }

    /// A straight line of dots (Bresenham).
    public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var steps = 0
        while steps <= dx - dy + 1 {
            set(x, y)
            if x == x1 && y == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
            steps += 1
        }
    }

    /// A circle of dots around (x, y), drawn as a polygon fine enough to look round.
    public mutating func circle(_ x: Int, _ y: Int, radius: Int) {
        guard radius > 0 else { set(x, y); return }
        let segments = max(16, min(720, radius * 6))
        var previous = (x + radius, y)
        for step in 1...segments {
            let angle = Double(step) / Double(segments) * 2 * Double.pi
            let point = (x + Int((Double(radius) * cos(angle)).rounded()), y + Int((Double(radius) * sin(angle)).rounded()))
            line(previous.0, previous.1, point.0, point.1)
            previous = point
        }
    }

    public func render(into screen: inout Screen, area: Rect, role: Role = .accent) {
        for row in 0..<min(height, area.height) {
            for column in 0..<min(width, area.width) {
                if let character = character(column, row) {
                    screen.put(String(character), x: area.x + column, y: area.y + row, role: role)
                }
            }
        }
    }
}
