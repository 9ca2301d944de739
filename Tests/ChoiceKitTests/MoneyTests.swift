import Testing
@testable import ChoiceKit

@Suite("Money")
struct MoneyTests {
    @Test("parses pounds and pence exactly", arguments: [
        ("1234.50", 123_450), ("£1,234.50", 123_450), ("1234.5", 123_450), ("0.05", 5), ("12", 1_200),
        ("£0.10", 10), ("-£3.05", -305), ("£-3.05", -305), (" 7.00 ", 700), (".5", 50), ("1,000,000", 100_000_000),
    ])
    func parses(text: String, pence: Int64) throws {
        #expect(try Money.parse(text).get() == Money(pence: pence))
    }

    @Test("refuses what is not money", arguments: ["", "abc", "12.345", "1,23", "£", "1.2.3", "12p", "1,2345.00", "£ 5"])
    func refuses(text: String) {
        #expect(throws: MoneyParseError.self) { try Money.parse(text).get() }
    }

    /// £75 a day once a week for 235 of the year's 364 days is £2,517.857…: £2,517.86.
    @Test func sharesRoundToTheNearestPenny() {
        #expect(Money(pounds: 3_900).share(235, of: 364) == Money(pence: 251_786))
        #expect(Money(pence: 1).share(1, of: 2) == Money(pence: 1), "a half penny rounds up")
        #expect(Money(pence: -1).share(1, of: 2) == Money(pence: -1), "and away from zero below it")
        #expect(Money(pence: 700).share(3, of: 7) == Money(pence: 300))
        #expect(Money(pounds: 10).share(0, of: 7) == .zero)
    }

    @Test func explainsTooManyPenceDigits() {
        #expect(Money.parse("3.141") == .failure(.tooManyPenceDigits("3.141")))
    }

    @Test("formats with thousands separators", arguments: [
        (123_450, "£1,234.50"), (5, "£0.05"), (0, "£0.00"), (-305, "-£3.05"), (100_000_000, "£1,000,000.00"), (99_999, "£999.99"),
    ])
    func formats(pence: Int64, text: String) {
        #expect(Money(pence: pence).formatted == text)
    }

    @Test func shortFormDropsZeroPence() {
        #expect(Money(pounds: 850).formattedShort == "£850")
        #expect(Money(pence: 3_214).formattedShort == "£32.14")
        #expect(Money(pounds: 96_400_000).formattedShort == "£96,400,000")
    }

    @Test func arithmeticIsExact() {
        var total = Money.zero
        for _ in 0..<10 { total += Money(pence: 10) }
        #expect(total == Money(pounds: 1))
        #expect(Money(pence: 10) + Money(pence: 20) == Money(pence: 30))
        #expect(Money(pounds: 30, pence: 65) * 52 == Money(pence: 159_380))
        #expect(-Money(pence: 5) == Money(pence: -5))
    }

    @Test("formatting then parsing gives back the same amount")
    func roundTrips() throws {
        for pence: Int64 in [0, 1, 99, 100, 12_345, 987_654_321, -4_567] {
            let money = Money(pence: pence)
            #expect(try Money.parse(money.formatted).get() == money)
            #expect(try Money.parse(money.plainText).get() == money)
        }
    }
}
