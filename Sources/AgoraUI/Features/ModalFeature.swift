import ChoiceKit

/// A `Modal` presented over the page, answered back to the feature that opened it by its tag.
public struct ModalFeature: Feature {
    public let tag: String
    public var modal: Modal

    public init(tag: String, modal: Modal) {
        self.tag = tag
        self.modal = modal
    }

    public var id: String { "modal:\(tag)" }
    public func title(in context: AppContext) -> String { modal.title }
    public func help(in context: AppContext) -> [HelpEntry] { modal.help }
    public var capturesText: Bool { if case .prompt = modal.kind { return true }; return false }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        let outcome = modal.handle(key)
        if outcome != .open { context.finishModal(tag, outcome) }
        if case .prompt(let field) = modal.kind, let problem = field.message { context.warn(problem) }
        return .handled
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        let outcome = modal.handle(mouse, area: area)
        if outcome != .open { context.finishModal(tag, outcome) }
        return .handled
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        modal.render(into: &screen, area: area)
    }

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = [.note(modal.message)]
        let prompt: String
        switch modal.kind {
        case .info: prompt = "Type b to go on:"
        case .confirm(let yes, let no): prompt = "Type y (\(yes)) or n (\(no)):"
        case .prompt(let field):
            if !field.text.isEmpty { lines.append(.note("Suggested: \(field.text)")) }
            prompt = "Type your answer, or press Enter alone for the suggestion; b cancels:"
        case .menu(let options, _):
            lines += options.enumerated().map { PlainLine.item($0.offset + 1, $0.element) }
            prompt = "Type a number, or b to cancel:"
        }
        return PlainView(title: modal.title, lines: lines, prompt: prompt)
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        let raw = command.raw
        switch modal.kind {
        case .info:
            context.finishModal(tag, .cancelled)
        case .confirm:
            if command.word == "y" || command.word == "yes" { context.finishModal(tag, .confirmed) }
            else if command.word == "n" || command.word == "no" { context.finishModal(tag, .declined) }
            else if command.word == "b" { context.finishModal(tag, .cancelled) }
            else { context.warn("Type y or n.") }
        case .prompt(let field):
            if command.word == "b", command.argument.isEmpty, command.number == nil { context.finishModal(tag, .cancelled) }
            else { context.finishModal(tag, .submitted(raw.isEmpty ? field.text : raw)) }
        case .menu(let options, _):
            if command.word == "b" { context.finishModal(tag, .cancelled) }
            else if let number = command.number, options.indices.contains(number - 1) { context.finishModal(tag, .chosen(number - 1)) }
            else { context.warn("Type a number from 1 to \(options.count), or b.") }
        }
        return .handled
    }
}
