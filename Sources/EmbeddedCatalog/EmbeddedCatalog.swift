import ChoiceKit
import Foundation

/// The default catalog (the repository's `catalog/` directory), compiled into the program.
public enum EmbeddedCatalog {
    /// Named `catalog` in messages, as the directory it was built from.
    public static let source: InMemoryCatalogSource = {
        var files: [String: [UInt8]] = [:]
        for file in EmbeddedCatalogFiles.base64 {
            files[file.name] = Data(base64Encoded: file.content).map { [UInt8]($0) } ?? []
        }
        return InMemoryCatalogSource(files: files, displayName: "catalog")
    }()
}
