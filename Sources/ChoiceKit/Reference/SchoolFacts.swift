/// Admissions and results rules for state schools in England.
public enum AdmissionsFacts {
    public static let code = Source(
        publisher: "Department for Education", title: "School Admissions Code",
        url: "https://www.gov.uk/government/publications/school-admissions-code--2", year: "2021")

    /// Councils must let parents name at least this many schools.
    public static let minimumPreferences = ReferenceFigure(3, source: code)
    /// Many councils allow this many for secondary transfer.
    public static let commonSecondaryPreferences = ReferenceFigure(6, source: code)
    public static let secondaryOfferDay = ReferenceFigure("1 March", source: code)
    public static let primaryOfferDay = ReferenceFigure("16 April", source: code)
    public static let equalPreference = ReferenceFigure(
        "Schools rank applicants by their own criteria without knowing where you placed them; you are offered the highest of your preferences that can offer you a place.",
        source: code)
    public static let lookedAfterFirst = ReferenceFigure(
        "Looked-after and previously looked-after children come first in every school's criteria.", source: code)
    public static let publishedAdmissionNumber = ReferenceFigure(
        "The published admission number (PAN) is how many places a school offers in its starting year.", source: code)
}

public enum ResultsFacts {
    public static let performanceTables = Source(
        publisher: "Department for Education", title: "Compare school and college performance",
        url: "https://www.compare-school-performance.service.gov.uk/", year: "2024/25")

    public static let progress8NotPublished = ReferenceFigure(
        "Progress 8 is not published for 2024/25 or 2025/26, because pupils in those years had no key stage 2 tests in 2020 and 2021.",
        source: performanceTables)
    public static let ks2Measure = ReferenceFigure(
        "Pupils meeting the expected standard in reading, writing and maths at the end of primary school (age 11).",
        source: performanceTables)
    public static let attainment8Measure = ReferenceFigure(
        "Attainment 8: average grade across eight GCSE-level subjects, counting English and maths double (maximum 90).",
        source: performanceTables)
    public static let grade5Measure = ReferenceFigure(
        "Pupils achieving grade 5 or above in both English and maths GCSEs.", source: performanceTables)
}
