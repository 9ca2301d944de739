/// A save to a file that can be tried again: the name last typed and, when the save failed, why.
/// Pressing the save key again offers the same name with the whole reason above it, rather than
/// losing both to a message line too narrow to show them.
struct ExportRetry: Hashable, Sendable {
    private(set) var name: String?
    private(set) var problem: String?
    private var job: RequestID?

    mutating func started(_ name: String, job: RequestID) {
        self.name = name
        self.job = job
        problem = nil
    }

    /// Follows this save's outcome; true when it is this save failing.
    mutating func receive(_ outcome: Outcome) -> Bool {
        switch outcome {
        case .jobFailed(let id, let message) where id == job:
            job = nil
            problem = message
            return true
        case .finished(let id, _) where id == job, .cancelled(let id) where id == job:
            job = nil
            return false
        default:
            return false
        }
    }

    /// The file name prompt: the name typed last (or `defaultName`), and the last problem if any.
    func prompt(_ title: String, message: String, defaultName: String) -> Modal {
        let said = problem.map { "Not saved last time: \($0) " } ?? ""
        return .prompt(title, said + message, text: name ?? defaultName, limit: 500)
    }
}
