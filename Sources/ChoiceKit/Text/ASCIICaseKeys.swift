/// Values found by a cell's bytes, ignoring ASCII case, with no String made and nothing hashed:
/// hot loops match labels this way (a catalog's 100,000 rows, a national file's named columns).
package struct ASCIICaseKeys<Value: Sendable>: Sendable {
    /// Each key lower-cased, in the order given.
    package let entries: [(key: [UInt8], value: Value)]

    package init(_ pairs: [(key: String, value: Value)]) {
        entries = pairs.map { (Array($0.key.lowercased().utf8), $0.value) }
    }

    /// The value whose key equals `cell` once its ASCII capitals are lowered.
    package func value(forBytes cell: UnsafeBufferPointer<UInt8>) -> Value? {
        search: for entry in entries where entry.key.count == cell.count {
            for index in 0..<cell.count {
                var byte = cell[index]
                if byte >= 65, byte <= 90 { byte += 32 }
                if byte != entry.key[index] { continue search }
            }
            return entry.value
        }
        return nil
    }

    /// The value whose key equals `text` lower-cased in full (Unicode, not only ASCII).
    package func value(forText text: String) -> Value? {
        let key = Array(text.lowercased().utf8)
        return entries.first { $0.key == key }?.value
    }
}
