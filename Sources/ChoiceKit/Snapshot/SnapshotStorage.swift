#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a snapshot, kept for as long as any catalog read from it lives: a read-only memory
/// map of the file (so a launch reads it in place rather than decoding every provider), or a copy
/// in memory. Snapshots are only ever replaced by renaming a new file over the old, never written
/// in place, so a mapped file does not change under a running program.
public final class SnapshotStorage: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mappedLength: Int?

    /// A copy of `data` in memory.
    public init(copying data: [UInt8]) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, data.count))
        _ = buffer.initialize(from: data)
        bytes = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buffer)[0..<data.count])
        mappedLength = nil
    }

    private init(mapped: UnsafeRawPointer, length: Int) {
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: length)
        mappedLength = length
    }

    deinit {
        if let mappedLength {
            if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), mappedLength) }
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }

    public var count: Int { bytes.count }

    /// The file at `path` mapped into memory (whole, read-only); refuses what `RegularFile` refuses.
    /// When mapping is not possible the file is read into memory instead.
    public static func open(_ path: String, maximumSize: Int = RegularFile.maximumSize) -> Result<SnapshotStorage, SnapshotOpenFailure> {
        let descriptor = openDescriptor(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable) }
        let size = Int(status.st_size)
        guard size > 0, size <= maximumSize else { return .failure(.unreadable) }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        if let mapped = mmap(nil, size, PROT_READ, flags, descriptor, 0), mapped != MAP_FAILED {
            return .success(SnapshotStorage(mapped: UnsafeRawPointer(mapped), length: size))
        }
        guard case .bytes(let data) = RegularFile.read(path, maximumSize: maximumSize) else { return .failure(.unreadable) }
        return .success(SnapshotStorage(copying: data))
    }
}

public enum SnapshotOpenFailure: Error, Sendable {
    case missing
    case unreadable
}

/// `open(2)`, named apart from `SnapshotStorage.open`.
private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
