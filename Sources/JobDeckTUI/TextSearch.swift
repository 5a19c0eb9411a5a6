/// Case-insensitive substring search over long text without lowercasing a copy of it.
///
/// A word found nowhere makes the filter read every description, most of a store's bytes: the
/// inner loop compares 16 bytes at a time (first and second needle byte together) and only
/// verifies the rare positions where both fit.
enum TextSearch {
  /// `needle` is the lowercased needle's UTF-8. ASCII needles are compared byte by byte with
  /// ASCII case folding; others fall back to lowercasing the text.
  static func contains(_ text: String, lowercasedNeedle needle: [UInt8], needleText: String)
    -> Bool
  {
    guard needle.allSatisfy({ $0 < 0x80 }) else {
      return text.lowercased().contains(needleText)
    }
    var text = text
    return text.withUTF8 { bytes in
      needle.withUnsafeBufferPointer { asciiFoldedContains(bytes, needle: $0) }
    }
  }

  /// Calls `body` with the UTF-8 of `text` in place: a native String's bytes are read without a
  /// mutable copy (`withUTF8` needs one, retained and released per field of every posting a
  /// search reads); any other String is made native first.
  @inline(__always)
  static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var text = text
    return text.withUTF8(body)
  }

  static func asciiFoldedContains(_ bytes: UnsafeBufferPointer<UInt8>, needle: [UInt8])
    -> Bool
  {
    needle.withUnsafeBufferPointer { asciiFoldedContains(bytes, needle: $0) }
  }

  /// Whether `needle` (lowercased bytes) occurs in `bytes`, where a text byte `A`–`Z` also
  /// matches its lowercase letter and every other byte matches only itself.
  static func asciiFoldedContains(
    _ bytes: UnsafeBufferPointer<UInt8>, needle: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    firstASCIIFoldedMatch(in: bytes, needle: needle, from: 0) != nil
  }

  /// Where the first match of `needle` (as in `asciiFoldedContains`) at or after `from` starts.
  static func firstASCIIFoldedMatch(
    in bytes: UnsafeBufferPointer<UInt8>, needle: UnsafeBufferPointer<UInt8>, from: Int
  ) -> Int? {
    let count = needle.count
    guard count > 0 else { return from <= bytes.count ? from : nil }
    guard from >= 0, bytes.count - from >= count, let base = bytes.baseAddress,
      let pattern = needle.baseAddress
    else { return nil }
    let last = bytes.count - count
    // A lowercase letter also matches its capital: OR-ing 0x20 maps exactly those two bytes
    // onto the letter; any other needle byte must match exactly (mask 0).
    @inline(__always) func mask(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? 0x20 : 0 }
    @inline(__always) func verify(_ start: Int) -> Bool {
      var offset = 1
      while offset < count {
        var candidate = base[start + offset]
        if candidate >= 0x41 && candidate <= 0x5A { candidate |= 0x20 }
        if candidate != pattern[offset] { return false }
        offset += 1
      }
      return true
    }
    let first = pattern[0]
    let firstMask = mask(first)
    var index = from
    if count >= 2 {
      let second = pattern[1]
      let secondMask = mask(second)
      let firstVector = SIMD16<UInt8>(repeating: first)
      let firstMaskVector = SIMD16<UInt8>(repeating: firstMask)
      let secondVector = SIMD16<UInt8>(repeating: second)
      let secondMaskVector = SIMD16<UInt8>(repeating: secondMask)
      let raw = UnsafeRawPointer(base)
      // Loads at index and index + 1 stay inside the text while index + 17 <= bytes.count.
      while index + 17 <= bytes.count && index <= last {
        let here = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
        let next = raw.loadUnaligned(fromByteOffset: index + 1, as: SIMD16<UInt8>.self)
        let hits = ((here | firstMaskVector) .== firstVector)
          .& ((next | secondMaskVector) .== secondVector)
        // The mask's lanes are 0 or all ones: read as two little-endian words, each set byte
        // is a hit, lowest lane first.
        let words = unsafeBitCast(hits, to: (UInt64, UInt64).self)
        if words.0 | words.1 != 0 {
          for (lane, laneWord) in [(0, words.0), (8, words.1)] {
            var word = laneWord
            while word != 0 {
              let byte = word.trailingZeroBitCount / 8
              let start = index + lane + byte
              if start > last { return nil }
              if verify(start) { return start }
              word &= ~(UInt64(0xFF) << UInt64(byte * 8))
            }
          }
        }
        index += 16
      }
    }
    while index <= last {
      if base[index] | firstMask == first, verify(index) { return index }
      index += 1
    }
    return nil
  }
}
