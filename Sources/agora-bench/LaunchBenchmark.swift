import Foundation

/// The full-screen program, launched for real on a pseudo-terminal: on the built-in catalog, then
/// on `directory` from its files (leaving a snapshot) and from the snapshot.
func launchBenchmark(directory: String, providers: Int) {
    let arguments = CommandLine.arguments
    let benchDirectory = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0])
        .deletingLastPathComponent()
    let agora = benchDirectory.appendingPathComponent("agora").path
    if FileManager.default.isExecutableFile(atPath: agora) {
        let builtIn = InterfaceBenchmark.launch(binary: agora, arguments: [], runs: 20)
        print("Launch to first full frame, built-in catalog: median \(Measure.format(Measure.median(builtIn.milliseconds))) ms, p99 \(Measure.format(Measure.percentile(builtIn.milliseconds, 99))) ms (\(builtIn.milliseconds.count) runs), peak memory \(builtIn.peakMemoryMB) MB")
        // A first launch loads the files and leaves a snapshot (its writing within the three
        // seconds' stay, so the peak counts it); each of five starts with no snapshot, and the
        // last one's is what the later launches start from.
        var first = InterfaceBenchmark.Launch()
        for _ in 0..<5 {
            InterfaceBenchmark.clearCache()
            first.add(InterfaceBenchmark.launch(binary: agora, arguments: ["--catalog", directory], runs: 1, stay: 3, waitsForProviders: true))
        }
        print("Launch, \(providers) providers, first launch (from the files, no snapshot yet): first frame median \(Measure.format(Measure.median(first.milliseconds))) ms, p99 \(Measure.format(Measure.percentile(first.milliseconds, 99))) ms; every provider searchable median \(Measure.format(Measure.median(first.readyMilliseconds))) ms, p99 \(Measure.format(Measure.percentile(first.readyMilliseconds, 99))) ms (\(first.readyMilliseconds.count) of \(first.milliseconds.count) runs); peak memory \(first.peakMemoryMB) MB")
        let national = InterfaceBenchmark.launch(binary: agora, arguments: ["--catalog", directory], runs: 10, waitsForProviders: true)
        print("Launch, \(providers) providers, later launches (from the snapshot): first frame median \(Measure.format(Measure.median(national.milliseconds))) ms, p99 \(Measure.format(Measure.percentile(national.milliseconds, 99))) ms; every provider searchable median \(Measure.format(Measure.median(national.readyMilliseconds))) ms, p99 \(Measure.format(Measure.percentile(national.readyMilliseconds, 99))) ms (\(national.readyMilliseconds.count) of \(national.milliseconds.count) runs); peak memory \(national.peakMemoryMB) MB")
        compareWithVisiData(directory: directory, first: first, later: national)
    } else {
        print("(build agora in the same configuration to time its launch: swift build -c release)")
    }
}

/// The same rows in VisiData, when it is installed, and how many times faster Agora is.
private func compareWithVisiData(directory: String, first: InterfaceBenchmark.Launch, later: InterfaceBenchmark.Launch) {
    guard let visidata = VisiDataBenchmark.run(directory: directory, runs: 5),
          !visidata.firstFrame.isEmpty, !visidata.allRows.isEmpty else {
        print("(VisiData not timed: install it with `pip install visidata` to compare)")
        return
    }
    let frame = Measure.median(visidata.firstFrame), rows = Measure.median(visidata.allRows)
    print("\(visidata.version), the same rows as one \(visidata.megabytes) MB CSV: first frame median \(Measure.format(frame)) ms, every row median \(Measure.format(rows)) ms (\(visidata.allRows.count) runs)")
    func ratio(_ theirs: Double, _ ours: Double) -> String { ours > 0 ? String(format: "%.1f×", theirs / ours) : "—" }
    let laterFrame = Measure.median(later.milliseconds), laterReady = Measure.median(later.readyMilliseconds)
    let firstReady = Measure.median(first.readyMilliseconds)
    print("Agora against VisiData: first frame \(ratio(frame, laterFrame)) faster; every row searchable \(ratio(rows, laterReady)) faster from the snapshot, \(ratio(rows, firstReady)) from the files (first launch)")
}
