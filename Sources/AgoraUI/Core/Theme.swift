/// How roles look. Colours are named, not numbered: the backend maps them to the terminal's.
public enum ThemeName: String, CaseIterable, Hashable, Sendable {
    case standard = "default"
    case highContrast = "high-contrast"
    case mono

    public var label: String {
        switch self {
        case .standard: return "default colours"
        case .highContrast: return "high contrast"
        case .mono: return "no colour"
        }
    }

    public var next: ThemeName {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

public enum ThemeColour: Hashable, Sendable { case terminal, black, red, green, yellow, blue, magenta, cyan, white }

public struct Appearance: Hashable, Sendable {
    public var foreground: ThemeColour
    public var background: ThemeColour
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: ThemeColour, background: ThemeColour, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

public enum Theme {
    public static func appearance(of role: Role, in theme: ThemeName) -> Appearance {
        switch theme {
        case .mono: return mono(role)
        case .standard: return standard(role)
        case .highContrast: return highContrast(role)
        }
    }

    /// No colour at all: meaning carried by bold, underline and reverse only.
    private static func mono(_ role: Role) -> Appearance {
        var look = Appearance(foreground: .terminal, background: .terminal)
        switch role {
        case .title, .heading, .statusKey, .error: look.bold = true
        case .selected, .status: look.reverse = true
        case .marked, .input: look.underline = true
        case .good, .accent: look.bold = true
        case .bad: look.bold = true; look.underline = true
        case .dim: look.dim = true
        case .fair, .normal, .border, .overlay: break
        }
        return look
    }

    private static func standard(_ role: Role) -> Appearance {
        switch role {
        case .normal, .overlay: return Appearance(foreground: .terminal, background: .terminal)
        case .title: return Appearance(foreground: .cyan, background: .terminal, bold: true)
        case .heading: return Appearance(foreground: .terminal, background: .terminal, bold: true)
        case .dim: return Appearance(foreground: .terminal, background: .terminal, dim: true)
        case .selected: return Appearance(foreground: .black, background: .cyan)
        case .marked: return Appearance(foreground: .magenta, background: .terminal, bold: true)
        case .accent: return Appearance(foreground: .cyan, background: .terminal)
        case .good: return Appearance(foreground: .green, background: .terminal)
        case .fair: return Appearance(foreground: .yellow, background: .terminal)
        case .bad: return Appearance(foreground: .red, background: .terminal, bold: true)
        case .status: return Appearance(foreground: .black, background: .white)
        case .statusKey: return Appearance(foreground: .blue, background: .white, bold: true)
        case .input: return Appearance(foreground: .terminal, background: .terminal, underline: true)
        case .border: return Appearance(foreground: .blue, background: .terminal)
        case .error: return Appearance(foreground: .red, background: .terminal, bold: true)
        }
    }

    /// Strong foreground/background pairs and bold text for low vision.
    private static func highContrast(_ role: Role) -> Appearance {
        switch role {
        case .normal, .overlay, .border: return Appearance(foreground: .white, background: .black)
        case .title, .heading: return Appearance(foreground: .yellow, background: .black, bold: true)
        case .dim: return Appearance(foreground: .white, background: .black)
        case .selected: return Appearance(foreground: .black, background: .yellow, bold: true)
        case .marked: return Appearance(foreground: .cyan, background: .black, bold: true, underline: true)
        case .accent: return Appearance(foreground: .cyan, background: .black, bold: true)
        case .good: return Appearance(foreground: .green, background: .black, bold: true)
        case .fair: return Appearance(foreground: .yellow, background: .black, bold: true)
        case .bad: return Appearance(foreground: .red, background: .black, bold: true, underline: true)
        case .status: return Appearance(foreground: .black, background: .white, bold: true)
        case .statusKey: return Appearance(foreground: .black, background: .yellow, bold: true)
        case .input: return Appearance(foreground: .white, background: .blue, bold: true)
        case .error: return Appearance(foreground: .white, background: .red, bold: true)
        }
    }
}
