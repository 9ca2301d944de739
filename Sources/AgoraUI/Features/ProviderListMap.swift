import ChoiceKit

/// Where the map of a list looks and how close: its centre and its scale in metres per dot.
public struct MapState: Hashable, Sendable {
    public var centre: GeoPoint
    /// Index into `scales`.
    public var zoom: Int

    /// Metres per Braille dot, from street level to the whole borough and beyond.
    public static let scales: [Double] = [2, 5, 10, 20, 40, 80, 160, 320, 640]

    public var metresPerDot: Double { Self.scales[max(0, min(Self.scales.count - 1, zoom))] }

    /// Map cells to dots: a dot is as wide as it is tall (two across and four down per cell,
    /// in cells about twice as tall as wide).
    public static func dot(of point: GeoPoint, projection: LocalProjection, metresPerDot: Double, canvas: BrailleCanvas) -> (x: Int, y: Int) {
        let (east, north) = projection.offset(of: point)
        let x = Double(canvas.dotWidth) / 2 + east / metresPerDot
        let y = Double(canvas.dotHeight) / 2 - north / metresPerDot
        return (Int(x.rounded()), Int(y.rounded()))
    }

    /// A scale bar of a round distance no wider than `maxCells`: its cells and its label.
    public static func scaleBar(metresPerDot: Double, maxCells: Int) -> (cells: Int, label: String) {
        let candidates: [Double] = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
        let metresPerCell = metresPerDot * 2
        let fitting = candidates.last { $0 / metresPerCell <= Double(maxCells) } ?? candidates[0]
        return (max(1, Int((fitting / metresPerCell).rounded())), DistanceText.format(metres: fitting))
    }
}

/// The map mode of a provider list (`M`): the list's providers as Braille dots around the home
/// postcode (or the area's centre), home marked, the selected provider highlighted with its
/// catchment or last distance offered as a circle, a scale bar, zoom and pan. The list and the
/// map share one cursor, so each follows the other.
extension ProviderListFeature {
    static func mapCentre(_ context: AppContext) -> (GeoPoint, String) {
        if let home = context.home { return (home.location, home.postcode) }
        return (context.catalog.manifest.area.centre, "the centre of \(context.catalog.manifest.area.name)")
    }

    /// A first zoom that fits most of the list (eight in ten providers) around the centre.
    func initialMap(_ context: AppContext, cells: Rect) -> MapState {
        let (centre, _) = Self.mapCentre(context)
        let distances = rows.map { context.catalog.distance(from: centre, toProviderAt: Int($0)) }.sorted()
        let reach = distances.isEmpty ? 1_000 : distances[min(distances.count - 1, distances.count * 8 / 10)]
        let halfDots = Double(max(4, min(cells.width * 2, cells.height * 4) / 2))
        let zoom = MapState.scales.firstIndex { $0 * halfDots >= reach } ?? MapState.scales.count - 1
        return MapState(centre: centre, zoom: zoom)
    }

    static func mapKeymap() -> [KeyBinding<Action>] {
        [
            KeyBinding([.character("n"), .tab], "n Tab", .move(.down), "next provider (the list follows)", hint: "next"),
            KeyBinding([.character("p"), .backTab], "p S-Tab", .move(.up), "previous provider"),
            KeyBinding([.character("+"), .character("=")], "+", .zoomIn, "zoom in", hint: "zoom"),
            KeyBinding([.character("-")], "-", .zoomOut, "zoom out"),
            KeyBinding([.up, .character("k")], "↑ k", .pan(0, 1), "move the map north"),
            KeyBinding([.down, .character("j")], "↓ j", .pan(0, -1), "move the map south"),
            KeyBinding([.left, .character("h")], "← h", .pan(-1, 0), "move the map west"),
            KeyBinding([.right, .character("l")], "→ l", .pan(1, 0), "move the map east"),
            KeyBinding([.character("c")], "c", .recentre, "back to home (or the centre)"),
            KeyBinding([.enter], "Enter", .open, "open the selected provider", hint: "details"),
            KeyBinding([.character("M"), .escape, .character("q")], "M Esc", .toggleMap, "back to the list", hint: "list"),
        ]
    }

    mutating func performOnMap(_ action: Action, in context: inout AppContext) -> Handling {
        guard var map else { return .ignored }
        let cells = frame(context.contentArea, context).table
        switch action {
        case .zoomIn: map.zoom = max(0, map.zoom - 1)
        case .zoomOut: map.zoom = min(MapState.scales.count - 1, map.zoom + 1)
        case .pan(let east, let north):
            // A quarter of the view at a time.
            let step = map.metresPerDot * Double(east != 0 ? cells.width * 2 : cells.height * 4) / 4
            map.centre = LocalProjection(centre: map.centre).point(east: Double(east) * step, north: Double(north) * step)
        case .recentre:
            map.centre = Self.mapCentre(context).0
        case .toggleMap:
            self.map = nil
            return .handled
        default:
            return .ignored
        }
        self.map = map
        return .handled
    }

