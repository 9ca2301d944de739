import ChoiceKit
import Market

/// Who holds a local market, at a glance: each organisation's (or sector's) share of the
/// service's capacity as bars, the largest groups, and how concentrated the market is, with the
/// thresholds used and their source.
public struct MarketFeature: KeyedFeature {
    public private(set) var serviceID: String
    public private(set) var grouping: MarketView.Grouping = .group
    var viewport = Viewport()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case regroup, nextService, previousService
    }

    public init(serviceID: String) { self.serviceID = serviceID }

    public var id: String { "market:\(serviceID)" }

    public func title(in context: AppContext) -> String {
        "Market: " + (context.catalog.manifest.service(id: serviceID)?.name ?? serviceID)
    }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "line") + [
            KeyBinding([.character("o")], "o", .regroup, "by organisation or by sector", hint: "organisation/sector", plain: "o"),
            KeyBinding([.tab, .right], "Tab →", .nextService, "the next service", hint: "next", plain: "n"),
            KeyBinding([.backTab], "S-Tab", .previousService, "the previous service", plain: "p"),
        ])
    }

    func view(_ context: AppContext) -> MarketView? {
        context.catalog.manifest.service(id: serviceID).map { MarketView.make(service: $0, catalog: context.catalog, grouping: grouping) }
    }

    /// The header lines above the chart.
    func header(_ view: MarketView) -> [(String, Role)] {
        [("\(view.service.name): \(view.capacity.noun) \(view.grouping.label)", .title),
         (view.reading, view.level == .unconcentrated ? .good : view.level == .concentrated ? .fair : .bad),
         ("Total: \(view.capacity.count(view.totalCapacity)) across \(Count.text(view.shares.reduce(0) { $0 + $1.providers }, "provider")). o switches organisation/sector, Tab goes to the next service.", .dim)]
    }

    static func valueText(_ share: MarketView.Share, _ view: MarketView) -> String {
        let what = view.capacity.noun == "contracts" ? "" : " · \(ShortText.count(share.capacity))"
        return "\(MarketView.percent(share.shareTenths))\(what) · \(share.providers) provider\(share.providers == 1 ? "" : "s")"
    }

    func chart(_ view: MarketView) -> BarChart {
        BarChart(rows: view.shares.map { share in
            BarChart.Row(label: share.label, value: Int64(share.capacity), valueText: Self.valueText(share, view))
        }, maximum: Int64(max(1, view.shares.first?.capacity ?? 1)))
    }

    /// The header wrapped to the window: the reading is the point of the page and is never cut.
    func headerLines(_ view: MarketView, width: Int) -> [(String, Role)] {
        header(view).flatMap { text, role in DisplayWidth.wrap(text, width: max(1, width - 4)).map { ($0, role) } }
    }

    /// Where the page's parts go: the header, the chart, and the notes (the thresholds and their
    /// source) shortened before the chart is when the window is small.
    struct Parts {
        let header: [(String, Role)]
        let chart: Rect
        let notes: [String]
    }

    func parts(_ view: MarketView, area: Rect) -> Parts {
        let header = headerLines(view, width: area.width)
        var notes = view.notes.flatMap { DisplayWidth.wrap($0, width: max(1, area.width - 4)) }
        let room = max(1, (area.height - header.count - 2) / 3)
        if notes.count > room {
            notes = Array(notes.prefix(room))
            notes[notes.count - 1] = DisplayWidth.truncate(notes[notes.count - 1] + " …", to: max(1, area.width - 4))
        }
        let chart = Rect(x: area.x + 2, y: area.y + header.count + 1, width: area.width - 4,
                         height: max(1, area.height - header.count - 2 - notes.count))
        return Parts(header: header, chart: chart, notes: notes)
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let services = context.catalog.manifest.services
        switch action {
        case .move(let move):
            guard let view = view(context) else { return .handled }
            let rows = parts(view, area: context.contentArea).chart.height
            let count = view.shares.count
            switch move {
            case .up: viewport.scroll(by: -1, contentRows: count, visible: rows)
            case .down: viewport.scroll(by: 1, contentRows: count, visible: rows)
            case .pageUp: viewport.scroll(by: -rows, contentRows: count, visible: rows)
            case .pageDown: viewport.scroll(by: rows, contentRows: count, visible: rows)
            case .top: viewport.top = 0
            case .bottom: viewport.top = Viewport.maxTop(rows: count, visible: rows)
            }
        case .regroup:
            grouping = grouping == .group ? .sector : .group
            viewport = Viewport()
        case .nextService, .previousService:
            guard let index = services.firstIndex(where: { $0.id == serviceID }), !services.isEmpty else { return .handled }
            let step = action == .nextService ? 1 : services.count - 1
            serviceID = services[(index + step) % services.count].id
            viewport = Viewport()
        }
        return .handled
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        guard let view = view(context) else { return }
        viewport.clamp(rows: view.shares.count, visibleRows: parts(view, area: area).chart.height)
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        guard let view = view(context) else { return }
        let parts = self.parts(view, area: area)
        for (index, line) in parts.header.enumerated() {
            screen.put(line.0, x: area.x + 2, y: area.y + index, width: area.width - 4, role: line.1)
        }
        let notes = parts.notes
        let chartArea = parts.chart
        let style = BarStyle(theme: context.theme)
        let lines = chart(view).lines(width: chartArea.width, style: style)
        let labelWidth = lines.first.map { DisplayWidth.of($0.label) } ?? 0
        for row in 0..<chartArea.height {
            let index = viewport.top + row
            guard index < lines.count else { break }
            let line = lines[index]
            let y = chartArea.y + row
            screen.put(line.label, x: chartArea.x, y: y)
            let barWidth = screen.put(line.bar, x: chartArea.x + labelWidth + 1, y: y, role: .accent)
            screen.put(line.value, x: chartArea.x + labelWidth + 2 + barWidth, y: y, width: chartArea.maxX - chartArea.x - labelWidth - 2 - barWidth)
        }
        if viewport.top + chartArea.height < lines.count {
            screen.put("↓ \(lines.count - viewport.top - chartArea.height) more", x: chartArea.maxX - 10, y: chartArea.maxY, role: .dim)
        }
        for (index, note) in notes.enumerated() {
            screen.put(note, x: area.x + 2, y: area.maxY - notes.count + index, width: area.width - 4, role: .dim)
        }
    }

    public func plain(in context: AppContext) -> PlainView {
        guard let view = view(context) else { return PlainView(title: "Market", lines: [], prompt: "Type b to go back:") }
        var lines: [PlainLine] = [.note(view.reading)]
        for (index, share) in view.shares.enumerated() {
            lines.append(.item(index + 1, "\(share.label): \(Self.valueText(share, view).replacingAll(" · ", with: ", ")). \(Bar.text(Int64(share.capacity), of: Int64(max(1, view.shares.first?.capacity ?? 1)), width: 20, style: .ascii))"))
        }
        lines += view.notes.map { PlainLine.note($0) }
        return PlainView(title: "\(view.service.name): \(view.capacity.noun) \(view.grouping.label)", lines: lines,
                         prompt: "Type o to group \(grouping == .group ? "by sector" : "by organisation"), n for the next service, or b to go back:")
    }
}
