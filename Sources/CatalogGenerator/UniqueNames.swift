/// Names a real borough's residents would tell apart. A name already taken is made again from
/// other words (another saint, tree or street) before anything is added to it; only when every
/// try is taken does the place go on the end, and a number only after that.
struct UniqueNames {
    private var used = Set<String>()

    static let tries = 16

    mutating func claim(place: String, _ make: () -> String) -> String {
        var first: String?
        for _ in 0..<Self.tries {
            let name = make()
            if first == nil { first = name }
            if used.insert(name).inserted { return name }
        }
        let base = first ?? place
        if !base.contains(place), used.insert("\(base), \(place)").inserted { return "\(base), \(place)" }
        var counter = 2
        while !used.insert("\(base) (\(counter))").inserted { counter += 1 }
        return "\(base) (\(counter))"
    }
}
