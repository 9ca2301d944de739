#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where catalog files come from: a directory on disk or files held in memory (the embedded default).
public protocol CatalogSource: Sendable {
    /// How the catalog is named in messages, e.g. `catalog` so lines read `catalog/schools.csv:42: …`.
    var displayName: String { get }
    func read(_ fileName: String) -> CatalogFileRead
}

public enum CatalogFileRead: Sendable {
    case bytes([UInt8])
    case missing
    /// Something else stands at the name: "a directory", "a named pipe", "a device".
    case notAFile(String)
    case unreadable(String)
}

extension CatalogSource {
    public func displayPath(_ fileName: String) -> String {
        displayName.isEmpty ? fileName : displayName.hasSuffix("/") ? displayName + fileName : displayName + "/" + fileName
    }
}

/// A catalog directory on disk.
public struct DirectoryCatalogSource: CatalogSource {
    public let directory: String
    public let displayName: String

    public init(directory: String, displayName: String? = nil) {
        self.directory = directory
        var shown = displayName ?? directory
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        self.displayName = shown
    }

    public func read(_ fileName: String) -> CatalogFileRead {
        RegularFile.read(directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName)
    }
}

/// Reads whole regular files, and says what else a path is instead of blocking on a pipe, reading a
/// device for ever or asking for an impossible amount of memory for a directory.
public enum RegularFile {
    /// More than any catalog or snapshot needs; larger files are refused rather than read.
    public static let maximumSize = 1 << 30

    public static func read(_ path: String, maximumSize: Int = maximumSize) -> CatalogFileRead {
        // Non-blocking, so opening a named pipe does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .notAFile("a directory")
        case S_IFIFO: return .notAFile("a named pipe")
        case S_IFCHR, S_IFBLK: return .notAFile("a device")
        case S_IFSOCK: return .notAFile("a socket")
        default: return .notAFile("not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else {
            return .unreadable("it is \(Count.text(size / 1_048_576)) MB; a catalog file may be at most \(maximumSize / 1_048_576) MB")
        }
        // Read to the end, whatever the size said: the file may change while it is read.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var used = 0
        while true {
            if used == bytes.count {
                guard bytes.count <= maximumSize else { return .unreadable("it grew beyond \(maximumSize / 1_048_576) MB while being read") }
                bytes += [UInt8](repeating: 0, count: max(4096, bytes.count))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                readDescriptor(descriptor, buffer.baseAddress.map { $0 + used }, buffer.count - used)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .unreadable(String(cString: strerror(errno)))
            }
            used += count
        }
        bytes.removeSubrange(used...)
        return .bytes(bytes)
    }
}

/// `read(2)`, named apart from `RegularFile.read`.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Catalog files held in memory: the catalog compiled into the program, and test fixtures.
public struct InMemoryCatalogSource: CatalogSource {
    public let files: [String: [UInt8]]
    public let displayName: String

    public init(files: [String: [UInt8]], displayName: String) {
        self.files = files
        self.displayName = displayName
    }

    public init(texts: [String: String], displayName: String) {
        self.init(files: texts.mapValues { Array($0.utf8) }, displayName: displayName)
    }

    public func read(_ fileName: String) -> CatalogFileRead {
        files[fileName].map(CatalogFileRead.bytes) ?? .missing
    }
}
