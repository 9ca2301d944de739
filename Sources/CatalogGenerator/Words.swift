/// Word lists for fictional names. Combinations are made up; any likeness to a real place or
/// organisation is accidental.
enum Words {
    static let placeStarts = ["Ash", "Brack", "Cold", "Dun", "Elm", "Fair", "Grey", "Holl", "Ivy", "Kings",
                              "Lark", "Mill", "Nether", "Oak", "Pen", "Quarry", "Rook", "Stan", "Thorn", "Wex",
                              "Alder", "Birch", "Clay", "Fern", "Heron", "Linden", "Marsh", "Orchard", "Swan", "Willow"]
    static let placeEnds = ["by", "field", "ford", "ham", "ley", "mere", "stead", "ton", "well", "wick", "bridge",
                            "cote", "gate", "hurst", "combe"]
    static let districtQualifiers = ["North", "South", "East", "West", "Upper", "Lower", "Old", "New"]
    static let streets = ["High Street", "Church Lane", "Station Road", "Mill Lane", "School Lane", "Park Road",
                          "Victoria Road", "Green Lane", "Manor Road", "Chapel Street", "Queen Street", "Orchard Way",
                          "Meadow View", "Brook Street", "Elm Grove", "Castle Hill", "Abbey Road", "Forge Close",
                          "Hollow Lane", "Westfield Avenue", "Cherry Tree Walk", "Wharf Road", "Kiln Lane",
                          "Bellfield Road", "Granary Court"]
    static let saints = ["Mary", "Joseph", "Peter", "Paul", "Anne", "Bede", "Chad", "Hilda", "Cuthbert", "Margaret",
                         "Thomas", "Francis", "Clare", "Aidan", "Oswald", "Teresa", "Patrick", "Michael", "John",
                         "Luke", "Werburgh", "Edmund", "Alban", "Helen"]
    static let trees = ["Oak", "Beech", "Cedar", "Willow", "Rowan", "Hazel", "Laurel", "Holly", "Maple", "Linden",
                        "Juniper", "Aspen", "Sycamore", "Chestnut", "Yew"]
    static let surnames = ["Ashworth", "Bellamy", "Carver", "Denholm", "Ellery", "Fenwick", "Garside", "Hartley",
                           "Inchbold", "Jessop", "Kettering", "Lowther", "Marlow", "Nettleton", "Ormerod", "Pickering",
                           "Quarmby", "Rushton", "Stanier", "Tolland", "Underwood", "Varley", "Whitlock", "Yardley"]
    static let qualities = ["Bright", "Clear", "Evergreen", "Harbour", "Keystone", "Lantern", "Northern Star",
                            "Open Door", "Pathway", "Riverside", "Silver", "Summit", "True North", "Wellspring"]
}
