/// Short texts shared by narrow columns. "—" always means "not published".
public enum ShortText {
    public static let notPublished = "—"

    public static func count(_ value: Int?) -> String {
        value.map { Money.groupThousands(UInt64(max(0, $0))) } ?? notPublished
    }
}
