#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes the terminal's `wait` from any thread (a background job with news). Waking writes one
/// byte to a pipe the wait watches; many wakes before the loop looks are one wake-up. The pipe is
/// closed only when the last reference goes, so a late `wake()` from a job never writes to a
/// descriptor that has meanwhile been reused for something else.
public final class TerminalWaker: Sendable {
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            }
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        if readDescriptor >= 0 { close(readDescriptor) }
        if writeDescriptor >= 0 { close(writeDescriptor) }
    }

    /// Makes the terminal's current or next `wait` return `.woken`. Safe from any thread.
    public func wake() {
        var byte: UInt8 = 1
        // A full pipe means a wake-up is already waiting: nothing is lost.
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe; true if there was a wake-up.
    func drain() -> Bool { SignalPipe.drainBytes(readDescriptor).isEmpty == false }
}
