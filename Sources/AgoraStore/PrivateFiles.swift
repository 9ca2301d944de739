import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Agora keeps for a person (the home postcode, the shortlist) and what it caches is theirs
/// alone: directories it creates are 0700 and files 0600, whatever the umask.
public enum PrivateFiles {
    /// Creates `path` and any missing parents, each new one 0700. Directories that already exist
    /// are left as they are (they may be the person's own, such as `--data-dir ~/notes`).
    public static func makeDirectory(_ path: String) throws(FileProblem) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o700) == 0 {
                // mkdir applies the umask; the mode must be exactly 0700.
                guard chmod(prefix, 0o700) == 0 else { throw FileProblem(path: prefix, errno: errno) }
                continue
            }
            let failure = errno
            var status = stat()
            if stat(prefix, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else { throw FileProblem(path: prefix, reason: "it is a file, not a directory") }
                continue
            }
            throw FileProblem(path: prefix, errno: failure)
        }
    }

    /// Creates a new file (never an existing one) open for writing, 0600.
    public static func createFile(_ path: String) throws(FileProblem) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileProblem(path: path, errno: errno) }
        guard fchmod(descriptor, 0o600) == 0 else {
            let failure = errno
            close(descriptor)
            unlink(path)
            throw FileProblem(path: path, errno: failure)
        }
        return descriptor
    }

    /// Makes an existing file of Agora's 0600 (files made by earlier versions were 0644).
    public static func restrict(_ path: String) {
        _ = chmod(path, 0o600)
    }

    /// Writes all of `bytes`, retrying after interruptions and short writes.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(FileProblem) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileProblem(path: "", errno: errno)
            }
            written += count
        }
    }
}

/// A file or directory that could not be made or written, said in words.
public struct FileProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public init(path: String, errno code: Int32) {
        self.init(path: path, reason: FileProblem.words(errno: code))
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    /// Words for an error from Foundation: the system error underneath if there is one (Foundation
    /// reports "Not a directory" as NSCocoaErrorDomain 512, which helps nobody).
    public static func words(for error: any Error) -> String {
        var current = error as NSError
        for _ in 0..<4 {
            if current.domain == NSPOSIXErrorDomain { return words(errno: Int32(current.code)) }
            guard let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError else { break }
            current = underlying
        }
        switch CocoaError.Code(rawValue: (error as NSError).code) {
        case .fileWriteOutOfSpace: return words(errno: ENOSPC)
        case .fileWriteNoPermission, .fileReadNoPermission: return words(errno: EACCES)
        case .fileNoSuchFile, .fileReadNoSuchFile: return words(errno: ENOENT)
        case .fileWriteVolumeReadOnly: return words(errno: EROFS)
        default: return "the system reported a problem writing it"
        }
    }

    /// The system's words for an error number, lower-cased to sit inside a sentence.
    public static func words(errno code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOTDIR: return "a part of the path is a file, not a directory"
        case ENOENT: return "no such file or directory"
        case EEXIST: return "it already exists"
        case EISDIR: return "it is a directory"
        case ENAMETOOLONG: return "the name is too long"
        case EDQUOT: return "the disk quota is used up"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
