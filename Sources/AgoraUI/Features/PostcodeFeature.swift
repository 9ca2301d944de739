import ChoiceKit

/// The home-postcode prompt: a one-field form that checks the postcode's shape and that the area
/// knows it, then saves it. An empty postcode clears the saved one; Esc leaves it as it was.
public struct PostcodeFeature: Feature {
    public var form: Form

    public init(current: String?) {
        form = Form(fields: [FormField(id: "postcode", label: "Postcode", kind: .postcode, value: current ?? "",
                                       hint: "Distances are measured from here. Leave it empty and press Enter to clear it.",
                                       limit: 12)])
    }

    public var id: String { "postcode" }
    public func title(in context: AppContext) -> String { "Your home postcode" }
    public func help(in context: AppContext) -> [HelpEntry] { Form.help }
    public var capturesText: Bool { true }

    func box(_ area: Rect) -> (box: Rect, form: Rect) {
        let width = min(area.width - 2, 66)
        let height = min(area.height, 10)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        return (box, Rect(x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 3))
    }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        switch form.handle(key) {
        case .editing:
            return .handled
        case .cancelled:
            context.dismiss()
        case .submitted(let values):
            guard let postcode = values["postcode"]?.postcode else {
                context.dismiss()
                if context.hasSavedHome {
                    context.setHome(nil)
                    context.inform("Home postcode cleared")
                }
                return .handled
            }
            if context.isCatalogLoading, context.catalog.manifest.postcodes.isEmpty {
                context.dismiss()
                context.setHomeWhenLoaded(postcode)
                context.inform("Home postcode \(postcode) saved; distances show once the postcodes load")
                return .handled
            }
            guard let entry = context.catalog.postcode(postcode) else {
                let example = context.catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA"
                form.setError("\(postcode) is not in \(context.catalog.manifest.area.name). Try one like \(example).", on: "postcode")
                return .handled
            }
            context.dismiss()
            context.setHome(entry)
            context.inform(AppContext.homeSetText(entry))
        }
        return .handled
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        let frame = box(area)
        if mouse.kind == .press, !frame.box.contains(x: mouse.x, y: mouse.y) {
            return handle(.escape, in: &context)
        }
        return form.handle(mouse, area: frame.form)
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let frame = box(area)
        screen.fill(frame.box, role: .overlay)
        screen.box(frame.box, title: "Your home postcode")
        let example = context.catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA"
        // A long area name leaves out the area rather than the keys.
        let full = "A postcode in \(context.catalog.manifest.area.name), e.g. \(example). Enter saves · Esc cancels"
        let line = DisplayWidth.of(full) <= frame.form.width ? full : "A postcode like \(example). Enter saves · Esc cancels"
        screen.put(line, x: frame.form.x, y: frame.box.y + 1, width: frame.form.width, role: .dim)
        form.render(into: &screen, area: frame.form)
    }

    public func plain(in context: AppContext) -> PlainView {
        let example = context.catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA"
        let current = context.home.map { "Now: \($0.postcode)." } ?? "Not set yet."
        return PlainView(title: "Your home postcode", lines: [.note(current), .note("Distances are measured from here; it is saved on this computer only.")],
                         prompt: "Type your home postcode (for example \(example)), clear to remove it, or press Enter alone to leave it as it is:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        let typed = command.raw
        if typed.isEmpty || typed == "b" {
            context.dismiss()
            context.inform(context.home.map { "Home postcode still \($0.postcode)." } ?? "Home postcode still not set.")
            return .handled
        }
        if typed.lowercased() == "clear" {
            context.dismiss()
            if context.home != nil { context.setHome(nil) }
            context.inform("Home postcode cleared.")
            return .handled
        }
        form.fields[0].input.setText(typed)
        let outcome = handle(.enter, in: &context)
        if let error = form.fields[0].error { context.warn(error + " Try again, or press Enter alone to leave it.") }
        return outcome
    }
}
