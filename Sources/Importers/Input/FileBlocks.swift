import ChoiceKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read from start to end a block at a time, never whole: the national postcode file is
/// over a gigabyte. Only regular files are read (a directory, a pipe or a device is refused).
final class FileBlocks {
    let file: ImportFile
    let size: Int64
    private let descriptor: Int32
    private(set) var bytesRead: Int64 = 0

    init(_ file: ImportFile) throws(ImportFailure) {
        self.file = file
        // Non-blocking, so opening a named pipe does not wait for a writer.
        let opened = open(file.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard opened >= 0 else {
            let code = errno
            if code == ENOENT {
                throw ImportFailure("there is no file at \(MessageText.path(file.path)) — check the name and the folder")
            }
            throw ImportFailure("cannot open \(MessageText.path(file.path)) (\(Self.words(code))) — check the file and its permissions")
        }
        var status = stat()
        guard fstat(opened, &status) == 0 else {
            let code = errno
            close(opened)
            throw ImportFailure("cannot read \(MessageText.path(file.path)) (\(Self.words(code))) — check the file and its permissions")
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(opened)
            let what = kind == S_IFDIR ? "a directory" : kind == S_IFIFO ? "a named pipe" : "not a regular file"
            throw ImportFailure("\(MessageText.path(file.path)) is \(what) — give the downloaded data file")
        }
        descriptor = opened
        size = Int64(status.st_size)
    }

    deinit { close(descriptor) }

    /// Reads into `buffer`, filling it unless the file ends first; returns how many bytes came.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImportFailure) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = systemRead(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ImportFailure("cannot read \(MessageText.path(file.path)) (\(Self.words(errno))) — check the disk and try again")
            }
            filled += count
        }
        bytesRead += Int64(filled)
        return filled
    }

    static func words(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case EIO: return "an input/output error"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(code))
        }
    }
}

/// `read(2)`, named apart from `FileBlocks.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
