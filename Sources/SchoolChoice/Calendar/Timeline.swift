import ChoiceKit

/// One dated step in a child's admissions, for a timeline with today marked.
public struct TimelineEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case milestone, deadline, offers, today
    }

    public var date: CalendarDate
    public var kind: Kind
    public var title: String
    public var detail: String?
    /// Before today (today itself is neither past nor future).
    public var isPast: Bool

    public init(date: CalendarDate, kind: Kind, title: String, detail: String? = nil, isPast: Bool) {
        self.date = date
        self.kind = kind
        self.title = title
        self.detail = detail
        self.isPast = isPast
    }
}

/// What a parent needs to know about one child's schooling today.
public struct ChildSummary: Hashable, Sendable {
    public let child: ChildProfile
    public let today: CalendarDate
    public let age: Int
    public let yearGroup: YearGroup
    public let schoolYear: String
    public let isSummerBorn: Bool
    public let compulsorySchoolAgeBegins: CalendarDate
    public let compulsorySchoolAgeEnds: CalendarDate
    public let round: AdmissionsRound?
    /// Dated steps in order, today among them.
    public let timeline: [TimelineEvent]
    /// Sentences that belong beside the timeline (summer-born, deferral, late applications).
    public let notes: [String]

    public init(child: ChildProfile, today: CalendarDate, asked: EntryPoint? = nil, council: Manifest.AdmissionsSettings?) {
        let birth = child.dateOfBirth
        self.child = child
        self.today = today
        age = SchoolCalendar.age(bornOn: birth, on: today)
        yearGroup = SchoolCalendar.yearGroup(bornOn: birth, on: today)
        schoolYear = SchoolCalendar.schoolYearName(startingIn: SchoolCalendar.schoolYearStart(containing: today))
        isSummerBorn = SchoolCalendar.isSummerBorn(birth)
        compulsorySchoolAgeBegins = SchoolCalendar.compulsorySchoolAgeBegins(bornOn: birth)
        compulsorySchoolAgeEnds = SchoolCalendar.compulsorySchoolAgeEnds(bornOn: birth)
        let round = AdmissionsRound.next(for: child, today: today, asked: asked, council: council)
        self.round = round

        var events: [TimelineEvent] = []
        func add(_ date: CalendarDate, _ kind: TimelineEvent.Kind, _ title: String, _ detail: String? = nil) {
            events.append(TimelineEvent(date: date, kind: kind, title: title, detail: detail, isPast: date < today))
        }
        var notes: [String] = []
        if let round {
            if let closing = round.closingDate {
                add(closing, .deadline, "Closing date for applications to the council",
                    round.closingDateHasPassed(today: today) ? AdmissionsFacts.lateApplication.value
                        : "Name your schools in order of preference on the council's application.")
            } else {
                notes.append(AdmissionsFacts.sixthForm.value)
            }
            if let offer = round.offerDay {
                add(offer, .offers, "National offer day", round.offerDayNote ?? "The council tells you which school offers a place.")
            }
            if let appeal = round.appealDeadline {
                add(appeal.date, .deadline, "Appeal deadline (earliest)", "If refused a place, you can appeal: " + appeal.explanation)
            }
            if round.entry == .reception {
                if compulsorySchoolAgeBegins > today {
                    add(compulsorySchoolAgeBegins, .milestone, "Compulsory school age",
                        "From the start of the next term your child must be in full-time education.")
                }
                notes.append(AdmissionsFacts.deferredEntry.value)
                if isSummerBorn { notes.append(AdmissionsFacts.summerBorn.value) }
            }
            add(round.starts, .milestone, "\(round.entry.label) begins", "The school year starts on 1 September; first days of term are set locally.")
            if round.closingDate != nil {
                notes += [ChildrensWellbeingAndSchoolsAct.admissionsChanges.value, ChildrensWellbeingAndSchoolsAct.notYetKnown.value]
            }
        }
        events.sort { $0.date < $1.date }
        let marker = TimelineEvent(date: today, kind: .today, title: "Today", isPast: false)
        let position = events.firstIndex { $0.date > today } ?? events.count
        events.insert(marker, at: position)
        timeline = events
        self.notes = notes
    }

    /// Compulsory school age as of today: when it begins, that it has begun and until when, or
    /// that it has ended.
    public var compulsorySchoolAgeSentence: String {
        if today < compulsorySchoolAgeBegins { return "Compulsory school age from \(compulsorySchoolAgeBegins.long)." }
        if today <= compulsorySchoolAgeEnds {
            return "Of compulsory school age since \(compulsorySchoolAgeBegins.long), until \(compulsorySchoolAgeEnds.long)."
        }
        return "Compulsory school age ended on \(compulsorySchoolAgeEnds.long); young people then stay in education or training until 18."
    }

    /// "Year 6 (2026/27)" or "nursery age (2026/27)".
    public var yearGroupText: String { "\(yearGroup.name) (\(schoolYear))" }
}
