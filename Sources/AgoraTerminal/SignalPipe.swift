import CAgoraSignals
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals as bytes in a pipe: the handlers (in C, async-signal-safe) only write the signal's
/// number; `CursesTerminal.wait` reads them and acts from the main loop.
final class SignalPipe {
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    private var installed = false

    init?() {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { return nil }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        installed = agora_signals_to_pipe(writeDescriptor) == 0
    }

    /// Puts back the signal actions there were before; the pipe closes with this object.
    func restore() {
        guard installed else { return }
        agora_signals_restore()
        installed = false
    }

    deinit {
        restore()
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// The signals received since last asked, oldest first.
    func drain() -> [Int32] { Self.drainBytes(readDescriptor).map { Int32($0) } }

    static func drainBytes(_ descriptor: Int32) -> [UInt8] {
        guard descriptor >= 0 else { return [] }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[0..<count]
                continue
            }
            if count < 0, errno == EINTR { continue }
            return bytes
        }
    }
}
