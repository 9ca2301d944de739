/// Column handles for the admissions columns of schools.csv (format 2).
struct SchoolAdmissionColumnIDs: Sendable {
    let criteria, distanceMeasured, distanceFrom, offersLastRound, dayStarts, dayEnds, breakfastClub, afterSchoolClub,
        openDays: ColumnID

    init(_ layout: TableLayout) {
        criteria = layout.column("oversubscription_criteria")
        distanceMeasured = layout.column("distance_measured")
        distanceFrom = layout.column("distance_from")
        offersLastRound = layout.column("offers_last_round")
        dayStarts = layout.column("day_starts")
        dayEnds = layout.column("day_ends")
        breakfastClub = layout.column("breakfast_club")
        afterSchoolClub = layout.column("after_school_club")
        openDays = layout.column("open_days")
    }
}

extension ProviderRowDecoder {
    private static var admissionColumns: SchoolAdmissionColumnIDs { schoolColumns.admissions }
    private static let measures = LabelTable<DistanceMeasure>(extra: ["straight-line": .straightLine, "walking route": .route])
    private static let criterionKinds = LabelTable<OversubscriptionCriterion.Kind>()

    /// Criteria in order, how distance is measured and last year's offers per criterion, checked
    /// against the School Admissions Code's rules on order.
    func decodeArrangements(_ row: inout RowDecoder, faith: String?, policy: AdmissionsPolicy?) -> AdmissionArrangements {
        let columns = Self.admissionColumns
        if let quick = row.withCell(columns.criteria, { Self.wellFormedCriteria($0, schoolFaith: faith) }), let criteria = quick {
            return arrangements(&row, criteria: criteria, faith: faith, policy: policy)
        }
        var criteria: [OversubscriptionCriterion] = []
        for item in row.list(columns.criteria) {
            guard let criterion = Self.criterion(item, schoolFaith: faith) else {
                row.problem("oversubscription_criteria", "\"\(TextSafety.inert(item))\" is not a criterion Agora knows",
                            "use \(OversubscriptionCriterion.Kind.labelList), in the school's order, separated by |")
                continue
            }
            if criteria.contains(where: { $0.kind == criterion.kind }) {
                row.problem("oversubscription_criteria", "\"\(criterion.kind.label)\" is listed twice", "list each criterion once")
                continue
            }
            criteria.append(criterion)
        }
        return arrangements(&row, criteria: criteria, faith: faith, policy: policy)
    }

    private func arrangements(_ row: inout RowDecoder, criteria: [OversubscriptionCriterion], faith: String?,
                              policy: AdmissionsPolicy?) -> AdmissionArrangements {
        let columns = Self.admissionColumns
        checkOrder(&row, criteria, faith: faith, policy: policy)
        let offers = decodeOffers(&row, criteria: criteria)
        let measure = row.label(columns.distanceMeasured, Self.measures)
        return AdmissionArrangements(criteria: criteria, distanceMeasure: measure, distanceFrom: row.sharedText(columns.distanceFrom),
                                     offersLastRound: offers)
    }

