import AgoraUI
import CAgoraSignals
import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What ended a `CursesTerminal.wait`.
public enum TerminalWait: Hashable, Sendable {
    /// A key, mouse event or resize (also sent after returning from a suspend, to redraw).
    case event(Event)
    /// `TerminalWaker.wake()` was called (from any thread).
    case woken
    /// The timeout passed with nothing to report.
    case timedOut
    /// Input is closed (the terminal went away); there will be no more events.
    case inputEnded
    /// A signal that ends the program (SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM): stop
    /// the terminal and exit with 128 + the number.
    case signal(Int32)
}

extension CursesTerminal {
    /// Waits for input, a wake-up from another thread, a signal, or the timeout (nil: no timeout),
    /// whichever comes first, with `poll` — never a busy loop. Ctrl-Z and SIGTSTP suspend the
    /// program here (the terminal restored while stopped, full-screen mode and a redraw on return).
    public func wait(timeout: Duration? = nil) -> TerminalWait {
        let deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
        var stdinReady = false
        while true {
            for number in signals?.drain() ?? [] {
                if agora_signal_is_fatal(number) != 0 { return .signal(number) }
                if number == agora_sigtstp() { return suspend() }
                if number == agora_sigcont() {
                    if continuedFromOwnStop {
                        continuedFromOwnStop = false
                        continue
                    }
                    return resume()
                }
                // SIGWINCH: curses was told as well; its KEY_RESIZE comes through the input below.
            }
            switch readInput() {
            case .event(.key(.control("z"))): return suspend()
            case .event(let event): return .event(event)
            case .ignored:
                // Something read and set aside (a mouse button's release): input is alive, and
                // what poll said has been used up.
                stdinReady = false
                continue
            case .nothing:
                // Ready to read, yet nothing to read: the other end is gone.
                if stdinReady, Self.bytesWaiting() == 0 { return .inputEnded }
            }
            stdinReady = false
            if waker.drain() { return .woken }

            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { return .timedOut }
                let parts = left.components
                milliseconds = Int32(clamping: parts.seconds * 1000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            }
            var watched = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: signals?.readDescriptor ?? -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&watched, nfds_t(watched.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .inputEnded
            }
            if ready == 0 { return .timedOut }
            let input = watched[0].revents
            if input & Int16(POLLIN) != 0 {
                stdinReady = true
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, watched[2].revents == 0 {
                return .inputEnded
            }
        }
    }

    /// Bytes the terminal holds for reading (0 at the end of input).
    private static func bytesWaiting() -> Int32 {
        var count: Int32 = 0
        return ioctl(0, UInt(FIONREAD), &count) == 0 ? count : 0
    }

    /// Leaves full-screen mode and stops the process, as a shell expects of Ctrl-Z; on return
    /// (SIGCONT) enters it again.
    private func suspend() -> TerminalWait {
        leaveFullScreen()
        agora_stop_process()
        continuedFromOwnStop = true
        return resume()
    }

    /// Full-screen mode again after a stop: the modes a shell may have reset (keypad, mouse,
    /// raw input) asserted afresh and the whole screen redrawn.
    private func resume() -> TerminalWait {
        enterFullScreenAgain()
        return .event(.resize(size))
    }
}
