/// A page that is one form saved through the store. While its save is in flight keys wait; Esc
/// (after the form's own question when something was typed) goes back saying nothing was saved;
/// Enter submits the parsed values. Conforming pages give what differs: the message, the submit.
protocol FormPage: Feature {
    var form: Form { get set }
    var isSaving: Bool { get }
    /// What the message line says when the person leaves without saving.
    func cancelledMessage(in context: AppContext) -> String
    mutating func submit(_ values: [String: FieldValue], in context: inout AppContext)
    /// The widest the form is drawn, however wide the window.
    var formMaxWidth: Int { get }
}

extension FormPage {
    var formMaxWidth: Int { 100 }

    func formArea(_ area: Rect) -> Rect {
        Rect(x: area.x + 2, y: area.y + 2, width: min(area.width - 4, formMaxWidth), height: max(1, area.height - 5))
    }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        if isSaving {
            context.inform("Saving… one moment.")
            return .handled
        }
        switch form.handle(key) {
        case .editing: break
        case .cancelled:
            context.pop()
            context.inform(cancelledMessage(in: context))
        case .submitted(let values):
            submit(values, in: &context)
        }
        return .handled
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        form.handle(mouse, area: formArea(area))
    }

    /// The form, and below it the focused field's hint (or "Saving…" while the store has it).
    func renderForm(into screen: inout Screen, area: Rect, hints: [String: String]) {
        form.render(into: &screen, area: formArea(area))
        guard form.fields.indices.contains(form.focus), !form.confirmingDiscard else { return }
        let hint = isSaving ? "Saving…" : hints[form.fields[form.focus].id] ?? ""
        var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.maxY - 2, width: area.width - 4, height: 2))
        writer.write(hint, role: .dim, into: &screen)
    }

    /// Plain mode's commands for a form: a field's number and its value, s to save, b to cancel.
    /// A save that cannot go ahead says which field is wrong and why.
    mutating func formPlain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        switch form.plain(command) {
        case .submit:
            _ = handle(.enter, in: &context)
            if !isSaving, let problem = form.fields.first(where: { $0.error != nil }) {
                context.warn("Not saved yet: \(problem.label): \(problem.error ?? "")")
            }
        case .cancel:
            context.pop()
            context.inform(cancelledMessage(in: context))
        case .askDiscard(let question), .notUnderstood(let question): context.warn(question)
        case .filled(let problem): if let problem { context.warn(problem) }
        case .unchanged(let note): context.inform(note)
        }
        return .handled
    }
}
