import AgoraStore
import ChoiceKit
import Foundation
import Testing

@Suite("Store")
struct AgoraStoreTests {
    let day = CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0)

    @Test func settingsPersistAndCanBeCleared() throws {
        let store = try AgoraStore.inMemory()
        #expect(try store.setting(.homePostcode) == nil)
        try store.setSetting(.homePostcode, to: "KM1 1AA")
        try store.setSetting(.homePostcode, to: "KM2 2BB")
        #expect(try store.setting(.homePostcode) == "KM2 2BB")
        try store.setSetting(.homePostcode, to: nil)
        #expect(try store.setting(.homePostcode) == nil)
    }

    @Test func shortlistKeepsOrderAndIgnoresDuplicates() throws {
        let store = try AgoraStore.inMemory()
        try store.addToShortlist(providerID: "S1", kind: .school, on: day)
        try store.addToShortlist(providerID: "C4", kind: .care, on: day)
        try store.addToShortlist(providerID: "S1", kind: .school, on: day)
        #expect(try store.shortlist().map(\.providerID) == ["S1", "C4"])
        try store.removeFromShortlist(providerID: "S1")
        #expect(try store.shortlist().map(\.providerID) == ["C4"])
        #expect(try store.shortlist().first?.addedDate == day)
    }

    @Test func dataSurvivesReopening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let store = try AgoraStore(directory: directory)
            try store.addToShortlist(providerID: "G2", kind: .gp, on: day)
            try store.setSetting(.theme, to: "high-contrast")
        }
        let reopened = try AgoraStore(directory: directory)
        #expect(try reopened.shortlist().map(\.providerID) == ["G2"])
        #expect(try reopened.setting(.theme) == "high-contrast")
    }

    @Test func unusableDirectoryGivesAClearMessage() {
        #expect {
            _ = try AgoraStore(directory: "/proc/agora-cannot-be-here")
        } throws: { error in
            "\(error)".contains("cannot open your saved data at /proc/agora-cannot-be-here")
        }
    }
}
