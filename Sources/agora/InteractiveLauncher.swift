import ChoiceKit
import Foundation

/// Opens the full-screen program (or the plain line-by-line one).
enum InteractiveLauncher {
    static func run(catalog: Catalog, global: GlobalOptions, display: DisplayOptions) throws {
        try reportingFailures {
            throw Failure.failed("the full-screen program is not built yet; use `agora list --kind school`")
        }
    }
}
