import AgoraUI
import ChoiceKit
import EmbeddedCatalog
import Testing

/// The home page is drawn from the manifest while the providers load in the background; keys work
/// meanwhile, and what was opened too early opens when they arrive.
struct CatalogLoadingTests {
    static let manifestOnly: Catalog = {
        do { return try Catalog.manifestOnly(from: EmbeddedCatalog.source) } catch { fatalError("\(error)") }
    }()

    /// A driver whose state starts loading, and the id of the load job it asked for.
    static func loading(shortlist: [String] = [], postcode: String? = nil) -> (Driver, RequestID) {
        var driver = Driver()
        driver.state = AppState(loadingFrom: .directory("/catalogs/kingsmere"), manifestOnly: manifestOnly,
                                size: Size(width: 80, height: 24), today: Driver.today,
                                shortlist: shortlist, homePostcode: postcode)
        let effects = Update.start(&driver.state)
        guard case .start(let id, .loadCatalog(let place))? = effects.first else {
            Issue.record("the state did not ask for its catalog: \(effects)")
            return (driver, RequestID(0))
        }
        #expect(place == .directory("/catalogs/kingsmere"))
        #expect(effects.count == 1)
        return (driver, id)
    }

    @Test func theHomePageIsDrawnAtOnceAndSaysTheProvidersAreLoading() {
        let (driver, _) = Self.loading()
        #expect(driver.text.contains("Choose a provider"))
        #expect(driver.text.contains("Schools (…)"))
        #expect(driver.text.contains("Loading the providers"))
        #expect(driver.state.context.isCatalogLoading)
    }

    @Test func aListOpenedWhileLoadingOpensWhenTheProvidersArrive() {
        var (driver, id) = Self.loading()
        driver.openList(.gp)
        #expect(driver.list == nil)
        #expect(driver.text.contains("GP practices will open as soon as the providers have loaded"))
        // A key meant for the list (its filters) is not "does nothing here".
        driver.press(.character("f"))
        #expect(driver.text.contains("GP practices will open once the providers load; press that key again then"), "whole at 80 columns")
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(driver.list?.key.kind == .gp)
        #expect(driver.listProviders.count == Driver.catalog.count(of: .gp))
        #expect(!driver.state.context.isCatalogLoading)
    }

    /// A list asked for while loading, then something else opened over the home page: what was
    /// opened last stays in view when the providers arrive.
    @Test func aListAskedForThenLeftDoesNotOpenOverWhatWasOpenedSince() {
        var (driver, id) = Self.loading()
        driver.openList(.school)
        driver.press(.character("a"))
        #expect(driver.text.contains("About Agora"))
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(driver.list == nil)
        #expect(driver.text.contains("About Agora"))
        driver.press(.escape)
        #expect(driver.state.isOnHome)
    }

    @Test func keysThatNeedNoProvidersWorkWhileLoading() {
        var (driver, id) = Self.loading()
        driver.press(.character("a"))
        #expect(driver.text.contains("About Agora"))
        driver.press(.escape, .character("h"))
        // The area's postcodes arrive with the providers: a home typed now is saved and looked up then.
        driver.type("KM1 9UY")
        driver.press(.enter)
        #expect(driver.text.contains("Home postcode KM1 9UY saved"))
        driver.press(.character("v"))
        #expect(driver.text.contains("Your shortlist opens once the catalog has loaded"))
        #expect(driver.state.isOnHome)
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(driver.state.context.home?.postcode == "KM1 9UY")
        // The arrival says both: the providers are in, and the home typed meanwhile now counts.
        let message = driver.state.context.message?.text ?? ""
        #expect(message.hasPrefix("\(Driver.catalog.providers.count) providers ready; distances from KM1 9UY"))
        #expect(message.count <= StatusMessage.widthAt80Columns, "fits the message line at 80 columns")
    }

    @Test func aHomeTypedWhileLoadingThatIsNotInTheAreaIsSaidWhenThePostcodesArrive() {
        var (driver, id) = Self.loading()
        driver.press(.character("h"))
        driver.type("ZZ9 9ZZ")
        driver.press(.enter)
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(driver.state.context.home == nil)
        #expect(driver.text.contains("ZZ9 9ZZ is not one of this area's postcodes"))
        // Not kept: the store is told to forget it.
        #expect(driver.writes.last == .setHomePostcode(nil))
    }

    @Test func aHomeTypedWhileLoadingThatIsNotInTheAreaGivesBackTheOneBefore() {
        var (driver, id) = Self.loading(postcode: "KM1 9UY")
        driver.press(.character("h"))
        driver.type("ZZ9 9ZZ")
        driver.press(.enter)
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(driver.state.context.home?.postcode == "KM1 9UY")
        #expect(driver.writes.last == .setHomePostcode("KM1 9UY"))
        #expect(driver.text.contains("ZZ9 9ZZ is not one of this area's postcodes"))
    }

    @Test func theSavedShortlistIsKeptUntilItCanBeCheckedAgainstTheProviders() throws {
        let known = try #require(Driver.catalog.providers(of: .school).first?.id)
        var (driver, id) = Self.loading(shortlist: [known, "NO-SUCH-ID"])
        #expect(driver.state.context.shortlist == [known, "NO-SUCH-ID"])
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(driver.state.context.shortlist == [known])
        #expect(driver.text.contains("Schools (\(Driver.catalog.count(of: .school)))"))
        #expect(driver.text.contains("providers ready"))
    }

    @Test func aFailedLoadStopsTheProgramWithTheCatalogsMessage() {
        var (driver, id) = Self.loading()
        driver.send(.outcome(.jobFailed(id, message: "schools.csv:3: latitude: is out of range")))
        #expect(!driver.state.isRunning)
        #expect(driver.state.exitStatus == 1)
        #expect(driver.state.failure == "schools.csv:3: latitude: is out of range")
    }

    @Test func escapeDoesNotCancelTheLoad() {
        var (driver, id) = Self.loading()
        driver.press(.escape)
        #expect(driver.effects.allSatisfy { if case .cancel = $0 { return false }; return true })
        driver.send(.outcome(.catalogLoaded(id, CatalogDelivery(Driver.catalog))))
        #expect(!driver.state.context.isCatalogLoading)
    }
}
