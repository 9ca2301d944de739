/// Whether a widget or feature used an input. `ignored` lets the next handler try (htop's panels
/// work the same way), so generic navigation is the fallback and never steals a page's key.
public enum Handling: Hashable, Sendable {
    case handled
    case ignored
}
