import EmbeddedCatalog
import Testing
@testable import ChoiceKit

@Suite("Provider records: typed fields for CSV and JSON")
struct ProviderRecordTests {
    private let catalog: Catalog

    init() throws { catalog = try Catalog.load(from: EmbeddedCatalog.source) }

    private func value(_ key: String, _ provider: Provider, near origin: GeoPoint? = nil) throws -> FieldValue {
        let field = try #require(ProviderRecord.fields(for: provider.kind, near: origin != nil).first { $0.key == key })
        return field.value(of: provider, in: RecordContext(catalog: catalog, origin: origin))
    }

    @Test func valuesAreWrittenAsDataNeverAsWords() throws {
        #expect(FieldValue.decimal(scaled: -23, places: 2).csvText == "-0.23")
        #expect(FieldValue.decimal(scaled: 769, places: 1).json.text() == "76.9")
        #expect(FieldValue.integer(Money(pounds: 29).pence).json.text() == "2900")
        #expect(FieldValue.boolean(true).csvText == "true" && FieldValue.boolean(false).json.text() == "false")
        #expect(FieldValue.date(try #require(CalendarDate(year: 2026, month: 3, day: 1))).csvText == "2026-03-01")
        #expect(FieldValue.null.csvText == "" && FieldValue.null.json.text() == "null")
        #expect(FieldValue.text("") == .null && FieldValue.text(nil) == .null)
        #expect(FieldValue.list(["Dementia", "Older people"]).csvText == "Dementia|Older people")
    }

    @Test func everyKindsFieldsHaveUniqueSnakeCaseNames() {
        for kind in ProviderKind.allCases {
            for near in [false, true] {
                let keys = ProviderRecord.fields(for: kind, near: near).map(\.key)
                #expect(Set(keys).count == keys.count, "\(kind) repeats a field")
                #expect(keys.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
                #expect(keys.contains("distance_m") == near)
            }
        }
        #expect(ProviderRecord.fields(for: .gp, near: true).contains { $0.key == "covers_home" })
        #expect(!ProviderRecord.fields(for: .gp, near: false).contains { $0.key == "covers_home" })
    }

    /// A field of the wrong type would be nulled silently, so each must hold a value somewhere in
    /// the built-in catalog (the few the catalog never publishes are named).
    @Test func everyFieldHoldsAValueOfItsTypeSomewhere() {
        let neverPublished: Set<String> = ["ks4_progress8", "cqc_safe", "cqc_effective", "cqc_caring", "cqc_responsive", "cqc_well_led"]
        let home = catalog.manifest.postcodes[0].location
        for kind in ProviderKind.allCases {
            let providers = catalog.providers.filter { $0.kind == kind }
            for field in ProviderRecord.fields(for: kind, near: true) {
                let values = providers.map { field.value(of: $0, in: RecordContext(catalog: catalog, origin: home)) }
                #expect(values.allSatisfy(field.type.admits))
                if kind == .gp || !neverPublished.contains(field.key) {
                    let published = values.contains { !$0.isNull && $0 != .list([]) }
                    #expect(published || (kind == .gp && neverPublished.contains(field.key)), "\(kind) \(field.key) is never published")
                }
            }
        }
    }

    @Test func careMoneyIsPenceWithItsUnitAndDirectPaymentsABoolean() throws {
        let care = try #require(catalog.providers.first { $0.care?.selfFunderPrice != nil && $0.care?.acceptsDirectPayments != nil })
        let details = try #require(care.care)
        #expect(try value("price_pence", care) == .integer(try #require(details.selfFunderPrice).pence))
        #expect(try value("price_unit", care) == .string(details.priceUnit.rawValue))
        let takesDirectPayments = try #require(details.acceptsDirectPayments as Bool?)
        #expect(try value("accepts_direct_payments", care) == .boolean(takesDirectPayments))
        #expect(try value("weekly_cost_pence", care) == .pence(WeeklyCost.of(details)))
    }

    @Test func gpFiguresAreNumbersAndCoversHomeFollowsTheCatchment() throws {
        let gp = try #require(catalog.providers.first { $0.gp?.listSize != nil && $0.gp?.surveyGoodExperience != nil && $0.gp?.catchment != nil })
        let details = try #require(gp.gp)
        #expect(try value("list_size", gp) == .integer(Int64(try #require(details.listSize))))
        #expect(try value("survey_good_pct", gp) == .decimal(scaled: Int64(try #require(details.surveyGoodExperience).tenths), places: 1))
        #expect(try value("covers_home", gp, near: gp.location) == .boolean(true))
        let metres = try value("distance_m", gp, near: gp.location)
        #expect(metres == .integer(0))
    }

    @Test func schoolDatesAreISOAndMissingResultsAreNull() throws {
        let primary = try #require(catalog.providers.first { $0.school?.phase == .primary && $0.school?.inspection.date != nil })
        let school = try #require(primary.school)
        #expect(try value("ofsted_date", primary) == .date(try #require(school.inspection.date)))
        #expect(try value("ks4_attainment8", primary) == .null)
        #expect(try value("age_low", primary) == .integer(Int64(school.statutoryAges.lowerBound)))
        #expect(try value("faith_school", primary) == .boolean(school.isFaithSchool))
    }

    @Test func selectingFieldsKeepsTheirOrderAndNamesTheUnknown() throws {
        let fields = ProviderRecord.fields(for: .care, near: false)
        let chosen = try ProviderRecord.select(["price_pence", "ID"], from: fields).get()
        #expect(chosen.map(\.key) == ["price_pence", "id"])
        guard case .failure(let unknown) = ProviderRecord.select(["id", "fame", "list_size"], from: fields) else {
            Issue.record("unknown fields were accepted")
            return
        }
        #expect(unknown.names == ["fame", "list_size"])
    }
}
