import ChoiceKit

/// One provider list: its query, what the query found, and where the cursor is.
public struct ListState: Hashable, Sendable {
    public var key: ListKey
    public var query: ProviderQuery
    /// Positions in `Catalog.providers`, in display order.
    public var rows: [Int32] = []
    public var selected = 0
    public var top = 0
    /// The search being typed, while in text-entry mode.
    public var search: TextField?
    /// The search text before this entry began, restored by Esc.
    public var searchBefore = ""
    /// True once the person picks a sort, so setting a postcode does not override it.
    public var sortChosen = false

    public init(key: ListKey) {
        self.key = key
        query = ProviderQuery(kind: key.kind)
    }

    /// Re-runs the query, keeping the same provider selected when it is still there.
    public mutating func refresh(in catalog: Catalog) {
        let selectedPosition = rows.indices.contains(selected) ? rows[selected] : nil
        var result = catalog.run(query).positions
        if let service = key.serviceID {
            result.removeAll { catalog.providers[Int($0)].contract?.serviceID != service }
        }
        rows = result
        if let selectedPosition, let index = rows.firstIndex(of: selectedPosition) {
            selected = index
        } else {
            selected = min(selected, max(0, rows.count - 1))
        }
    }

    public var selectedPosition: Int32? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Keeps the selected row inside a window of `visible` rows.
    public mutating func scrollToSelection(visible: Int) {
        guard visible > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, rows.count - visible)))
    }
}