    /// `faith (Roman Catholic)`, `feeder school (S900012)`, or a plain label. A faith criterion with
    /// no faith named means the school's own.
    private static func criterion(_ item: String, schoolFaith: String?) -> OversubscriptionCriterion? {
        // On the UTF-8 bytes and through a label table: every school has a list of these.
        let utf8 = item.utf8
        var label = item[...], detail: String?
        if let open = utf8.firstIndex(of: UInt8(ascii: "(")), utf8.last == UInt8(ascii: ")") {
            label = item[..<open].trimmingSpaces()
            let inner = item[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)].trimmingSpaces()
            detail = inner.isEmpty ? nil : String(inner)
        }
        guard let kind = criterionKinds.value(for: String(label)) else { return nil }
        if kind == .faith, detail == nil { detail = schoolFaith }
        return OversubscriptionCriterion(kind, detail: kind == .faith || kind == .feederSchool ? detail : nil)
    }

    /// The criteria read straight from the cell's bytes when every item is plain ASCII, names a
    /// criterion Agora knows, and names it once, as almost every cell does; nil sends the cell the
    /// long way (above), which says what is wrong. Every school has one of these cells.
    private static func wellFormedCriteria(_ cell: UnsafeBufferPointer<UInt8>, schoolFaith: String?) -> [OversubscriptionCriterion]? {
        guard let items = PlainCellItems(cell) else { return nil }
        var criteria: [OversubscriptionCriterion] = []
        var seen: UInt32 = 0
        let whole = items.forEach { item in
            var label = item, detail: String?
            if let open = items.first(UInt8(ascii: "("), in: item), cell[item.upperBound - 1] == UInt8(ascii: ")") {
                label = items.trimmed(item.lowerBound..<open)
                let inner = items.trimmed((open + 1)..<max(open + 1, item.upperBound - 1))
                detail = inner.isEmpty ? nil : String(decoding: items[inner], as: UTF8.self)
            }
            guard let kind = criterionKinds.value(forBytes: items[label]) else { return false }
            let bit: UInt32 = 1 << kind.caseIndex
            guard seen & bit == 0 else { return false }
            seen |= bit
            if kind == .faith, detail == nil { detail = schoolFaith }
            criteria.append(OversubscriptionCriterion(kind, detail: kind == .faith || kind == .feederSchool ? detail : nil))
            return true
        }
        return whole ? criteria : nil
    }

    /// Looked-after children come first, except at selective schools (first among those who pass the
    /// test) and faith schools (looked-after children of the faith may come first, so faith may
    /// precede them). Only schools with a religious character may use faith.
    private func checkOrder(_ row: inout RowDecoder, _ criteria: [OversubscriptionCriterion], faith: String?,
                            policy: AdmissionsPolicy?) {
        guard !criteria.isEmpty else { return }
        if criteria.contains(where: { $0.kind == .faith }), faith == nil {
            row.problem("oversubscription_criteria", "\"faith\" is given, but the school has no religious character",
                        "only schools with a religious character may give priority by faith: remove it, or fill religious_character")
        }
        guard policy != .selective else { return }
        guard let position = criteria.firstIndex(where: { $0.kind == .lookedAfter }) else {
            row.problem("oversubscription_criteria", "\"looked after\" is missing",
                        "the School Admissions Code puts looked-after and previously looked-after children first: start the list with \"looked after\"")
            return
        }
        let before = criteria[..<position]
        if !(before.isEmpty || (faith != nil && before.map(\.kind) == [.faith])) {
            row.problem("oversubscription_criteria", "\"looked after\" comes after \"\(before[before.startIndex].kind.label)\"",
                        "the School Admissions Code puts looked-after children first (a faith school may put only \"faith\" before them)")
        }
    }

    /// `looked after: 2|siblings: 24|distance: 34`: each a criterion of the list and a count.
    private func decodeOffers(_ row: inout RowDecoder, criteria: [OversubscriptionCriterion]) -> [CriterionOffers] {
        if let quick = row.withCell(Self.admissionColumns.offersLastRound, { Self.wellFormedOffers($0, criteria: criteria) }),
           let offers = quick {
            return offers
        }
        var offers: [CriterionOffers] = []
        for item in row.list(Self.admissionColumns.offersLastRound) {
            // The text either side of the first colon, each side needing something before trimming.
            let utf8 = item.utf8
            let colon = utf8.firstIndex(of: UInt8(ascii: ":"))
            let parts = colon.map { colon in [item[..<colon], item[utf8.index(after: colon)...]] }?.filter { !$0.isEmpty }
                .map { String($0.trimmingSpaces()) } ?? []
            guard parts.count == 2, let kind = Self.criterionKinds.value(for: parts[0]) else {
                row.problem("offers_last_round", "\"\(TextSafety.inert(item))\" is not a criterion and a number of places",
                            "write each as criterion: places, e.g. siblings: 24")
                continue
            }
            guard let places = Int(parts[1]), (0...2_000).contains(places) else {
                row.problem("offers_last_round", "\"\(TextSafety.inert(parts[1]))\" is not a number of places from 0 to 2000",
                            "write whole places, e.g. siblings: 24")
                continue
            }
            guard criteria.contains(where: { $0.kind == kind }) else {
                row.problem("offers_last_round", "\"\(kind.label)\" is not one of this school's oversubscription_criteria",
                            "add it to oversubscription_criteria, or correct the name")
                continue
            }
            guard !offers.contains(where: { $0.kind == kind }) else {
                row.problem("offers_last_round", "\"\(kind.label)\" is given twice", "give each criterion's places once")
                continue
            }
            offers.append(CriterionOffers(kind: kind, places: places))
        }
        let order = criteria.map(\.kind)
        return offers.sorted { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }
    }

    /// The offers read straight from the cell's bytes when every item is plain ASCII, well formed,
    /// and names one of `criteria` once, as almost every cell does; nil sends the cell the long way
    /// (above), which says what is wrong. Every school has one of these cells.
    private static func wellFormedOffers(_ cell: UnsafeBufferPointer<UInt8>, criteria: [OversubscriptionCriterion]) -> [CriterionOffers]? {
        guard let items = PlainCellItems(cell) else { return nil }
        var offers: [CriterionOffers] = []
        var seen: UInt32 = 0
        let whole = items.forEach { item in
            guard let colon = items.first(UInt8(ascii: ":"), in: item) else { return false }
            let name = items.trimmed(item.lowerBound..<colon), number = items.trimmed((colon + 1)..<item.upperBound)
            guard !name.isEmpty, (1...4).contains(number.count), let kind = criterionKinds.value(forBytes: items[name]) else { return false }
            var places = 0
            for index in number {
                let digit = cell[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return false }
                places = places * 10 + Int(digit)
            }
            let bit: UInt32 = 1 << kind.caseIndex
            guard places <= 2_000, seen & bit == 0, criteria.contains(where: { $0.kind == kind }) else { return false }
            seen |= bit
            offers.append(CriterionOffers(kind: kind, places: places))
            return true
        }
        guard whole else { return nil }
        let order = criteria.map(\.kind)
        return offers.sorted { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }
    }

    func decodeSchoolDay(_ row: inout RowDecoder) -> SchoolDay {
        let columns = Self.admissionColumns
        let starts = time(&row, columns.dayStarts), ends = time(&row, columns.dayEnds)
        if let starts, let ends, ends <= starts {
            row.problem("day_ends", "\(ends.text) is not after day_starts \(starts.text)", "check the times (24-hour clock, HH:MM)")
        }
        var openDays: [CalendarDate] = []
        for item in row.list(columns.openDays) {
            guard let date = CalendarDate.parseISO(item) else {
                row.problem("open_days", "\"\(TextSafety.inert(item))\" is not a date", "use YYYY-MM-DD, separated by |")
                continue
            }
            openDays.append(date)
        }
        return SchoolDay(starts: starts, ends: ends, breakfastClub: row.yesNo(columns.breakfastClub),
                         afterSchoolClub: row.yesNo(columns.afterSchoolClub), openDays: openDays.sorted())
    }

    private func time(_ row: inout RowDecoder, _ column: ColumnID) -> TimeOfDay? {
        guard let text = row.text(column) else { return nil }
        guard let time = TimeOfDay.parse(text) else {
            row.problem(column.name, "\"\(TextSafety.inert(text))\" is not a time", "use the 24-hour clock, HH:MM, e.g. 08:45")
            return nil
        }
        return time
    }
}
