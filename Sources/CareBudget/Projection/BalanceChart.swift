import ChoiceKit

/// A balance series drawn as text: one column per point, bars of eighth blocks (or ASCII `#`, and
/// `:` for projected points), with an axis that tells recorded (━) from projected (┄) weeks.
/// Shared by the command line and plain mode.
public enum BalanceChart {
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `height` rows, top first, then the axis row. Negative balances are drawn as zero (the words say "overdrawn").
    /// Points are sampled so the chart is at most `width` columns wide.
    public static func lines(_ series: [BalancePoint], width: Int, height: Int, ascii: Bool = false) -> [String] {
        guard !series.isEmpty, width > 0, height > 0 else { return [] }
        let step = max(1, (series.count + width - 1) / width)
        let points = stride(from: 0, to: series.count, by: step).map { series[$0] }
        let top = max(1, points.map(\.balance.pence).max() ?? 1)
        let levels = points.map { Int((max(0, $0.balance.pence) * Int64(height * 8) + top / 2) / top) }
        let bars = (0..<height).map { row in
            let floor = (height - 1 - row) * 8
            return String(points.indices.map { index -> Character in
                let fill = min(8, max(0, levels[index] - floor))
                if ascii { return fill >= 4 ? (points[index].isProjected ? ":" : "#") : " " }
                return eighths[fill]
            })
        }
        let axis = String(points.map { $0.isProjected ? (ascii ? "-" : "┄") : (ascii ? "=" : "━") })
        return bars + [axis]
    }
}
