/// Phone numbers and web addresses that cannot reach anyone real.
enum Contacts {
    /// Ofcom reserves 0116 496 0000–0999 for drama and fiction.
    static func phone(_ random: inout SeededRandom) -> String {
        let number = random.int(0...999)
        return "0116 496 " + String(repeating: "0", count: number < 10 ? 3 : number < 100 ? 2 : 1) + "\(number)"
    }

    /// `.example` is reserved for examples and never resolves.
    static func website(for name: String) -> String {
        let slug = name.lowercased().unicodeScalars
            .filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == " " }
            .map(String.init).joined()
            .split(separator: " ").prefix(4).joined(separator: "-")
        return "https://www.\(slug).example"
    }
}
