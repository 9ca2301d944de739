import AgoraUI
import ChoiceKit
import EmbeddedCatalog

/// Drives the UI as a person would: keys in, the rendered screen out.
struct Driver {
    static let catalog: Catalog = {
        do { return try Catalog.load(from: EmbeddedCatalog.source) } catch { fatalError("\(error)") }
    }()

    var state: AppState
    var effects: [Effect] = []

    init(width: Int = 80, height: Int = 24, shortlist: [String] = [], postcode: String? = nil) {
        state = AppState(catalog: Self.catalog, size: Size(width: width, height: height), shortlist: shortlist,
                         homePostcode: postcode)
    }

    var screen: Screen { Render.screen(state) }
    var text: String { screen.text }
    var lines: [String] { screen.lines }

    mutating func send(_ event: Event) {
        effects += Update.apply(event, to: &state)
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types text as separate character keys.
    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    mutating func resize(_ width: Int, _ height: Int) { send(.resize(Size(width: width, height: height))) }

    /// The list on top, if any.
    var list: ListState? {
        if case .list(let key) = state.page { return state.lists[key] }
        return nil
    }

    var listProviders: [Provider] { (list?.rows ?? []).map { Self.catalog.providers[Int($0)] } }

    /// Opens a kind's list from the home screen.
    mutating func openList(_ kind: ProviderKind) {
        let items = ["school": 0, "care": 1, "gp": 2]
        for _ in 0..<(items[kind.rawValue] ?? 0) { press(.down) }
        press(.enter)
    }
}
