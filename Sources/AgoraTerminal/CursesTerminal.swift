import AgoraUI
import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code that talks to ncurses: start and restore the terminal, draw a `Screen`, and turn
/// keys, mouse and resizes into `Event`s. Used from one thread only (curses is not thread-safe);
/// other threads reach it only through `waker`. While it runs, fatal signals and suspends come
/// through `wait` (see `TerminalWait`), so the terminal is always restored.
public final class CursesTerminal {
    public enum StartError: Error, Equatable {
        case notATerminal
        case unknownTerminal(String)
    }

    private var screen: OpaquePointer?
    private var theme: ThemeName
    private var pairs: [Role: Int16] = [:]
    private var attributes: [Role: attr_t] = [:]
    private var stopped = false
    /// Set when the program stopped itself (Ctrl-Z) and has already come back into full screen:
    /// the SIGCONT that continued it is then news already acted on. Acting on it again would turn
    /// keypad mode off and on once the page is back, and an arrow key typed in that moment would
    /// arrive as Esc.
    var continuedFromOwnStop = false
    /// Wakes `wait` from any thread.
    public let waker = TerminalWaker()
    /// Signals as bytes to read in `wait`; their handlers are in place while full screen.
    private(set) var signals: SignalPipe?

    /// Starts full-screen mode. Throws instead of exiting when the terminal cannot be used.
    public init(theme: ThemeName) throws(StartError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        // newterm returns nil for an unknown TERM, where initscr would exit the program.
        guard let screen = newterm(nil, agora_stdout(), agora_stdin()) else {
            throw .unknownTerminal(String(cString: getenv("TERM") ?? strdup("")))
        }
        self.screen = screen
        self.theme = theme
        set_term(screen)
        raw()                  // Ctrl-C arrives as a key, so quitting always restores the terminal
        noecho()
        nonl()
        keypad(agora_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mousemask(agora_all_mouse_events, nil)
        mouseinterval(0)
        // Input is waited for with poll in `wait`; curses itself never blocks.
        wtimeout(agora_stdscr(), 0)
        applyTheme(theme)
        signals = SignalPipe()
    }

    deinit { stop() }

    public var size: Size { Size(width: Int(getmaxx(agora_stdscr())), height: Int(getmaxy(agora_stdscr()))) }

    /// Restores the terminal as it was (normal screen, cursor shown, mouse reporting and keypad
    /// mode off, line input) and the signal actions there were before. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        leaveFullScreen()
        signals?.restore()
        signals = nil
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// The terminal as a shell expects it, each mode turned off explicitly (endwin alone left
    /// mouse reporting on in some terminals).
    func leaveFullScreen() {
        mousemask(0, nil)
        keypad(agora_stdscr(), false)
        curs_set(1)
        endwin()
    }

    /// After a stop: program modes back, keypad and mouse asserted by turning them off and on (so
    /// curses sends them even if it believes they are still on), and every cell redrawn.
    func enterFullScreenAgain() {
        reset_prog_mode()
        keypad(agora_stdscr(), false)
        keypad(agora_stdscr(), true)
        mousemask(0, nil)
        mousemask(agora_all_mouse_events, nil)
        wtimeout(agora_stdscr(), 0)
        clearok(agora_curscr(), true)
        wrefresh(agora_stdscr())
    }

    public func setTheme(_ theme: ThemeName) {
        guard theme != self.theme else { return }
        self.theme = theme
        applyTheme(theme)
    }

    private func applyTheme(_ theme: ThemeName) {
        pairs = [:]
        attributes = [:]
        let colour = theme != .mono && has_colors()
        if colour {
            start_color()
            use_default_colors()
        }
        var nextPair: Int16 = 1
        var pairOf: [Appearance: Int16] = [:]
        for role in Role.allCases {
            let look = Theme.appearance(of: role, in: colour ? theme : .mono)
            var attrs = agora_a_normal
            if look.bold { attrs |= agora_a_bold }
            if look.reverse { attrs |= agora_a_reverse }
            if look.underline { attrs |= agora_a_underline }
            if look.dim { attrs |= agora_a_dim }
            attributes[role] = attrs
            guard colour, look.foreground != .terminal || look.background != .terminal else { pairs[role] = 0; continue }
            let key = Appearance(foreground: look.foreground, background: look.background)
            if let existing = pairOf[key] {
                pairs[role] = existing
            } else if Int32(nextPair) < agora_color_pairs() {
                init_pair(nextPair, Self.curses(look.foreground), Self.curses(look.background))
                pairOf[key] = nextPair
                pairs[role] = nextPair
                nextPair += 1
            }
        }
        // The background of the whole window follows the theme's normal text.
        wbkgdset(agora_stdscr(), chtype(agora_color_pair(Int32(pairs[.normal] ?? 0))))
    }

    private static func curses(_ colour: ThemeColour) -> Int16 {
        switch colour {
        case .terminal: return -1
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }

    /// Draws every cell, then one refresh; curses sends only what changed.
    public func draw(_ frame: Screen) {
        let window = agora_stdscr()
        let height = min(frame.size.height, Int(getmaxy(window)))
        let width = min(frame.size.width, Int(getmaxx(window)))
        var character = cchar_t()
        // Looked up by number for each of the frame's thousands of cells, not hashed.
        let roleAttributes = Role.allCases.map { attributes[$0] ?? agora_a_normal }
        let rolePairs = Role.allCases.map { pairs[$0] ?? 0 }
        for y in 0..<height {
            for x in 0..<width {
                let cell = frame[x, y]
                if cell.text.isEmpty { continue } // right half of a wide character
                let glyph = Glyph(cell.text)
                let role = Int(cell.role.rawValue)
                let attribute = role < roleAttributes.count ? roleAttributes[role] : agora_a_normal
                let pair = role < rolePairs.count ? rolePairs[role] : 0
                setcchar(&character, glyph.characters, attribute, pair, nil)
                wmove(window, Int32(y), Int32(x))
                wadd_wch(window, &character)
                if glyph.padded, x + 1 < width {
                    setcchar(&character, Glyph.space, attribute, pair, nil)
                    wmove(window, Int32(y), Int32(x + 1))
                    wadd_wch(window, &character)
                }
            }
        }
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// The next event, or nil when input has ended or a fatal signal came (see `wait` for which).
    public func nextEvent() -> Event? {
        while true {
            switch wait() {
            case .event(let event): return event
            case .woken, .timedOut: continue
            case .inputEnded, .signal: return nil
            }
        }
    }

    /// What reading one key without waiting gave.
    enum InputRead {
        case event(Event)
        /// Something arrived that is not an event (an unknown key, a mouse movement).
        case ignored
        case nothing
    }

    /// One key, mouse event or resize if curses holds one or the terminal has sent one; never waits.
    func readInput() -> InputRead {
        var input: wint_t = 0
        let result = wget_wch(agora_stdscr(), &input)
        if result == agora_key_code_yes {
            return functionKey(Int32(input)).map(InputRead.event) ?? .ignored
        }
        if result == OK {
            return Self.character(UInt32(input)).map { .event(.key($0)) } ?? .ignored
        }
        return .nothing
    }

    private func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let state = event.bstate
            let kind: MouseEvent.Kind
            if state & agora_button4_pressed != 0 {
                kind = .wheelUp
            } else if agora_button5_pressed != 0, state & agora_button5_pressed != 0 {
                kind = .wheelDown
            } else if state & (agora_button1_pressed | agora_button1_clicked) != 0 {
                kind = .press
            } else {
                return nil
            }
            return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), kind: kind))
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private static func character(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x09: return .tab
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(value + 0x60) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 0x20 else { return nil }
            return .character(Character(scalar))
        }
    }
}
