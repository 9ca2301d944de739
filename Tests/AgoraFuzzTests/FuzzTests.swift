import AgoraFuzz
import Testing

/// A short, fixed run of the project's fuzzer: a few thousand damaged catalogs and snapshots, the
/// same ones every time. A trap fails the whole test run; a wrong result is listed here.
@Suite("Fuzzing, a short fixed run")
struct FuzzTests {
    @Test func threeThousandCasesWithoutAFailure() {
        var session = FuzzSession(seed: 20_261_125)
        session.run(count: 3_000)
        FuzzSession.cleanUp()
        #expect(session.tried == 3_000)
        #expect(session.failures.isEmpty, "\(session.failures.sorted { $0.value < $1.value }.prefix(10))")
    }

    @Test func casesAreMadeTheSameEveryTime() {
        for index: UInt64 in [0, 1, 999, 123_456] {
            let first = FuzzCase.make(seed: 7, index: index), again = FuzzCase.make(seed: 7, index: index)
            #expect(first.mutations == again.mutations)
        }
        #expect(FuzzCase.make(seed: 7, index: 1).mutations != FuzzCase.make(seed: 8, index: 1).mutations
            || FuzzCase.make(seed: 7, index: 2).mutations != FuzzCase.make(seed: 8, index: 2).mutations)
    }
}
