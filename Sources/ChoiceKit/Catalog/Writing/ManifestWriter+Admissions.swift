extension ManifestWriter {
    /// The format-2 sections, or nothing when the manifest has none.
    static func admissionsJSON(_ manifest: Manifest) -> String {
        var out = ""
        if let admissions = manifest.admissions {
            out += "  \"admissions\": {\n"
            out += "    \"preferences\": {\"primary\": \(admissions.primaryPreferences), \"secondary\": \(admissions.secondaryPreferences)},\n"
            out += "    \"preferences_source\": \(quote(admissions.preferencesSource)),\n"
            out += "    \"school_holidays\": [\n"
            out += admissions.schoolHolidays.map {
                "      {\"name\": \(quote($0.name)), \"from\": \(quote($0.from.iso)), \"to\": \(quote($0.to.iso))}"
            }.joined(separator: ",\n") + "\n    ]\n"
            out += "  },\n"
        }
        if !manifest.resultsAverages.isEmpty {
            out += "  \"results_averages\": [\n"
            out += manifest.resultsAverages.map {
                "    {\"measure\": \(quote($0.measure.rawValue)), \"scope\": \(quote($0.scope.rawValue)), \"value\": \($0.value.text), "
                    + "\"year\": \(quote($0.year)), \"source\": \(quote($0.source))}"
            }.joined(separator: ",\n") + "\n  ],\n"
        }
        return out
    }
}
