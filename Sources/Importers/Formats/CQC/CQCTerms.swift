import ChoiceKit

/// CQC's words for service types, specialisms and ratings, as the care directory and the CQC API
/// write them, mapped onto the catalog's.
enum CQCTerms {
    /// Service types Agora lists as care for older people, in the order a main type is chosen.
    static let serviceTypes: [(String, CareServiceType)] = [
        ("nursing homes", .careHomeWithNursing),
        ("residential homes", .careHomeWithoutNursing),
        ("homecare agencies", .homeCare),
        ("extra care housing services", .extraCareHousing),
        ("extra care housing", .extraCareHousing),
        ("supported living", .supportedLiving),
        ("shared lives", .sharedLives),
    ]

    static func serviceType(_ name: String) -> CareServiceType? {
        let lowered = name.lowercased()
        return serviceTypes.first { $0.0 == lowered }?.1
    }

    static let specialisms: [String: CareSpecialism] = [
        "dementia": .dementia, "physical disabilities": .physicalDisability, "sensory impairments": .sensoryImpairment,
        "mental health conditions": .mentalHealth, "learning disabilities": .learningDisability,
        "caring for adults over 65 yrs": .olderPeople, "end of life care": .endOfLifeCare,
    ]

    /// A service is for older people when CQC lists it as caring for adults over 65 or for dementia.
    static func servesOlderPeople(_ specialisms: [CareSpecialism]) -> Bool {
        specialisms.contains(.olderPeople) || specialisms.contains(.dementia)
    }

    static let ratings: [String: CQCRating] = [
        "outstanding": .outstanding, "good": .good, "requires improvement": .requiresImprovement, "inadequate": .inadequate,
    ]

    /// Overall ratings that mean the service has none yet.
    static let notRated: Set<String> = ["not yet rated", "not rated", "insufficient evidence to rate", "no rating", ""]

    static let keyQuestions: [String: CQCKeyQuestion] = [
        "safe": .safe, "effective": .effective, "caring": .caring, "responsive": .responsive, "well-led": .wellLed,
        "well led": .wellLed,
    ]

    /// `1-` and 5 to 12 digits, as the catalog accepts.
    static func isLocationID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (7...14).contains(bytes.count), bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "-") else { return false }
        return bytes.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The directory writes phone numbers as numbers, losing the leading 0: `2073770990`.
    static func phone(_ text: String) -> String? {
        let digits = text.filter(\.isNumber)
        guard !digits.isEmpty else { return nil }
        if digits.count == 10, !digits.hasPrefix("0"), text.allSatisfy({ $0.isNumber }) { return "0" + digits }
        return text
    }
}
