import AgoraStore
import AgoraUI
import ChoiceKit
import SchoolChoice

/// Children, their marked schools, priorities and preference lists: written and read for the
/// full-screen and plain journeys.
extension StoreEffects {
    func carryOut(_ request: SchoolRequest, in store: AgoraStore) throws(StoreError) {
        switch request {
        case .addChild(let child): try store.addChild(child, on: today)
        case .updateChild(let previousName, let child): try store.updateChild(named: previousName, to: child)
        case .removeChild(let name): try store.removeChild(named: name)
        case .setMarked(let name, let ids): try store.setMarkedSchools(ids, ofChild: name)
        case .setPriorities(let name, let priorities): try store.setPriorities(priorities, ofChild: name)
        case .setPreferences(let name, let ids): try store.setPreferences(ids, ofChild: name)
        }
    }

    /// Every saved child with what was chosen for them, or why they cannot be read.
    func children() -> Outcome {
        guard let store else {
            return .childrenLoaded(.unreadable("There is nowhere to read them from (the data folder could not be opened)."))
        }
        do {
            var saved: [SavedChild] = []
            for child in try store.children() {
                saved.append(SavedChild(profile: child, marked: try store.markedSchools(ofChild: child.name),
                                        preferences: try store.preferences(ofChild: child.name),
                                        priorities: try store.priorities(ofChild: child.name)))
            }
            return .childrenLoaded(.loaded(saved))
        } catch {
            return .childrenLoaded(.unreadable(error.description))
        }
    }
}
