import Foundation

extension CatalogSnapshot {
    /// The catalog's manifest alone, without its postcodes, from the start of a snapshot: for a
    /// first frame, which then need not read a large manifest.json (a national one is mostly its
    /// postcode list). Only the header and the megabytes holding the manifest are read, and only
    /// used when their checksums match and every file's status is as the snapshot recorded once
    /// the files had settled; otherwise nil, and the caller reads manifest.json.
    public static func manifestOnly(path: String, source: any CatalogSource) -> Catalog? {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return manifestOnly(size: Int(status.st_size), source: source, checkingFreshness: true) { offset, count in
            readBytes(descriptor, at: offset, count: count)
        }
    }

    /// As above, from a snapshot of `size` bytes read a piece at a time by `read` (nil when there
    /// are not that many); the files' freshness is left unchecked only for fuzzing, which must
    /// reach the reading behind it.
    @_spi(Fuzzing)
    public static func manifestOnly(size: Int, source: any CatalogSource, checkingFreshness: Bool,
                                    read: (_ offset: Int, _ count: Int) -> [UInt8]?) -> Catalog? {
        guard size >= fixedSize, let fixed = read(0, fixedSize), fixed.count == fixedSize else { return nil }
        let headerLength = (0..<4).reduce(0) { $0 | Int(fixed[magic.count + 9 + $1]) << (8 * $1) }
        guard headerLength <= size - fixedSize, let start = read(0, fixedSize + headerLength), start.count == fixedSize + headerLength,
              let header = start.withUnsafeBufferPointer({ readHeader($0, fileSize: size, checkingSums: true) }),
              !checkingFreshness || header.statusesMatch(source) else { return nil }
        // The manifest, and the first byte of the postcodes section, which says whether the
        // postcode list was taken out of the manifest.
        let manifestRange = header.ranges[0], postcodesStart = header.ranges[1].lowerBound
        guard !header.ranges[1].isEmpty else { return nil }
        let firstChunk = (manifestRange.lowerBound - header.bodyStart) / chunkSize
        let lastChunk = (postcodesStart - header.bodyStart) / chunkSize
        let readStart = header.bodyStart + firstChunk * chunkSize
        let readEnd = min(size, header.bodyStart + (lastChunk + 1) * chunkSize)
        guard readEnd > readStart, let body = read(readStart, readEnd - readStart), body.count == readEnd - readStart else { return nil }
        for chunk in firstChunk...lastChunk {
            let from = (chunk - firstChunk) * chunkSize
            let piece = body[from..<min(body.count, from + chunkSize)]
            guard piece.withUnsafeBytes({ Fingerprint.of($0) }) == header.sums[chunk] else { return nil }
        }
        guard body[postcodesStart - readStart] == 1 else { return nil }
        let data = Array(body[(manifestRange.lowerBound - readStart)..<(manifestRange.upperBound - readStart)])
        var reader = ManifestReader(file: source.displayPath(CatalogLoader.manifestFileName), bytes: data)
        guard let manifest = reader.read(data: data, postcodes: .given([])),
              !reader.problems.contains(where: { $0.severity == .error }) else { return nil }
        return Catalog(manifest: manifest, providers: [], warnings: [])
    }

    /// `count` bytes from `offset`, or nil if the file has fewer.
    private static func readBytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }
}

/// `open(2)`, named apart from the snapshot's own names.
private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
}
