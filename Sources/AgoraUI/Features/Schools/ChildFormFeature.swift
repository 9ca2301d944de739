import ChoiceKit
import SchoolChoice

/// A child's details: name, date of birth, home postcode, siblings' schools, care history, faith,
/// a school named in an EHC plan. Every field is checked (the postcode and schools against the
/// catalog) before anything is saved; the form stays open until the store confirms it.
public struct ChildFormFeature: FormPage {
    public var form: Form
    /// The child being changed; nil when adding one.
    let editing: SavedChild?
    let existingNames: [String]
    let hints: [String: String]
    /// The write in flight and the profile it saves.
    private var saving: (id: RequestID, child: SavedChild)?
    var isSaving: Bool { saving != nil }

    /// Short enough to show whole at 60 columns; the hint says what each means.
    static let careOptions = ["no", "looked after now", "previously looked after"]
    static let sexOptions = ["not given", "boy", "girl"]

    public init(editing: SavedChild?, existingNames: [String], context: AppContext) {
        self.editing = editing
        self.existingNames = existingNames
        let catalog = context.catalog
        let profile = editing?.profile
        let example = catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA"
        let earliest = context.today.adding(days: -(ChildProfileCheck.oldestAge + 1) * 366)
        let care = profile.map { Self.careOptions[CareHistory.allCases.firstIndex(of: $0.care) ?? 0] } ?? Self.careOptions[0]
        let sex = profile?.sex.map { $0 == .boy ? "boy" : "girl" } ?? Self.sexOptions[0]
        form = Form(fields: [
            FormField(id: "name", label: "Name or nickname", kind: .text, value: profile?.name ?? "", required: true,
                      limit: ChildProfileCheck.longestName),
            FormField(id: "born", label: "Date of birth", kind: .date(earliest: earliest, latest: context.today),
                      value: profile?.dateOfBirth.iso ?? "", required: true, limit: 10),
            FormField(id: "home", label: "Home postcode", kind: .postcode,
                      value: profile?.homePostcode ?? context.home?.postcode ?? "", required: true, limit: 12),
            FormField(id: "siblings", label: "Siblings' schools", kind: .text,
                      value: profile.map { Self.schoolNames($0.siblingSchoolIDs, catalog) } ?? "", limit: 300),
            FormField(id: "care", label: "In care", kind: .choice(Self.careOptions), value: care),
            FormField(id: "faith", label: "Faith (optional)", kind: .text, value: profile?.faith ?? "", limit: ChildProfileCheck.longestName),
            FormField(id: "ehc", label: "EHC plan names a school", kind: .text,
                      value: profile?.ehcPlanSchoolID.map { Self.schoolNames([$0], catalog) } ?? "", limit: 120),
            FormField(id: "sex", label: "Boy or girl (optional)", kind: .choice(Self.sexOptions), value: sex),
        ])
        let faiths = Set(catalog.providers(of: .school).compactMap { $0.school?.religiousCharacter }).sorted()
        hints = [
            "name": "What you call them; each child you add needs a different name.",
            "born": "Day, month and year, e.g. 14/03/2022 (or 2022-03-14). It decides the school year and when to apply.",
            "home": "A postcode in \(catalog.manifest.area.name), e.g. \(example). Distances and chances are measured from it.",
            "siblings": "School ids or names where a brother or sister is now and will still be, separated by commas (e.g. \(catalog.providers(of: .school).first?.id ?? "S900001")). Leave empty if none.",
            "care": "Looked after now: in a council's care. Previously looked after: left care by adoption, special guardianship or a child arrangements order, in England or abroad. Both come first.",
            "faith": faiths.isEmpty ? "As schools write it. Leave empty if none." : "As schools write it: \(faiths.joined(separator: ", ")). Leave empty if none.",
            "ehc": "Only if your child has an education, health and care plan naming a school (its id or name): that school must admit them.",
            "sex": "Only used to leave out single-sex schools of the other sex.",
        ]
    }

