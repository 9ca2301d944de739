/// Admissions rules for state schools in England, each with where it is written.
public enum AdmissionsFacts {
    public static let code = Source(
        publisher: "Department for Education", title: "School Admissions Code (in force from 1 September 2021)",
        url: "https://www.gov.uk/government/publications/school-admissions-code--2", year: "2021")
    /// The coordination regulations fix the offer days and the minimum number of preferences.
    public static let coordination = Source(
        publisher: "legislation.gov.uk",
        title: "School Admissions (Admission Arrangements and Co-ordination of Admission Arrangements) (England) Regulations 2012, regulation 30 and schedule 2",
        url: "https://www.legislation.gov.uk/uksi/2012/8", year: "2012, as amended")
    public static let appealsCode = Source(
        publisher: "Department for Education", title: "School Admission Appeals Code (in force from 1 October 2022)",
        url: "https://www.gov.uk/government/publications/school-admissions-appeals-code", year: "2022")

    /// A council's application form must let parents name at least this many schools. More is the
    /// council's choice (London's schemes and many others allow six for secondary); the catalog's
    /// manifest says how many its council allows.
    public static let minimumPreferences = ReferenceFigure(3, source: coordination)

    /// National offer days: the month and day, moved to the next working day when not one.
    public static let secondaryOfferDay = ReferenceFigure(MonthDay(month: 3, day: 1), source: coordination)
    public static let primaryOfferDay = ReferenceFigure(MonthDay(month: 4, day: 16), source: coordination)
    public static let offerDayRule = ReferenceFigure(
        "When the offer day is not a working day, offers are made on the next working day.", source: coordination)

    /// Closing dates for applications in the normal round. They do not move when they fall at a weekend.
    public static let secondaryClosingDate = ReferenceFigure(MonthDay(month: 10, day: 31), source: code)
    public static let primaryClosingDate = ReferenceFigure(MonthDay(month: 1, day: 15), source: code)

    /// Appellants have at least this many school days from being told of a refusal to lodge an appeal.
    public static let appealSchoolDays = ReferenceFigure(20, source: appealsCode)
    public static let schoolDaysExplained = ReferenceFigure(
        "School days are days the schools are open: not weekends, bank holidays or school holidays. Term dates are set locally, so the admission authority's appeal timetable gives the real deadline.",
        source: appealsCode)

    public static let equalPreference = ReferenceFigure(
        "Each school ranks every applicant by its own criteria without knowing where you placed it on your list. If more than one of your schools can offer a place, the council offers the one you ranked highest, so list schools in the order you really prefer them.",
        source: code)
    public static let lookedAfterFirst = ReferenceFigure(
        "Looked-after and previously looked-after children (including those adopted from state care abroad) come first in a school's oversubscription criteria. Wholly selective schools put them first only among children who pass the entrance test; schools with a religious character may put looked-after children of their faith first, before other children of the faith.",
        source: code)
    public static let ehcPlan = ReferenceFigure(
        "A school named in a child's education, health and care (EHC) plan must admit the child.", source: code)
    public static let publishedAdmissionNumber = ReferenceFigure(
        "The published admission number (PAN) is how many places a school offers in its starting year.", source: code)
    public static let summerBorn = ReferenceFigure(
        "A child born between 1 April and 31 August may start school in the September after their fifth birthday; parents may ask for them to join Reception rather than Year 1, and the admission authority decides.",
        source: code)
    public static let deferredEntry = ReferenceFigure(
        "A child offered a Reception place may start later in that school year, or part time, until they reach compulsory school age.",
        source: code)
    public static let lateApplication = ReferenceFigure(
        "After the closing date, apply to the council anyway: late applications are considered after the on-time ones, usually once offers have been made.",
        source: code)
    public static let sixthForm = ReferenceFigure(
        "Year 12 places are applied for at each school or college, by its own deadline; there is no national closing date or offer day.",
        source: code)
}

/// The Children's Wellbeing and Schools Act 2026 where it bears on admissions: what it changes, and
/// what is not yet known. Agora's dates and chances follow the rules in force (the School Admissions
/// Code 2021 and the 2012 regulations) and say so.
public enum ChildrensWellbeingAndSchoolsAct {
    public static let source = Source(
        publisher: "legislation.gov.uk",
        title: "Children's Wellbeing and Schools Act 2026 (c. 21), sections 62 and 64 (school places and admissions) and 78 (commencement)",
        url: "https://www.legislation.gov.uk/ukpga/2026/21", year: "2026")

    /// The day the Act was passed (Royal Assent).
    public static let passed = ReferenceFigure(CalendarDate(known: 2026, 4, 29), source: source)

