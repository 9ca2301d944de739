import AgoraUI
import ChoiceKit
import SchoolChoice

/// The school pages with the runtime played in memory: a write changes `saved` (or fails when
/// told to) and is answered; a load reads `saved` back, as the store would.
struct SchoolDriver {
    var driver: Driver
    var saved: [SavedChild]
    /// The next write fails with this message.
    var failNextWrite: String?

    init(width: Int = 80, height: Int = 24, children: [SavedChild] = []) {
        driver = Driver(width: width, height: height)
        driver.confirmsWrites = false
        saved = children
    }

    var text: String { driver.text }
    var lines: [String] { driver.lines }
    var state: AppState { driver.state }
    var writes: [StoreRequest] { driver.writes }
    var schoolWrites: [SchoolRequest] { writes.compactMap { if case .school(let request) = $0 { return request }; return nil } }

    mutating func send(_ event: Event) {
        let before = driver.effects.count
        driver.send(event)
        for effect in driver.effects[before...] { answer(effect) }
    }

    mutating func press(_ keys: Key...) { for key in keys { send(.key(key)) } }

    mutating func type(_ text: String) { for character in text { send(.key(.character(character))) } }

    private mutating func answer(_ effect: Effect) {
        switch effect {
        case .write(let id, let request):
            if let failure = failNextWrite {
                failNextWrite = nil
                send(.outcome(.failed(id, message: failure)))
                return
            }
            if case .school(let change) = request { apply(change) }
            send(.outcome(.saved(id)))
        case .loadChildren:
            send(.outcome(.childrenLoaded(.loaded(saved))))
        default:
            break
        }
    }

    private mutating func apply(_ change: SchoolRequest) {
        func edit(_ name: String, _ body: (inout SavedChild) -> Void) {
            guard let index = saved.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { return }
            body(&saved[index])
        }
        switch change {
        case .addChild(let profile): saved.append(SavedChild(profile: profile))
        case .updateChild(let previous, let profile): edit(previous) { $0.profile = profile }
        case .removeChild(let name): saved.removeAll { $0.name.lowercased() == name.lowercased() }
        case .setMarked(let name, let ids): edit(name) { $0.marked = ids }
        case .setPriorities(let name, let priorities): edit(name) { $0.priorities = priorities }
        case .setPreferences(let name, let ids): edit(name) { $0.preferences = ids }
        }
    }

    /// From the home page to "Schools for my child" (under "Yours").
    mutating func openSchools() {
        press(.end, .up, .up, .up, .enter)
    }

    /// A child born in October 2022: Reception in September 2027, applications closing on 15 January 2027.
    static let sam = ChildProfile(name: "Sam", dateOfBirth: CalendarDate(year: 2022, month: 10, day: 1) ?? Driver.today,
                                  homePostcode: "KM1 9UY")
}

/// A plain session with the same runtime in memory: each line's effects are answered in order.
struct PlainSchoolSession {
    var session: PlainSession
    var saved: [SavedChild]

    init(children: [SavedChild] = []) {
        session = PlainSession(state: AppState(catalog: Driver.catalog, size: Size(width: 80, height: 24), today: Driver.today))
        saved = children
    }

    mutating func start() -> String { session.start() }

    /// What is printed after typing `line`, with what the answers to its effects print.
    mutating func say(_ line: String) -> (text: String, effects: [Effect]) {
        let response = session.respond(to: line)
        var out = response.text
        for effect in response.effects {
            switch effect {
            case .write(let id, let request):
                if case .school(let change) = request { apply(change) }
                out += session.receive(.saved(id))
            case .loadChildren:
                out += session.receive(.childrenLoaded(.loaded(saved)))
            default:
                break
            }
        }
        return (out, response.effects)
    }

    private mutating func apply(_ change: SchoolRequest) {
        var driver = SchoolDriver(children: saved)
        driver.applyForPlain(change)
        saved = driver.saved
    }
}

extension SchoolDriver {
    fileprivate mutating func applyForPlain(_ change: SchoolRequest) { apply(change) }
}