    public var id: String { "schools:child-form" }
    public func title(in context: AppContext) -> String { editing == nil ? "Add a child" : "Change \(editing?.name ?? "")" }
    public func help(in context: AppContext) -> [HelpEntry] { Form.help }
    public var capturesText: Bool { true }

    static func schoolNames(_ ids: [String], _ catalog: Catalog) -> String {
        ids.map { id in catalog.provider(id: id).map { "\($0.id)" } ?? id }.joined(separator: ", ")
    }

    var formMaxWidth: Int { 110 }

    // MARK: Keys

    func cancelledMessage(in context: AppContext) -> String { editing == nil ? "Nothing was saved." : "No changes were saved." }

    /// Resolves the schools typed by id or name; marks the field when one is unknown.
    mutating func schools(_ text: String?, field: String, catalog: Catalog) -> [String]? {
        guard let text, !text.isEmpty else { return [] }
        var ids: [String] = []
        for part in text.split(separator: ",").map({ String($0).trimmingCharacters(in: Character(" ")) }) where !part.isEmpty {
            let folded = part.lowercased()
            guard let school = catalog.provider(id: part.uppercased()) ?? catalog.provider(id: part)
                    ?? catalog.providers(of: .school).first(where: { $0.name.lowercased() == folded }),
                  school.school != nil else {
                form.setError("No school \"\(part)\" here: type its id (e.g. \(catalog.providers(of: .school).first?.id ?? "S900001")) or its full name.",
                              on: field)
                return nil
            }
            if !ids.contains(school.id) { ids.append(school.id) }
        }
        return ids
    }

