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
    /// What the file system says of a file without reading it; nil where there is no file system
    /// (then a snapshot's freshness is always checked by the files' bytes).
    func status(_ fileName: String) -> FileStatus?
    /// The file's fingerprint (as `Fingerprint.of` its bytes); nil if it cannot be read.
    func fingerprint(_ fileName: String) -> UInt64?
}

extension CatalogSource {
    public func status(_ fileName: String) -> FileStatus? { nil }

    public func fingerprint(_ fileName: String) -> UInt64? {
        guard case .bytes(let bytes) = read(fileName) else { return nil }
        return Fingerprint.of(bytes)
    }
}

/// Size, modification and change times, inode and device of a file: if all are as they were, the
/// file has not been written since (see `FileStatus.settled` for the one exception).
public struct FileStatus: Hashable, Sendable {
    public let values: [UInt64]

    /// Seven numbers: size, modification seconds and nanoseconds, change seconds and nanoseconds,
    /// inode, device.
    public init?(values: [UInt64]) {
        guard values.count == 7 else { return nil }
        self.values = values
    }

    /// The file's size in bytes.
    public var size: UInt64 { values[0] }

    init(_ status: stat) {
        #if canImport(Darwin)
        let modified = status.st_mtimespec, changed = status.st_ctimespec
        #else
        let modified = status.st_mtim, changed = status.st_ctim
        #endif
        values = [UInt64(truncatingIfNeeded: status.st_size),
                  UInt64(truncatingIfNeeded: modified.tv_sec), UInt64(truncatingIfNeeded: modified.tv_nsec),
                  UInt64(truncatingIfNeeded: changed.tv_sec), UInt64(truncatingIfNeeded: changed.tv_nsec),
                  UInt64(truncatingIfNeeded: status.st_ino), UInt64(truncatingIfNeeded: status.st_dev)]
    }

    /// File systems stamp times in ticks of a few milliseconds, so a file written again within the
    /// same tick, to the same size, would show the same status. A status taken when the file's last
    /// change was at least two seconds old cannot hide a later write that way.
    public func settled(at seconds: Int64) -> Bool {
        let modified = Int64(bitPattern: values[1]), changed = Int64(bitPattern: values[3])
        return max(modified, changed) <= seconds - 2
    }

    /// Now, in whole seconds since 1970, as file times count.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec)
    }
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
        RegularFile.read(path(fileName))
    }

    public func status(_ fileName: String) -> FileStatus? {
        var status = stat()
        guard stat(path(fileName), &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStatus(status)
    }

    /// Read a megabyte at a time: fingerprinting a catalog's tables never holds them in memory.
    public func fingerprint(_ fileName: String) -> UInt64? {
        let descriptor = open(path(fileName), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var hasher = FingerprintHasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { readDescriptor(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return hasher.value }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return nil
            }
            total += count
            guard total <= RegularFile.maximumSize else { return nil }
            buffer.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    private func path(_ fileName: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
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
