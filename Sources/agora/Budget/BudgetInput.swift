import AgoraStore
import ArgumentParser
import CareBudget
import ChoiceKit
import Foundation

/// Turning what was typed into checked values. Every problem is a `Failure.usage`: one line,
/// exit status 2, and nothing written (all input is checked before the store is opened).
enum BudgetInput {
    static func amount(_ text: String, option: String, allowZero: Bool = false) throws -> Money {
        switch AmountInput.parse(text, allowZero: allowZero) {
        case .success(let money): return money
        case .failure(let problem): throw Failure.usage("\(option): \(problem.description)")
        }
    }

    static func optionalAmount(_ text: String?, option: String, allowZero: Bool = false) throws -> Money? {
        try text.map { try amount($0, option: option, allowZero: allowZero) }
    }

    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate.parseTyped(text.trimmingCharacters(in: .whitespaces)) else {
            throw Failure.usage("\(option): \"\(TextSafety.inert(text))\" is not a date — use YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-04-06")
        }
        return date
    }

    static func quantity(_ text: String, option: String, unit: String, range: ClosedRange<Int>) throws -> Quantity {
        guard let quantity = Quantity.parse(text), quantity.hundredths > 0, quantity.hundredths <= range.upperBound * 100 else {
            throw Failure.usage("\(option): \"\(TextSafety.inert(text))\" is not a number of \(unit) from 0.01 to \(range.upperBound) — give it like 7.5")
        }
        return quantity
    }

    static func name(_ text: String) throws -> String {
        if let problem = SetupInput.checkName(text) { throw Failure.usage(problem.description) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func plainText(_ text: String, option: String, longest: Int = 200) throws -> String {
        guard !text.unicodeScalars.contains(where: TextSafety.isControl) else {
            throw Failure.usage("\(option): the text contains a control character — use plain text")
        }
        guard text.count <= longest else { throw Failure.usage("\(option): the text is longer than \(longest) characters — shorten it") }
        return text
    }

    /// Today in the local calendar, for entries that default to today.
    static var today: CalendarDate { Today.date }

    /// The store in the data directory; a store that cannot be opened ends the command (exit 1).
    static func store(_ global: GlobalOptions) throws -> AgoraStore {
        do { return try AgoraStore(directory: global.dataDirectory) } catch { throw Failure.failed(error.description) }
    }

    /// Runs a store operation, turning its refusal into one line: usage (exit 2) for what the
    /// person asked that cannot be, failure (exit 1) when the store itself failed.
    static func stored<T>(_ body: () throws(BudgetStoreError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if case .store = error { throw Failure.failed(error.description) }
            throw Failure.usage(error.description)
        }
    }
}

/// `--from`/`--to`-style payees: a catalog id is that provider, anything else a named person.
enum PayeeInput {
    static func payee(_ text: String, catalog: Catalog, closeRelative: Bool = false) throws -> Payee {
        if let provider = catalog.provider(id: text.trimmingCharacters(in: .whitespaces)) {
            return .provider(id: provider.id, name: provider.name)
        }
        let name = try BudgetInput.plainText(text.trimmingCharacters(in: .whitespaces), option: "--to", longest: 80)
        guard !name.isEmpty else { throw Failure.usage("--to: no payee given — give a provider id such as C12, or a person's name") }
        // "C999" is a mistyped id, not a person: saved as one, the payment would match no provider.
        if let first = name.unicodeScalars.first, ("A"..."Z").contains(first), name.count <= 10, name.count >= 2,
           name.unicodeScalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) }) {
            throw Failure.usage("--to: there is no provider \"\(name)\" in the catalog — check its id with agora list --kind care, or give a person's name")
        }
        return .person(name: name, closeRelativeInHousehold: closeRelative)
    }
}
