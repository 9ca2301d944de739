/// The format-2 school fields in a snapshot, after the rest of the school.
extension ProviderCoding {
    static func writeAdmissions(_ school: SchoolDetails, _ out: inout SnapshotWriter) {
        let arrangements = school.arrangements
        out.list(arrangements.criteria) { out, criterion in
            out.oneOf(criterion.kind)
            out.optional(criterion.detail) { $0.string($1) }
        }
        out.optional(arrangements.distanceMeasure) { $0.oneOf($1) }
        out.optional(arrangements.distanceFrom) { $0.string($1) }
        out.list(arrangements.offersLastRound) { out, offers in
            out.oneOf(offers.kind)
            out.int(offers.places)
        }
        let day = school.day
        out.optional(day.starts) { $0.int($1.minutes) }
        out.optional(day.ends) { $0.int($1.minutes) }
        out.byte(day.breakfastClub.map { $0 ? 2 : 1 } ?? 0)
        out.byte(day.afterSchoolClub.map { $0 ? 2 : 1 } ?? 0)
        out.list(day.openDays) { $0.int($1.daysSinceEpoch) }
    }

    static func readAdmissions(into school: inout SchoolDetails, _ input: inout SnapshotReader) throws(SnapshotReader.Corrupt) {
        let criteria = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
            let kind = try reader.oneOf(OversubscriptionCriterion.Kind.self)
            let detail = try reader.optional { (inner: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try inner.string() }
            return OversubscriptionCriterion(kind, detail: detail)
        }
        let measure = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.oneOf(DistanceMeasure.self) }
        let from = try input.optional { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.string() }
        let offers = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
            CriterionOffers(kind: try reader.oneOf(OversubscriptionCriterion.Kind.self), places: try readFigure(&reader))
        }
        school.arrangements = AdmissionArrangements(criteria: criteria, distanceMeasure: measure, distanceFrom: from,
                                                    offersLastRound: offers)
        func time(_ reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> TimeOfDay? {
            guard let minutes = try reader.optional({ (inner: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try readFigure(&inner) }) else {
                return nil
            }
            guard let time = TimeOfDay(hour: minutes / 60, minute: minutes % 60), minutes >= 0 else { throw SnapshotReader.Corrupt() }
            return time
        }
        func yesNo(_ reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) -> Bool? {
            switch try reader.byte() {
            case 0: return nil
            case 1: return false
            default: return true
            }
        }
        let starts = try time(&input), ends = try time(&input)
        let breakfast = try yesNo(&input), afterSchool = try yesNo(&input)
        let openDays = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in
            try readDate(&reader)
        }
        school.day = SchoolDay(starts: starts, ends: ends, breakfastClub: breakfast, afterSchoolClub: afterSchool, openDays: openDays)
    }
}
