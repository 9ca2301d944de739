import ChoiceKit

/// What a parent cares about when comparing schools, each weighted 0 (not at all) to 5 (most).
public enum Priority: String, CaseIterable, Hashable, Sendable {
    case distance, results, inspection, chance, faith, size, clubs

    public var label: String {
        switch self {
        case .distance: return "Distance"
        case .results: return "Results"
        case .inspection: return "Inspection"
        case .chance: return "Chance of a place"
        case .faith: return "Faith"
        case .size: return "Small school"
        case .clubs: return "Clubs"
        }
    }

    /// How a school's 0–1 measure for this priority is found.
    public var measureExplanation: String {
        switch self {
        case .distance: return "the nearest school scores 1, one twice as far 0.5"
        case .results: return "the school's result as a share of the most possible (100%, or 90 for Attainment 8)"
        case .inspection: return "the report card's average area grade (Exceptional 1, Urgent improvement 0), or an older grade on its own scale; 0 if safeguarding is not met"
        case .chance: return "very likely 1, likely 0.75, possible 0.5, unlikely 0.25"
        case .faith: return "1 for a school of the child's faith, 0.5 for one of no religious character, 0 otherwise"
        case .size: return "the smallest school scores 1, one twice as big 0.5"
        case .clubs: return "half for a breakfast club, half for an after-school club"
        }
    }
}

public struct ParentPriorities: Hashable, Sendable {
    public static let range = 0...5
    public static let standardWeight = 3

    public private(set) var weights: [Priority: Int]

    /// Every priority at the standard weight, faith and clubs included.
    public init(weights: [Priority: Int] = [:]) {
        var all: [Priority: Int] = [:]
        for priority in Priority.allCases {
            all[priority] = min(Self.range.upperBound, max(Self.range.lowerBound, weights[priority] ?? Self.standardWeight))
        }
        self.weights = all
    }

    public func weight(_ priority: Priority) -> Int { weights[priority] ?? Self.standardWeight }

    /// Clamped to 0–5.
    public mutating func set(_ priority: Priority, to weight: Int) {
        weights[priority] = min(Self.range.upperBound, max(Self.range.lowerBound, weight))
    }
}

/// A school's weighted score out of 100, and which priorities it could be scored on.
public struct WeightedScore: Hashable, Sendable {
    public let schoolID: String
    /// Nil when no priority with a weight above 0 has data for this school.
    public let score: Int?
    public let scored: [Priority]
    /// Priorities with a weight whose data this school does not publish: left out, and said.
    public let unscored: [Priority]
}

public enum ScoreCalculator {
    /// The one line that says how a score is made.
    public static let explanation =
        "Score out of 100: each priority's 0–1 measure times its weight (0–5), added up and divided by the weights used; a measure a school does not publish is left out and named, and that partial score is never marked best."

    public struct Inputs: Sendable {
        public let provider: Provider
        public let distanceMetres: Double?
        public let chance: AdmissionChance?

        public init(provider: Provider, distanceMetres: Double?, chance: AdmissionChance?) {
            self.provider = provider
            self.distanceMetres = distanceMetres
            self.chance = chance
        }
    }

    public static func scores(_ schools: [Inputs], priorities: ParentPriorities, child: ChildProfile?) -> [WeightedScore] {
        let nearest = schools.compactMap(\.distanceMetres).min()
        let smallest = schools.compactMap { $0.provider.school?.pupils ?? $0.provider.school?.capacity }.filter { $0 > 0 }.min()
        return schools.map { input in
            var total = 0.0, weights = 0
            var scored: [Priority] = [], unscored: [Priority] = []
            for priority in Priority.allCases {
                let weight = priorities.weight(priority)
                guard weight > 0, applies(priority, to: child) else { continue }
                guard let value = measure(priority, input, child: child, nearest: nearest, smallest: smallest) else {
                    unscored.append(priority)
                    continue
                }
                total += value * Double(weight)
                weights += weight
                scored.append(priority)
            }
            let score = weights > 0 ? Int((total / Double(weights) * 100).rounded()) : nil
            return WeightedScore(schoolID: input.provider.id, score: score, scored: scored, unscored: unscored)
        }
    }

    /// Faith counts only for a child whose faith is given: without one it is left out, not
    /// reported as a figure the schools fail to publish.
    public static func applies(_ priority: Priority, to child: ChildProfile?) -> Bool {
        priority != .faith || !(child?.faith ?? "").isEmpty
    }

    /// A priority's 0–1 measure for one school, or nil when the school does not publish it.
    public static func measure(_ priority: Priority, _ input: Inputs, child: ChildProfile?, nearest: Double?,
                               smallest: Int?) -> Double? {
        guard let school = input.provider.school else { return nil }
        switch priority {
        case .distance:
            guard let distance = input.distanceMetres, let nearest else { return nil }
            return distance <= 0 ? 1 : min(1, max(nearest, 50) / max(distance, 50))
        case .results:
            let measure: ResultsMeasure = school.phase.takesKS4 && school.ks4Attainment8 != nil ? .attainment8 : .ks2ExpectedStandard
            guard let value = measure.value(of: school) else { return nil }
            return Double(value.tenths) / Double(measure.maximum.tenths)
        case .inspection:
            switch school.inspection {
            case .reportCard(let card):
                guard card.safeguardingMet else { return 0 }
                let grades = card.grades.map { Double($0.grade.rawValue - 1) / 4 }
                return grades.isEmpty ? nil : grades.reduce(0, +) / Double(grades.count)
            case .historical(let grade, _): return Double(grade.rawValue - 1) / 3
            case .ungraded, .notYetInspected: return nil
            }
        case .chance:
            guard let level = input.chance?.level, level != .notEnoughData else { return nil }
            // No place scores 0, very likely 1.
            return Double(level.rawValue - ChanceLevel.noPlace.rawValue) / 4
        case .faith:
            guard let faith = child?.faith, !faith.isEmpty else { return nil }
            guard let schoolFaith = school.religiousCharacter else { return 0.5 }
            return schoolFaith.lowercased() == faith.lowercased() ? 1 : 0
        case .size:
            guard let size = school.pupils ?? school.capacity, size > 0, let smallest else { return nil }
            return Double(smallest) / Double(size)
        case .clubs:
            let clubs = [school.day.breakfastClub, school.day.afterSchoolClub]
            guard clubs.contains(where: { $0 != nil }) else { return nil }
            return clubs.reduce(0) { $0 + ($1 == true ? 0.5 : 0) }
        }
    }
}
