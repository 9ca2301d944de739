import AgoraStore
import AgoraUI
import ChoiceKit

/// Carries out writes and reads against the store and says what became of each, in words a
/// person can act on when it failed.
struct StoreEffects {
    let store: AgoraStore?
    let today: CalendarDate

    func carryOut(_ id: RequestID, _ request: StoreRequest) -> Outcome {
        guard let store else {
            return .failed(id, message: "There is nowhere to save it (the data folder could not be opened).")
        }
        if case .budget(let budgetRequest) = request { return carryOut(id, budgetRequest, in: store) }
        do {
            switch request {
            case .addToShortlist(let providerID, let kind):
                try store.addToShortlist(providerID: providerID, kind: kind, on: today)
            case .removeFromShortlist(let providerID):
                try store.removeFromShortlist(providerID: providerID)
            case .setHomePostcode(let postcode):
                try store.setSetting(.homePostcode, to: postcode)
            case .setTheme(let theme):
                try store.setSetting(.theme, to: theme.rawValue)
            case .school(let request):
                try carryOut(request, in: store)
            case .budget:
                break
            }
            return .saved(id)
        } catch {
            return .failed(id, message: error.description)
        }
    }

    /// The shortlist as the store has it now; nil when it cannot be read (keep what is shown).
    func shortlist() -> Outcome? {
        guard let store, let entries = try? store.shortlist() else { return nil }
        return .shortlistLoaded(entries.map(\.providerID))
    }
}
