import AgoraUI
import ChoiceKit
import EmbeddedCatalog

/// Drives the UI as a person would: keys in, the rendered screen and the effects out. Writes are
/// confirmed as the runtime would, unless a test says otherwise.
struct Driver {
    static let catalog: Catalog = {
        do { return try Catalog.load(from: EmbeddedCatalog.source) } catch { fatalError("\(error)") }
    }()

    static let today = CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0)

    var state: AppState
    var effects: [Effect] = []
    /// When true (the default), every write is answered "saved" at once, as a working store does.
    var confirmsWrites = true

    init(width: Int = 80, height: Int = 24, shortlist: [String] = [], postcode: String? = nil, theme: ThemeName = .standard) {
        state = AppState(catalog: Self.catalog, size: Size(width: width, height: height), today: Self.today,
                         shortlist: shortlist, homePostcode: postcode, theme: theme)
    }

    var screen: Screen { Render.screen(state) }
    var text: String { screen.text }
    var lines: [String] { screen.lines }

    mutating func send(_ event: Event) {
        let new = Update.apply(event, to: &state)
        effects += new
        guard confirmsWrites else { return }
        for effect in new {
            if case .write(let id, _) = effect { send(.outcome(.saved(id))) }
        }
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types text as separate character keys.
    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    mutating func click(_ x: Int, _ y: Int) { send(.mouse(MouseEvent(x: x, y: y, kind: .press))) }

    mutating func resize(_ width: Int, _ height: Int) { send(.resize(Size(width: width, height: height))) }

    /// The store requests among the effects so far.
    var writes: [StoreRequest] {
        effects.compactMap { if case .write(_, let request) = $0 { return request }; return nil }
    }

    /// The list on top, if any.
    var list: ProviderListFeature? { state.topPage(as: ProviderListFeature.self) }

    var listProviders: [Provider] { (list?.rows ?? []).map { Self.catalog.providers[Int($0)] } }

    /// Opens a kind's list from the home screen.
    mutating func openList(_ kind: ProviderKind) {
        let items: [ProviderKind: Int] = [.school: 0, .care: 1, .gp: 2]
        for _ in 0..<(items[kind] ?? 0) { press(.down) }
        press(.enter)
    }

    /// The row of the screen whose text contains `text`.
    func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
}
