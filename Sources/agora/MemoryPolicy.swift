import CAgoraMemory

/// How the C library's allocator hands memory back. By default glibc raises its threshold for
/// serving a large block from a mapping of its own each time such a block is freed, so once a
/// catalog's tables have been read and let go, the next large arrays (the snapshot's index,
/// the search postings) come from the heap and stay there when freed: a first launch peaked
/// about 30 MB higher, and kept it. A fixed threshold returns large blocks the moment they go.
enum MemoryPolicy {
    static let ownMappingFrom: Int32 = 256 * 1024

    static func apply() {
        _ = agora_own_mapping_from(ownMappingFrom)
    }
}
