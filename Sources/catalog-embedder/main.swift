import Foundation

// Writes a Swift source file holding the given catalog files as base64 text (base64 so any bytes,
// including ones a string literal could not hold, survive compilation unchanged).
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: catalog-embedder OUTPUT FILE...\n".utf8))
    exit(2)
}
var source = "// Generated at build time from the repository's catalog/ directory. Do not edit.\n"
source += "enum EmbeddedCatalogFiles {\n    static let base64: [(name: String, content: String)] = [\n"
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("catalog-embedder: cannot read \(path)\n".utf8))
        exit(1)
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    source += "        (name: \"\(name)\", content: \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("catalog-embedder: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
