import Foundation
import Testing

/// `agora budget …` and `agora charge estimate`, run as a user would, each with its own data directory.
@Suite("Care budget commands")
final class BudgetCommandLineTests {
    let data: URL

    init() throws { data = try AgoraBinary.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: data) }

    func agora(_ arguments: [String]) throws -> AgoraBinary.Run {
        try AgoraBinary.run(arguments + ["--data-dir", data.path])
    }

    func setUpMum() throws {
        let run = try agora(["budget", "new", "Mum", "--weekly", "£350", "--contribution", "40", "--mode", "mixed",
                             "--managed-share", "150", "--start", "2026-04-06"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Saved the budget \"Mum\"."))
        #expect(run.stdout.contains("£18,200.00 a year"))
    }

    /// The first care provider of a type in the built-in catalog, as `agora list` gives it.
    func provider(_ subType: String, where test: ([String: Any]) -> Bool = { _ in true }) throws -> (id: String, name: String) {
        let run = try agora(["list", "--kind", "care", "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let found = try #require(objects.first { ($0["sub_type"] as? String) == subType && test($0) })
        return (try #require(found["id"] as? String), try #require(found["name"] as? String))
    }

    @Test func aCarersFirstMonth() throws {
        try setUpMum()
        let listed = try provider("Home care") { ($0["council_framework"] as? Bool) == true && ($0["price_unit"] as? String) == "hour" && $0["price_pence"] is Int }
        let homeCare = try agora(["budget", "plan", "add", "Mum", "--provider", listed.id, "--hours-per-week", "7.5"])
        #expect(homeCare.status == 0, "\(homeCare.stderr)")
        #expect(homeCare.stdout.hasPrefix("Saved line 1: Home care, \(listed.name) (\(listed.id)), 7.5 hours a week × "))
        #expect(homeCare.stdout.contains("paid from council-managed"))
        let centre = try provider("Day centre")
        let day = try agora(["budget", "plan", "add", "Mum", "--provider", centre.id, "--days-per-week", "1"])
        #expect(day.stdout.hasPrefix("Saved line 2: Day centre, \(centre.name) (\(centre.id)), 1 day a week × "), "\(day.stderr)")
        let assistant = try agora(["budget", "plan", "add", "Mum", "--person", "Jane Doe", "--hours-per-week", "3", "--rate", "14"])
        #expect(assistant.stdout.hasPrefix("Saved line 3: Personal assistant, Jane Doe, 3 hours a week × £14.00 = £42.00 a week (£2,184.00 a year), paid from direct payment."))
        #expect(try agora(["budget", "receive", "Mum", "--amount", "640", "--date", "2026-04-06", "--from", "council"]).status == 0)
        let paid = try agora(["budget", "pay", "Mum", "--to", "Jane Doe", "--amount", "42.00", "--date", "2026-05-01", "--line", "3",
                              "--receipt", "INV-1"])
        #expect(paid.stdout == "Saved entry 2: payment of £42.00 to Jane Doe on 1 May 2026 (line 3). Balance £598.00.\n")
        let reversed = try agora(["budget", "reverse", "Mum", "2", "--date", "2026-05-02"])
        #expect(reversed.stdout.hasPrefix("Saved entry 3: reversal of entry 2 of £42.00"))
        #expect(reversed.stdout.hasSuffix("Balance £640.00.\n"))
        // 420 typed for 42.00: saved as given (a script cannot be asked), with the slip pointed out.
        let slip = try agora(["budget", "pay", "Mum", "--to", "Jane Doe", "--amount", "420", "--date", "2026-05-08", "--line", "3"])
        #expect(slip.status == 0)
        #expect(slip.stdout.hasSuffix("Check: £420.00 is more than 4 weeks of line 3 (£42.00 a week). Is that the amount paid? If not, reverse it with agora budget reverse Mum 4 and record the right amount.\n"))
        #expect(try agora(["budget", "reverse", "Mum", "4"]).status == 0)

        let show = try agora(["budget", "show", "Mum"])
        #expect(show.status == 0)
        #expect(show.stdout.contains(centre.name))
        #expect(show.stdout.contains("planned of £18,200 a year"))
        #expect(show.stdout.contains("Balance: £640.00 after 5 entries."))
        #expect(show.stdout.contains("The first review was due by 6 October 2026; if the council has not reviewed"),
                "the budget started on 6 April 2026: its first review's date has passed")
        #expect(show.stdout.contains("Unspent money you may keep: 8 weeks of payments"))

        let projection = try agora(["budget", "project", "Mum", "--on", "2026-05-03"])
        #expect(projection.status == 0)
        #expect(projection.stdout.contains("At the plan's rate (£42.00 a week)"), "\(projection.stdout)")
        #expect(projection.stdout.contains("8-week contingency"))
        // Mum's own £160 for the first four weeks was due on 6 April and is not recorded: counted, and said.
        #expect(projection.stdout.contains("This counts £160.00 that was due into the account by 3 May 2026 but is not in the ledger"))
        #expect(projection.stdout.contains("and £160.00 due by now but not in the ledger"))
        #expect(projection.stdout.contains("━"))
        // After the year, the figures are the year's end, whenever asked.
        let later = try agora(["budget", "project", "Mum", "--on", "2028-06-01"]).stdout
        #expect(later.hasPrefix("The budget year ended on 4 April 2027: these are the figures at its end."))
        #expect(later == "The budget year ended on 4 April 2027: these are the figures at its end.\n"
                + (try agora(["budget", "project", "Mum", "--on", "2027-04-04"]).stdout))
        let ascii = try agora(["budget", "project", "Mum", "--on", "2026-05-03", "--ascii"])
        #expect(!ascii.stdout.contains("━") && ascii.stdout.contains("="))

        let csv = try agora(["budget", "statement", "Mum", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("entry,date,kind,payee,plan_line,receipt_reference,note,in,out,balance,reversed\n"))
        #expect(csv.stdout.contains("2,2026-05-01,payment,Jane Doe,3,INV-1,,,42.00,598.00,yes\n"))
        let markdown = try agora(["budget", "statement", "Mum", "--format", "md", "--from", "2026-05-01", "--to", "2026-05-31"])
        #expect(markdown.stdout.contains("| Opening balance | £640.00 |"))
        let plan = try agora(["budget", "show", "Mum", "--format", "csv"])
        #expect(plan.stdout.hasPrefix("line,service,payee,paid_from,quantity,weekly_cost,annual_cost\n"))
        let list = try agora(["budget", "list"])
        #expect(list.stdout.contains("Mum") && list.stdout.contains("£640.00"))
        #expect(try agora(["budget", "plan", "remove", "Mum", "3"]).status == 0)
        #expect(try agora(["budget", "show", "Mum", "--format", "csv"]).stdout.split(separator: "\n").count == 4)
    }

    @Test("bad input: one line, exit status 2, nothing written", arguments: [
        (["budget", "pay", "Mum", "--to", "C47", "--amount", "12.345", "--date", "2026-05-01"], "agora: --amount: \"12.345\" has more than two digits of pence — give pounds and pence like 1234.50, £1,234.50 or 1234"),
        (["budget", "pay", "Mum", "--to", "C47", "--amount", "-5", "--date", "2026-05-01"], "agora: --amount: \"-5\" is negative — "),
        (["budget", "pay", "Mum", "--to", "C47", "--amount", "ten", "--date", "2026-05-01"], "agora: --amount: \"ten\" is not an amount of money — "),
        (["budget", "pay", "Mum", "--to", "C47", "--amount", "10", "--date", "2026-02-30"], "agora: --date: \"2026-02-30\" is not a date — use YYYY-MM-DD"),
        (["budget", "pay", "Mum", "--to", "C47", "--amount", "10", "--date", "2026-05-01", "--line", "7"], "agora: there is no plan line 7 — "),
        (["budget", "pay", "Dad", "--to", "C47", "--amount", "10", "--date", "2026-05-01"], "agora: there is no budget called \"Dad\" — see your budgets with agora budget list"),
        (["budget", "receive", "Mum", "--amount", "10", "--date", "2026-05-01", "--from", "lottery"], "agora: --from: \"lottery\" is not where money comes from — use council, own or top-up"),
        (["budget", "reverse", "Mum", "9"], "agora: there is no entry 9 — "),
        (["budget", "pay", "Mum", "--to", "C47", "--amount", "10", "--date", "2025-01-01"], "agora: --date: 1 January 2025 is before this budget starts on 6 April 2026 — give the day the money moved"),
        (["budget", "receive", "Mum", "--amount", "10", "--date", "2027-06-01", "--from", "own"], "agora: --date: 1 June 2027 is after this budget's year ends on 4 April 2027 — "),
        (["budget", "new", "Mum", "--weekly", "350", "--mode", "direct", "--start", "2026-04-06"], "agora: there is already a budget called \"Mum\" — choose another name"),
        (["budget", "new", "Dad", "--weekly", "350", "--mode", "mixed", "--start", "2026-04-06"], "agora: a mixed budget needs its split — "),
        (["budget", "new", "Dad", "--weekly", "1,23", "--mode", "direct", "--start", "2026-04-06"], "agora: --weekly: \"1,23\" is not an amount of money"),
        (["budget", "plan", "add", "Mum", "--provider", "ZZ9", "--hours-per-week", "5"], "agora: --provider: \"ZZ9\" is not a care provider in the catalog — "),
        (["budget", "plan", "add", "Mum", "--provider", "C22", "--hours-per-week", "5", "--days-per-week", "2"], "agora: give exactly one of --hours-per-week"),
        (["budget", "plan", "add", "Mum", "--provider", "C30", "--days-per-week", "1", "--rate", "50"], "agora: this provider is home care, which does not give a day centre line — choose one listed by agora list --kind care --type \"Day centre\""),
        (["charge", "estimate", "--capital", "1e6", "--weekly-income", "200", "--age", "70", "--setting", "home"], "agora: --capital: \"1e6\" is not an amount of money"),
        (["charge", "estimate", "--capital", "100", "--weekly-income", "200", "--age", "70", "--setting", "hospital"], "agora: --setting: \"hospital\" is not where care is given — use home or care-home"),
    ])
    func badInput(arguments: [String], message: String) throws {
        try setUpMum()
        let before = try agora(["budget", "statement", "Mum", "--format", "csv"]).stdout
        let run = try agora(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.isEmpty)
        #expect(try agora(["budget", "statement", "Mum", "--format", "csv"]).stdout == before)
        #expect(try agora(["budget", "list"]).stdout.split(separator: "\n").count == 3)
    }

    @Test func aBudgetSetUpByMistakeIsRemovedButALedgerStays() throws {
        try setUpMum()
        #expect(try agora(["budget", "new", "Mum 2", "--weekly", "420", "--mode", "direct", "--start", "2026-04-06"]).status == 0)
        let removed = try agora(["budget", "remove", "Mum 2"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "Removed the budget \"Mum 2\" and its plan.\n")
        #expect(try agora(["budget", "list"]).stdout.split(separator: "\n").count == 3, "a header, its rule and Mum")
        #expect(try agora(["budget", "receive", "Mum", "--amount", "640", "--date", "2026-05-01", "--from", "council"]).status == 0)
        let kept = try agora(["budget", "remove", "Mum"])
        #expect(kept.status == 2)
        #expect(kept.stderr == "agora: \"Mum\" has 1 ledger entry, and a ledger is never deleted — keep the budget (a council may ask to see its account)\n")
        #expect(try agora(["budget", "list"]).stdout.contains("Mum"))
    }

    @Test func newAmountsAfterAReviewAreSavedShownAndTakenOut() throws {
        try setUpMum()
        let review = try agora(["budget", "change", "Mum", "--from", "2026-12-01", "--weekly", "380", "--contribution", "45",
                                "--note", "annual review"])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("the change counts from 30 November 2026, the week nearest 1 December 2026"))
        #expect(review.stdout.contains("Saved. From 30 November 2026 (annual review): the budget £350.00 → £380.00 a week; your contribution £40.00 → £45.00 a week."))
        #expect(review.stdout.contains("The budget year now holds £18,740.00 (£350.00 a week, £380.00 from 30 November 2026)."))
        let shown = try agora(["budget", "show", "Mum"]).stdout
        #expect(shown.contains("Changed after a review: From 30 November 2026 (annual review)"))
        let wrong = try agora(["budget", "change", "Mum", "--from", "2026-12-01", "--contribution", "999"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("the contribution £999.00 is more than the budget £380.00 a week"))
        #expect(try agora(["budget", "change", "Mum", "--from", "2027-06-01", "--weekly", "400"]).stderr.contains("set up next year's budget"))
        let removed = try agora(["budget", "change", "Mum", "--from", "2026-12-01", "--remove"])
        #expect(removed.stdout == "Took out the change from 30 November 2026; the amounts before it apply again.\n")
        #expect(try agora(["budget", "show", "Mum"]).stdout.contains("£18,200.00 a year"))
    }

    @Test func aMistypedProviderIdIsNotSavedAsAPerson() throws {
        try setUpMum()
        let run = try agora(["budget", "pay", "Mum", "--to", "C999", "--amount", "10", "--date", "2026-05-01"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("agora: --to: there is no provider \"C999\" in the catalog"))
        #expect(try agora(["budget", "pay", "Mum", "--to", "Jane Doe", "--amount", "10", "--date", "2026-05-01"]).status == 0)
    }

    @Test func aPlanLineDatedOutsideTheBudgetYearIsRefused() throws {
        try setUpMum()
        let late = try agora(["budget", "plan", "add", "Mum", "--person", "Grab rails", "--one-off", "120", "--on", "01/06/2027"])
        #expect(late.status == 2)
        #expect(late.stderr == "agora: --on: 1 June 2027 is outside the budget year (6 April 2026 to 4 April 2027) — plan it in that year's budget\n")
        #expect(try agora(["budget", "plan", "add", "Mum", "--person", "Grab rails", "--one-off", "120", "--on", "01/06/2026"]).status == 0)
    }

    @Test func chargeEstimateShowsItsFiguresAndYear() throws {
        let run = try agora(["charge", "estimate", "--capital", "£15,750", "--weekly-income", "250", "--age", "40", "--setting", "home",
                             "--disability-premium", "--on", "2026-05-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("an estimate"))
        #expect(run.stdout.contains("uses the 2025/26 figures"))
        #expect(run.stdout.contains("Tariff income") && run.stdout.contains("£6.00"))
        #expect(run.stdout.contains("the most you can be asked to pay is £73.85 a week"))
        let older = try agora(["charge", "estimate", "--capital", "30000", "--weekly-income", "250", "--age", "80", "--setting", "care-home",
                               "--on", "2026-05-01"])
        #expect(older.stdout.contains("you pay the full cost of your care"))
        #expect(older.stdout.contains("£267.68"))
    }
}