    /// A click on the map selects the provider nearest the click.
    mutating func clickOnMap(_ mouse: MouseEvent, area: Rect, context: AppContext) -> Handling {
        guard let map, mouse.kind == .press else { return .ignored }
        let cells = frame(area, context).table
        guard cells.contains(x: mouse.x, y: mouse.y) else { return .ignored }
        let canvas = BrailleCanvas(width: cells.width, height: cells.height - 1)
        let projection = LocalProjection(centre: map.centre)
        let clickX = (mouse.x - cells.x) * 2 + 1, clickY = (mouse.y - cells.y) * 4 + 2
        var best: (index: Int, distance: Int)?
        for (index, position) in rows.enumerated() {
            let dot = MapState.dot(of: context.catalog.providers[Int(position)].location, projection: projection,
                                   metresPerDot: map.metresPerDot, canvas: canvas)
            let distance = (dot.x - clickX) * (dot.x - clickX) + (dot.y - clickY) * (dot.y - clickY)
            if best.map({ distance < $0.distance }) ?? true { best = (index, distance) }
        }
        if let best, best.distance <= 64 { table.cursor.select(best.index, count: rows.count, visible: frame(area, context).body.height) }
        return .handled
    }

    func renderMap(_ map: MapState, into screen: inout Screen, cells: Rect, context: AppContext) {
        guard cells.height > 2, cells.width > 10 else { return }
        var canvas = BrailleCanvas(width: cells.width, height: cells.height - 1)
        let projection = LocalProjection(centre: map.centre)
        let providers = context.catalog.providers
        for position in rows {
            let dot = MapState.dot(of: providers[Int(position)].location, projection: projection, metresPerDot: map.metresPerDot, canvas: canvas)
            canvas.set(dot.x, dot.y)
        }
        var selectedDot: (x: Int, y: Int)?
        var selectedName: String?
        if let position = selectedPosition {
            let provider = providers[Int(position)]
            let dot = MapState.dot(of: provider.location, projection: projection, metresPerDot: map.metresPerDot, canvas: canvas)
            selectedDot = dot
            selectedName = provider.name
            // A practice's catchment and a school's last distance offered, as circles.
            var radius: Int?
            if case .radius(_, let metres)? = provider.gp?.catchment { radius = metres }
            if case .distance(let metres)? = provider.school?.lastOffer { radius = metres }
            if let radius { canvas.circle(dot.x, dot.y, radius: Int((Double(radius) / map.metresPerDot).rounded())) }
        }
        canvas.render(into: &screen, area: Rect(x: cells.x, y: cells.y, width: cells.width, height: cells.height - 1), role: .accent)
        // Home is drawn last so the selected provider's name never hides it; the name stops short of it.
        var homeCell: (x: Int, y: Int)?
        if let entry = context.home {
            let dot = MapState.dot(of: entry.location, projection: projection, metresPerDot: map.metresPerDot, canvas: canvas)
            if dot.x >= 0, dot.y >= 0, dot.x < canvas.dotWidth, dot.y < canvas.dotHeight {
                homeCell = (cells.x + dot.x / 2, cells.y + dot.y / 4)
            }
        }
        var selectedCell: (x: Int, y: Int)?
        if let dot = selectedDot, let name = selectedName, dot.x >= 0, dot.y >= 0, dot.x < canvas.dotWidth, dot.y < canvas.dotHeight {
            let column = cells.x + dot.x / 2, row = cells.y + dot.y / 4
            selectedCell = (column, row)
            screen.put("●", x: column, y: row, role: .selected)
            let nameWidth = DisplayWidth.of(name) + 1
            var labelX = column + 1
            var labelWidth = min(nameWidth, cells.maxX - column - 1)
            // Near the right edge the name goes to the left of the dot, where it has more room.
            if labelWidth < nameWidth, column - cells.x > labelWidth {
                labelWidth = min(nameWidth, column - cells.x)
                labelX = column - labelWidth
            }
            if let home = homeCell, home.y == row, home.x > column, labelX > column, home.x - column - 1 < nameWidth {
                // Home is in the way on the right: the name goes to the left of the dot if it fits, else after home.
                if column - cells.x >= nameWidth {
                    labelX = column - nameWidth
                    labelWidth = nameWidth
                } else {
                    labelX = home.x + 1
                    labelWidth = min(nameWidth, cells.maxX - home.x - 1)
                }
            }
            if labelWidth > 4 {
                let text = labelX < column ? name + " " : " " + name
                screen.put(text, x: labelX, y: row, width: labelWidth, role: .selected)
            }
        }
        if let home = homeCell, !(selectedCell.map { $0.x == home.x && $0.y == home.y } ?? false) {
            screen.put("⌂", x: home.x, y: home.y, role: .title)
        }
        let bar = MapState.scaleBar(metresPerDot: map.metresPerDot, maxCells: max(1, cells.width / 4))
        let barText = "├" + String(repeating: "─", count: max(0, bar.cells - 2)) + "┤ " + bar.label
        let legend = (context.home != nil ? "⌂ home  " : "") + "● selected  ⠂ \(rows.count) providers  +/- zoom  ←→↑↓ pan"
        screen.put(barText, x: cells.x, y: cells.maxY - 1, role: .heading)
        let legendX = cells.x + DisplayWidth.of(barText) + 3
        screen.put(legend, x: legendX, y: cells.maxY - 1, width: cells.maxX - legendX, role: .dim)
    }

    /// The map in words for plain mode: providers by distance band and direction.
    /// Each named provider carries its number in the list ("#3 …"), the number that opens it.
    func describeMap(_ context: AppContext) -> [String] {
        let (centre, place) = Self.mapCentre(context)
        let rows = self.rows
        return NearbyDescription.describe(rows, from: centre, named: place, in: context.catalog, kind: key.kind, limit: 5,
                                          number: { position in rows.firstIndex(of: position).map { $0 + 1 } })
    }
}
