import CAgoraSignals
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (or a hang-up, SIGQUIT, SIGTERM) during an import asks it to stop: the signal handler
/// only writes the signal's number to a pipe, and the import reads the pipe between blocks of its
/// files, stops, and removes what it had made. Ctrl-Z still suspends.
final class ImportInterrupts {
    private var readEnd: Int32 = -1
    private var writeEnd: Int32 = -1
    private(set) var cancelled = false
    /// The signal that cancelled the import (SIGINT for Ctrl-C).
    private(set) var signal: Int32 = 2
    /// Called before the process stops for Ctrl-Z (to clear a progress line).
    var beforeStop: () -> Void = {}

    init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        if agora_signals_to_pipe(writeEnd) != 0 { agora_signals_restore() }
    }

    /// True once a signal that ends the program has arrived.
    func check() -> Bool {
        guard readEnd >= 0 else { return cancelled }
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) == 1 {
            let number = Int32(byte)
            if agora_signal_is_fatal(number) != 0 {
                if !cancelled { signal = number }
                cancelled = true
            } else if number == agora_sigtstp() {
                beforeStop()
                agora_stop_process()
            }
        }
        return cancelled
    }

    /// Puts the signals' usual actions back.
    func end() {
        agora_signals_restore()
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
        readEnd = -1
        writeEnd = -1
    }
}
