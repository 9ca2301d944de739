import AgoraStore
import ChoiceKit
import Foundation
import SchoolChoice
import Testing

@Suite("Children, preferences and priorities in the store")
struct ChildStoreTests {
    let day = CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0)
    let born = CalendarDate(year: 2015, month: 9, day: 10) ?? CalendarDate(daysSinceEpoch: 0)

    private func amy() -> ChildProfile {
        ChildProfile(name: "Amy", dateOfBirth: born, homePostcode: "KM1 5FZ", siblingSchoolIDs: ["S900002", "S900001"],
                     care: .previouslyLookedAfter, faith: "Roman Catholic", ehcPlanSchoolID: nil, sex: .girl)
    }

    @Test func aChildRoundTrips() throws {
        let store = try AgoraStore.inMemory()
        try store.addChild(amy(), on: day)
        try store.addChild(ChildProfile(name: "Ben", dateOfBirth: born, homePostcode: "KM1 5FZ"), on: day)
        #expect(try store.children() == [amy(), ChildProfile(name: "Ben", dateOfBirth: born, homePostcode: "KM1 5FZ")])
        #expect(try store.child(named: "amy") == amy())
        #expect(try store.child(named: "Cara") == nil)
    }

    @Test func namesAreUniqueWithoutRegardToCase() throws {
        let store = try AgoraStore.inMemory()
        try store.addChild(amy(), on: day)
        #expect(throws: StoreError.self) { try store.addChild(ChildProfile(name: "AMY", dateOfBirth: born, homePostcode: "KM1 5FZ"), on: day) }
        #expect(try store.children().count == 1)
    }

    @Test func preferencesAndPrioritiesGoWithTheChild() throws {
        let store = try AgoraStore.inMemory()
        try store.addChild(amy(), on: day)
        try store.setPreferences(["S3", "S1", "S2"], ofChild: "Amy")
        try store.setPreferences(["S1", "S3"], ofChild: "Amy")
        #expect(try store.preferences(ofChild: "Amy") == ["S1", "S3"])
        #expect(try store.priorities(ofChild: "Amy") == nil)
        var priorities = ParentPriorities()
        priorities.set(.distance, to: 5)
        priorities.set(.faith, to: 0)
        try store.setPriorities(priorities, ofChild: "Amy")
        #expect(try store.priorities(ofChild: "amy") == priorities)
        #expect(throws: StoreError.self) { try store.setPreferences(["S1"], ofChild: "Nobody") }
        #expect(try store.removeChild(named: "AMY"))
        #expect(try store.preferences(ofChild: "Amy").isEmpty)
        #expect(try store.priorities(ofChild: "Amy") == nil)
        #expect(try !store.removeChild(named: "Amy"))
    }

    @Test func childrenSurviveReopening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-children-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let store = try AgoraStore(directory: directory)
            try store.addChild(amy(), on: day)
            try store.setPreferences(["S9"], ofChild: "Amy")
        }
        let reopened = try AgoraStore(directory: directory)
        #expect(try reopened.child(named: "Amy") == amy())
        #expect(try reopened.preferences(ofChild: "Amy") == ["S9"])
    }

    @Test func changingAChildKeepsTheirChoicesAndMarksAreKeptInOrder() throws {
        let store = try AgoraStore.inMemory()
        try store.addChild(amy(), on: day)
        try store.setPreferences(["S1", "S3"], ofChild: "Amy")
        try store.setMarkedSchools(["S3", "S1", "S2"], ofChild: "amy")
        var renamed = amy()
        renamed.name = "Amelia"
        renamed.siblingSchoolIDs = ["S900003"]
        renamed.care = .none
        try store.updateChild(named: "Amy", to: renamed)
        #expect(try store.children() == [renamed])
        #expect(try store.preferences(ofChild: "Amelia") == ["S1", "S3"])
        #expect(try store.markedSchools(ofChild: "Amelia") == ["S3", "S1", "S2"])
        #expect(throws: StoreError.self) { try store.updateChild(named: "Nobody", to: renamed) }
        #expect(throws: StoreError.self) { try store.setMarkedSchools(["S1"], ofChild: "Nobody") }
        try store.removeChild(named: "Amelia")
        #expect(try store.markedSchools(ofChild: "Amelia").isEmpty)
    }
}