    mutating func submit(_ values: [String: FieldValue], in context: inout AppContext) {
        let catalog = context.catalog
        guard let name = values["name"]?.text, let born = values["born"]?.date, let postcode = values["home"]?.postcode else { return }
        guard let home = catalog.postcode(postcode) else {
            let example = catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA"
            form.setError("\(postcode) is not in \(catalog.manifest.area.name). Try one like \(example).", on: "home")
            return
        }
        let taken = existingNames.contains { $0.lowercased() == name.lowercased() && $0.lowercased() != editing?.name.lowercased() }
        if taken {
            form.setError("You already have a child called \(name): use another name or nickname.", on: "name")
            return
        }
        guard let siblings = schools(values["siblings"]?.text, field: "siblings", catalog: catalog),
              let ehc = schools(values["ehc"]?.text, field: "ehc", catalog: catalog) else { return }
        if ehc.count > 1 {
            form.setError("Name one school: the one in the plan.", on: "ehc")
            return
        }
        let care = CareHistory.allCases[min(CareHistory.allCases.count - 1, values["care"]?.choice ?? 0)]
        let sex: ChildSex? = values["sex"]?.choice == 1 ? .boy : values["sex"]?.choice == 2 ? .girl : nil
        let profile = ChildProfile(name: name, dateOfBirth: born, homePostcode: home.postcode, siblingSchoolIDs: siblings, care: care,
                                   faith: values["faith"]?.text, ehcPlanSchoolID: ehc.first, sex: sex)
        if let problem = ChildProfileCheck.problems(profile, today: context.today, catalog: catalog).first {
            let text = problem.message.lowercased()
            let field = text.contains("name") ? "name" : text.contains("postcode") ? "home" : text.contains("sibling") ? "siblings"
                : text.contains("ehc") ? "ehc" : text.contains("faith") ? "faith" : "born"
            form.setError(problem.message.prefix(1).uppercased() + problem.message.dropFirst() + ": " + problem.fix + ".", on: field)
            return
        }
        var child = editing ?? SavedChild(profile: profile)
        child.profile = profile
        let request: SchoolRequest = editing.map { .updateChild(previousName: $0.name, profile) } ?? .addChild(profile)
        let id = context.write(.school(request), undo: .byFeature, what: editing == nil ? "adding \(name)" : "the changes to \(name)")
        saving = (id, child)
        context.loadChildren()
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        guard let saving else { return }
        switch outcome {
        case .saved(saving.id):
            self.saving = nil
            context.pop()
            if editing == nil {
                context.push(ChildFeature(child: saving.child, context: context))
                context.inform("Saved \(saving.child.name). Start with the schools they could go to.")
            } else {
                // The child's page below showed the old details (perhaps the old name): open it afresh.
                context.pop()
                context.push(ChildFeature(child: saving.child, context: context))
                context.inform("Saved the changes to \(saving.child.name).")
            }
        case .failed(saving.id, _):
            // The message says why; what was typed stays, to try again.
            self.saving = nil
        default:
            break
        }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put(editing == nil ? "Add a child" : "Change \(editing?.name ?? "")'s details", x: area.x, y: area.y, role: .title)
        screen.put("Tab moves between fields · Enter saves · Esc cancels", x: area.x + 2, y: area.y + 1, width: area.width - 4, role: .dim)
        let rect = formArea(area)
        form.render(into: &screen, area: rect)
        let focused = form.fields.indices.contains(form.focus) ? form.fields[form.focus] : nil
        let hintTop = min(area.maxY - 2, rect.y + form.height(in: rect) + 1)
        if let focused, let hint = hints[focused.id], !form.confirmingDiscard {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: hintTop, width: area.width - 4, height: area.maxY - hintTop))
            // Plain mode gives choices by number; only here do the arrow keys change them.
            let keys: String
            if case .choice = focused.kind { keys = " ← → change it." } else { keys = "" }
            writer.write(saving == nil ? hint + keys : "Saving…", role: .dim, into: &screen)
        }
    }

    // MARK: Plain mode

    /// Typed "b" once with something entered: asks before discarding.
    private var plainConfirmingDiscard = false

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = []
        for (index, field) in form.fields.enumerated() {
            var value = field.shownText.isEmpty ? "(empty)" : field.shownText
            if case .choice(let options) = field.kind {
                value = options.indices.contains(field.choice) ? options[field.choice] : value
                value += " (choices: " + options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "; ") + ")"
            }
            lines.append(.item(index + 1, "\(field.label): \(value)"))
            if let error = field.error { lines.append(.note("   Problem with \(index + 1): \(error)")) }
        }
        lines.append(.note("Help: " + form.fields.indices.map { "\($0 + 1) " + (hints[form.fields[$0].id] ?? "") }.joined(separator: " ")))
        return PlainView(title: title(in: context), lines: lines,
                         prompt: "Type a field's number and its value (for example 1 Sam, 2 2022-03-14, 5 2), s to save, or b to cancel:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word == "s" || command.word == "save" {
            return handle(.enter, in: &context)
        }
        if command.word == "b" || command.word == "back" {
            if form.isChanged && !plainConfirmingDiscard {
                plainConfirmingDiscard = true
                context.warn("Discard what you typed? Type b again to discard it, or carry on.")
                return .handled
            }
            context.pop()
            context.inform("Nothing was saved.")
            return .handled
        }
        plainConfirmingDiscard = false
        guard command.word.isEmpty, let number = command.number, form.fields.indices.contains(number - 1) else {
            context.warn("Type a field's number and its value, e.g. 1 Sam; s saves.")
            return .handled
        }
        let index = number - 1
        form.focus = index
        if case .choice(let options) = form.fields[index].kind {
            let answer = command.argument.lowercased()
            if let choice = Int(answer), options.indices.contains(choice - 1) {
                form.fields[index].choice = choice - 1
            } else if let match = options.firstIndex(where: { $0.lowercased().hasPrefix(answer) && !answer.isEmpty }) {
                form.fields[index].choice = match
            } else {
                context.warn("Choose one of: " + options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "; ") + ".")
                return .handled
            }
        } else {
            form.fields[index].input.setText(command.argument)
        }
        form.fields[index].error = nil
        if case .failure(let problem) = form.fields[index].parse() { form.fields[index].error = problem.message }
        return .handled
    }
}