    /// What the Act changes for admissions, in words a parent reads.
    public static let admissionsChanges = ReferenceFigure(
        "The Children's Wellbeing and Schools Act 2026 (passed 29 April 2026) lets a council direct an academy to admit a child, as it already can a council-run school, and lets the Schools Adjudicator set a school's admission number when it upholds an objection to that number.",
        source: source)

    /// Said plainly beside every round, because it is not known yet.
    public static let notYetKnown = ReferenceFigure(
        "Not yet known: the day those parts start, which the Secretary of State sets by regulations, and any new School Admissions Code to go with them. Until then Agora's dates and chances follow the School Admissions Code 2021 and the 2012 co-ordination regulations.",
        source: source)
}

/// When children must be in education in England.
public enum SchoolAgeFacts {
    public static let educationAct = Source(
        publisher: "legislation.gov.uk", title: "Education Act 1996, section 8, and the Education (Start of Compulsory School Age) Order 1998",
        url: "https://www.legislation.gov.uk/ukpga/1996/56/section/8", year: "1996, 1998")
    public static let schoolYear = Source(
        publisher: "Department for Education", title: "School admissions: applying for a school place",
        url: "https://www.gov.uk/schools-admissions/school-starting-age", year: "2025")

    /// Compulsory school age begins on the first of these days on or after the fifth birthday.
    public static let prescribedDays = ReferenceFigure(
        [MonthDay(month: 12, day: 31), MonthDay(month: 3, day: 31), MonthDay(month: 8, day: 31)], source: educationAct)
    /// It ends on the last Friday in June of the school year in which the child turns 16.
    public static let leavingDate = ReferenceFigure(
        "Compulsory school age ends on the last Friday in June of the school year in which the child turns 16; they then stay in education or training until 18.",
        source: educationAct)
    /// The school year runs from 1 September to 31 August; Reception starts in the September after the
    /// fourth birthday.
    public static let schoolYearStart = ReferenceFigure(MonthDay(month: 9, day: 1), source: schoolYear)
    /// A birthday on 29 February is taken as 1 March in other years: Agora's reading, as the law
    /// says only that a person attains an age at the start of the anniversary of their birth.
    public static let leapDayBirthday = ReferenceFigure(
        "Agora counts a 29 February birthday as 1 March in years without a 29 February.",
        source: Source(publisher: "legislation.gov.uk", title: "Family Law Reform Act 1969, section 9",
                       url: "https://www.legislation.gov.uk/ukpga/1969/46/section/9", year: "1969"))
}

public enum ResultsFacts {
    public static let performanceTables = Source(
        publisher: "Department for Education", title: "Compare school and college performance",
        url: "https://www.compare-school-performance.service.gov.uk/", year: "2024/25")
    public static let ks2Headlines = Source(
        publisher: "Department for Education", title: "Key stage 2 attainment: national headlines",
        url: "https://explore-education-statistics.service.gov.uk/find-statistics/key-stage-2-attainment-national-headlines/2024-25",
        year: "2024/25")
    public static let ks4Performance = Source(
        publisher: "Department for Education", title: "Key stage 4 performance (provisional), national characteristics summary",
        url: "https://explore-education-statistics.service.gov.uk/find-statistics/key-stage-4-performance/2024-25",
        year: "2024/25")

    public static let progress8NotPublished = ReferenceFigure(
        "Progress 8 is not published for 2024/25 or 2025/26, because pupils in those years had no key stage 2 tests in 2020 and 2021.",
        source: performanceTables)
    public static let ks2Measure = ReferenceFigure(
        "Pupils meeting the expected standard in reading, writing and maths at the end of primary school (age 11).",
        source: performanceTables)
    public static let attainment8Measure = ReferenceFigure(
        "Attainment 8: each pupil's total points over eight GCSE-level subjects, English and maths counted twice (0 to 90); the school's figure is the average of its pupils' totals.",
        source: performanceTables)
    public static let grade5Measure = ReferenceFigure(
        "Pupils achieving grade 5 or above in both English and maths GCSEs.", source: performanceTables)

    /// England's figures for state-funded schools, the reference beside each school's own.
    public static let englandKS2ExpectedStandard = ReferenceFigure(Tenths(tenths: 621), source: ks2Headlines)
    public static let englandAttainment8 = ReferenceFigure(Tenths(tenths: 460), source: ks4Performance)
    public static let englandGrade5EnglishMaths = ReferenceFigure(Tenths(tenths: 452), source: ks4Performance)
}

/// A day of the year without the year: offer days, closing dates.
public struct MonthDay: Hashable, Sendable {
    public let month: Int
    public let day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// The day in `year` (29 February in a common year becomes 1 March).
    public func inYear(_ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day) ?? CalendarDate(known: year, 3, 1)
    }
}
