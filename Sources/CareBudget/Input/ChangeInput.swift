import ChoiceKit

/// New terms for a budget from what a person typed after the council's letter, checked as a
/// whole: one problem, said plainly. The same checks as a new budget's amounts.
public enum ChangeInput {
    public static let longestNote = 120

    /// `from` is the date the letter gives; the change starts with the budget week nearest it.
    /// Unset amounts stay as they were in force then, or as an earlier entry for that week said.
    public static func make(setup: BudgetSetup, from date: CalendarDate, weekly: Money?, contribution: Money?,
                            managedShare: Money?, assessedHours: Quantity?, note: String) -> Result<BudgetChange, InputProblem> {
        guard date >= setup.start else {
            return .failure(InputProblem("\(date.long) is before the budget starts (\(setup.start.long)) — give the date the new amount starts, from the council's letter"))
        }
        let from = setup.weekStart(nearest: date)
        guard from <= setup.end else {
            return .failure(InputProblem("the budget year ends on \(setup.end.long), with no week left to start new amounts on \(date.long) — set up next year's budget as a new budget instead"))
        }
        let note = note.trimmingCharacters(in: " ")
        if note.unicodeScalars.contains(where: TextSafety.isControl) {
            return .failure(InputProblem("the note contains a control character — use plain text"))
        }
        if note.count > longestNote { return .failure(InputProblem("the note is longer than \(longestNote) characters — use a shorter one")) }
        guard weekly != nil || contribution != nil || managedShare != nil || assessedHours != nil else {
            return .failure(InputProblem("nothing to change — give the new weekly budget, contribution, managed share or assessed hours"))
        }
        if weekly == .zero { return .failure(InputProblem("the weekly budget is £0.00 — give the amount on the council's letter")) }
        if managedShare != nil, setup.route != .mixed {
            return .failure(InputProblem("a managed share is only for a mixed budget, and this one is \(setup.route.label.lowercased())"))
        }
        // A second letter for the same week adds to what the first said.
        let existing = setup.changes.first { $0.from == from }
        var change = existing ?? BudgetChange(from: from)
        if let weekly { change.weeklyBudget = weekly }
        if let contribution { change.weeklyContribution = contribution }
        if let managedShare { change.managedShare = managedShare }
        if let assessedHours { change.assessedHoursPerWeek = assessedHours }
        if !note.isEmpty { change.note = note }
        let before = setup.terms(on: from.adding(days: -1))
        let after = change.applied(to: before, route: setup.route)
        if after.weeklyContribution > after.weeklyBudget {
            return .failure(InputProblem("the contribution \(after.weeklyContribution.formatted) is more than the budget \(after.weeklyBudget.formatted) a week — check both figures on the council's letter"))
        }
        if setup.route == .mixed, after.split.managed >= after.weeklyBudget {
            return .failure(InputProblem("the managed share \(after.split.managed.formatted) is not less than the budget \(after.weeklyBudget.formatted) a week — give the part the council manages"))
        }
        guard after != before, change != existing else {
            return .failure(InputProblem("those are the amounts already in force from \(from.long) — nothing to change"))
        }
        // Later changes then apply to these amounts: they must still hold together.
        var changed = setup
        changed.changes = setup.changes.filter { $0.from != from } + [change]
        if let problem = changed.termsProblem {
            return .failure(InputProblem("with this change, \(problem) — check the later changes on the budget page"))
        }
        return .success(change)
    }

    /// What a change does, in a sentence: from when, and from what to what.
    public static func summary(_ change: BudgetChange, setup: BudgetSetup) -> String {
        let before = setup.terms(on: change.from.adding(days: -1))
        let after = change.applied(to: before, route: setup.route)
        var parts: [String] = []
        if after.weeklyBudget != before.weeklyBudget {
            parts.append("the budget \(before.weeklyBudget.formatted) → \(after.weeklyBudget.formatted) a week")
        }
        if after.weeklyContribution != before.weeklyContribution {
            parts.append("your contribution \(before.weeklyContribution.formatted) → \(after.weeklyContribution.formatted) a week")
        }
        if setup.route == .mixed, after.split.managed != before.split.managed {
            parts.append("the managed part \(before.split.managed.formatted) → \(after.split.managed.formatted) a week")
        }
        if after.assessedHoursPerWeek != before.assessedHoursPerWeek {
            parts.append("assessed need \(after.assessedHoursPerWeek.map { "\($0) hours" } ?? "not given") a week")
        }
        let why = change.note.isEmpty ? "" : " (\(change.note))"
        return "From \(change.from.long)\(why): " + (parts.isEmpty ? "the same amounts as before" : parts.joined(separator: "; ")) + "."
    }
}
