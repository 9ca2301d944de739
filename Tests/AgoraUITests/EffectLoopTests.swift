import AgoraUI
import ChoiceKit
import Testing

@Suite("The effect loop: writes confirmed or undone, jobs with progress and cancelling")
struct EffectLoopTests {
    @Test func aMarkIsPendingUntilTheStoreConfirmsIt() throws {
        var driver = Driver()
        driver.confirmsWrites = false
        driver.openList(.gp)
        let first = try #require(driver.listProviders.first)
        driver.press(.character(" "))
        guard case .write(let id, .addToShortlist(first.id, .gp))? = driver.effects.last else {
            Issue.record("no write asked for: \(driver.effects)")
            return
        }
        #expect(driver.lines[3].hasPrefix("…"), "pending, not yet a tick")
        #expect(driver.state.context.isSaving)
        driver.send(.outcome(.saved(id)))
        #expect(driver.lines[3].hasPrefix("✓"))
        #expect(!driver.state.context.isSaving)
    }

    @Test func aFailedWriteIsUndoneWithAMessage() throws {
        var driver = Driver()
        driver.confirmsWrites = false
        driver.openList(.care)
        let first = try #require(driver.listProviders.first)
        driver.press(.character(" "))
        guard case .write(let id, _)? = driver.effects.last else { Issue.record("no write"); return }
        driver.send(.outcome(.failed(id, message: "The disk is full.")))
        #expect(!driver.state.context.isShortlisted(first.id))
        #expect(driver.text.contains("Not saved: adding \(first.name)."))
        #expect(driver.text.contains("The disk is full."))
        #expect(!driver.lines[3].hasPrefix("✓") && !driver.lines[3].hasPrefix("…"))
    }

    @Test func aFailedRemovalPutsTheProviderBackInItsPlace() throws {
        let ids = Driver.catalog.providers(of: .gp).prefix(3).map(\.id)
        var driver = Driver(shortlist: ids)
        driver.confirmsWrites = false
        driver.press(.character("v"), .down, .character("x"))
        #expect(driver.state.context.shortlist == [ids[0], ids[2]])
        guard case .write(let id, .removeFromShortlist)? = driver.effects.last else { Issue.record("no write"); return }
        driver.send(.outcome(.failed(id, message: "Locked.")))
        #expect(driver.state.context.shortlist == ids)
    }

    @Test func aFailedPostcodeOrThemeGoesBack() throws {
        var driver = Driver(postcode: "KM1 9UY")
        driver.confirmsWrites = false
        driver.press(.character("t"))
        guard case .write(let themeWrite, _)? = driver.effects.last else { Issue.record("no write"); return }
        driver.send(.outcome(.failed(themeWrite, message: "Read-only.")))
        #expect(driver.state.context.theme == .standard)
        driver.press(.character("h"), .control("u"), .enter)
        #expect(driver.state.context.home == nil)
        guard case .write(let homeWrite, .setHomePostcode(nil))? = driver.effects.last else { Issue.record("no write"); return }
        driver.send(.outcome(.failed(homeWrite, message: "Read-only.")))
        #expect(driver.state.context.home?.postcode == "KM1 9UY")
    }

    @Test func anotherCopysShortlistIsPickedUpWhenTheShortlistOpens() throws {
        let id = try #require(Driver.catalog.providers(of: .school).first?.id)
        var driver = Driver()
        driver.press(.character("v"))
        #expect(driver.effects.contains(.reloadShortlist))
        driver.send(.outcome(.shortlistLoaded([id, "GONE"])))
        #expect(driver.state.context.shortlist == [id])
        #expect(driver.text.contains(Driver.catalog.provider(id: id)?.name ?? "?"))
    }

    @Test func exportingRunsAsAJobThatShowsProgressAndCanBeCancelled() throws {
        let ids = Driver.catalog.providers(of: .care).prefix(3).map(\.id)
        var driver = Driver(shortlist: ids)
        driver.press(.character("v"), .character("e"))
        #expect(driver.text.contains("Save your shortlist"))
        driver.press(.control("u"))
        driver.type("/tmp/my-list.md")
        driver.press(.enter)
        guard case .start(let job, .export(let document, let path))? = driver.effects.last else {
            Issue.record("no job started: \(driver.effects)")
            return
        }
        #expect(path == "/tmp/my-list.md")
        #expect(document.text.hasPrefix("# Shortlist — Kingsmere"))
        #expect(document.text.contains(Driver.catalog.provider(id: ids[0])?.name ?? "?"))
        driver.send(.outcome(.progress(job, done: 40, total: 100)))
        #expect(driver.text.contains("Saving your shortlist to /tmp/my-list.md… 40% · Esc cancels"))
        // Keys still work while it runs.
        driver.press(.down)
        #expect(driver.state.topPage(as: ShortlistFeature.self)?.table.cursor.selected == 1)
        driver.press(.escape)
        #expect(driver.effects.last == .cancel(job))
        #expect(driver.state.topPage(as: ShortlistFeature.self) != nil, "Esc cancelled the job, it did not leave the page")
        driver.send(.outcome(.cancelled(job)))
        #expect(driver.text.contains("cancelled: nothing was written"))
        #expect(driver.state.context.latestJob == nil)
    }

    @Test func aFinishedOrFailedJobSaysSo() {
        var driver = Driver(width: 160, height: 30, shortlist: [Driver.catalog.providers[0].id])
        driver.press(.character("v"), .character("e"), .enter)
        guard case .start(let job, _)? = driver.effects.last else { Issue.record("no job"); return }
        driver.send(.outcome(.jobFailed(job, message: "the folder /nope does not exist.")))
        #expect(driver.text.contains("failed: the folder /nope does not exist."))
        driver.press(.character("e"), .enter)
        guard case .start(let second, _)? = driver.effects.last else { Issue.record("no job"); return }
        driver.send(.outcome(.finished(second, message: "Saved shortlist to /tmp/agora-shortlist.csv")))
        #expect(driver.text.contains("Saved shortlist to /tmp/agora-shortlist.csv"))
    }

    @Test func spreadsheetExportsNeutraliseFormulas() throws {
        let csv = CSVWriter.spreadsheetSafe("=HYPERLINK(\"http://x\")")
        #expect(csv.hasPrefix("'="))
        #expect(CSVWriter.spreadsheetSafe("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.spreadsheetSafe("Plain") == "Plain")
        let provider = Driver.catalog.providers[0]
        let document = ShortlistExport.document([provider.id], catalog: Driver.catalog, format: .csv)
        #expect(document.hasPrefix("ID,Name,Kind,Type,Town,Postcode,Phone,Key facts\n"))
        #expect(document.contains(",\(try #require(provider.phone)),"), "the number to ring")
    }

    @Test func aShortlistSavedAsTextIsTextToPrint() throws {
        #expect(ShortlistExport.Format(path: "short.TXT") == .text)
        #expect(ShortlistExport.Format(path: "short.md") == .markdown)
        #expect(ShortlistExport.Format(path: "short") == .csv)
        let provider = Driver.catalog.providers[0]
        let text = ShortlistExport.document([provider.id], catalog: Driver.catalog, format: .text)
        #expect(text.hasPrefix("Shortlist — Kingsmere\n"))
        #expect(text.contains("\n\(provider.name) (\(provider.id))\n"))
        #expect(text.contains("phone \(try #require(provider.phone))"))
        #expect(!text.contains(","  + provider.id + ","), "not CSV")
    }
}
