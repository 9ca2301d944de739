import Foundation

/// Runs the built `agora` program as a user would, capturing what it prints.
enum AgoraBinary {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `agora` executable beside this test bundle in the build folder.
    static var url: URL {
        let testExecutable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        var directory = testExecutable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("agora")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testExecutable.deletingLastPathComponent().appendingPathComponent("agora")
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `stdout`, when given, receives standard output instead of a pipe (e.g. /dev/full); with
    /// `shell`, the arguments are a command of their own (e.g. `sh -c …` running the program).
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: FileHandle? = nil,
                    stdout: FileHandle? = nil, shell: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/usr/bin/env") : url
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["LC_ALL"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        if stdout != nil { try out.fileHandleForWriting.close() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Standard input of these lines, from a file removed at once: the open handle still reads
    /// it, and nothing is left behind.
    static func input(_ lines: [String]) throws -> FileHandle {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agora-input-\(UUID().uuidString)")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try FileHandle(forReadingFrom: url)
    }

    /// A new directory of its own; the caller removes it when done.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agora-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
