import AgoraFuzz
import ChoiceKit

// libFuzzer entry point (built by Fuzz/libfuzzer/build.sh, not by SwiftPM: libFuzzer brings its
// own main). The first byte of an input chooses what the rest is: one file of a sound catalog
// (manifest.json or a table), or a snapshot read with or without its checksums. A trap is a
// crash libFuzzer reports and saves; a wrong result (see FuzzOracle) is turned into one.

private let corpus = FuzzCorpus.shared
private let fileNames = [CatalogLoader.manifestFileName, "schools.csv", "care.csv", "gp.csv", "other.csv"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, let base = corpus.bases.first else { return 0 }
    let choice = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let failures: [String]
    switch choice % 7 {
    case 5: failures = FuzzOracle.checkSnapshot(bytes, checkingSums: false)
    case 6: failures = FuzzOracle.checkSnapshot(bytes, checkingSums: true)
    default:
        var files = base.files
        files[fileNames[choice % 7]] = bytes
        failures = FuzzOracle.checkCatalog(files: files)
    }
    if let failure = failures.first { fatalError("fuzz failure: \(failure)") }
    return 0
}
