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
        let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
        guard let handle = fopen(path, "rb") else {
            return errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        guard fseek(handle, 0, SEEK_END) == 0 else { return .unreadable("cannot seek") }
        let size = ftell(handle)
        guard size >= 0, fseek(handle, 0, SEEK_SET) == 0 else { return .unreadable("cannot measure the file") }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size > 0 ? fread(buffer.baseAddress, 1, size, handle) : 0
            failed = count != size
        }
        return failed ? .unreadable("could not read the whole file") : .bytes(bytes)
    }
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
