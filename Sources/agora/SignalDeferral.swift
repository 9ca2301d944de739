import CAgoraSignals

/// Ctrl-C (or a hang-up, SIGQUIT, SIGTERM) while a file is being put in place is noted and acted on
/// once the file is whole, so a command interrupted at any moment leaves complete files or none.
enum SignalDeferral {
    static func during<Result>(_ body: () throws -> Result) rethrows -> Result {
        agora_signals_defer_begin()
        defer { agora_signals_defer_end() }
        return try body()
    }
}
