import Foundation

/// Foundation's answers to questions an import asks of every cell and URL, with the common case
/// answered without it: on Linux Foundation copies the text through an `NSString` (UTF-16 and
/// back) even when there is nothing to do, which cost microseconds per URL and per 2 KB
/// description: minutes per 100,000-row import.
extension String {
  /// `trimmingCharacters(in: .whitespacesAndNewlines)`. Where the text starts and ends after
  /// ASCII whitespace is trimmed with ASCII that is not whitespace, Foundation stops there too,
  /// so that part is returned; other text is left to Foundation.
  public var trimmedOfWhitespaceAndNewlines: String {
    trimmed(ofASCII: { $0 == 0x20 || (0x09...0x0D).contains($0) },
            set: TrimmingSets.whitespacesAndNewlines)
  }

  /// `trimmingCharacters(in: .whitespaces)`, in the same way (space and tab are that set's only
  /// ASCII members).
  public var trimmedOfWhitespace: String {
    trimmed(ofASCII: { $0 == 0x20 || $0 == 0x09 }, set: TrimmingSets.whitespaces)
  }

  /// `isMember` says which ASCII scalars `set` holds (its only ASCII members).
  private func trimmed(ofASCII isMember: (UInt32) -> Bool, set: CharacterSet) -> String {
    // Most cells: neither end is whitespace, nor anything but ASCII.
    let plain = withUTF8Bytes { bytes in
      guard let first = bytes.first, let last = bytes.last else { return false }
      return first < 0x80 && last < 0x80 && !isMember(UInt32(first)) && !isMember(UInt32(last))
    }
    if plain { return self }
    let scalars = unicodeScalars
    // Text in other scripts (a description ending in `。`): Foundation stops at the first
    // character outside the set from either end, so when both ends are outside it there is
    // nothing to trim. The set's members are all in the Basic Multilingual Plane.
    if let first = scalars.first, let last = scalars.last,
      first.isASCII ? !isMember(first.value) : !set.contains(first),
      last.isASCII ? !isMember(last.value) : !set.contains(last)
    {
      return self
    }
    var start = scalars.startIndex
    while start != scalars.endIndex, isMember(scalars[start].value) {
      start = scalars.index(after: start)
    }
    var end = scalars.endIndex
    while end != start, isMember(scalars[scalars.index(before: end)].value) {
      end = scalars.index(before: end)
    }
    guard start != end else { return "" }
    func isOtherASCII(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value < 0x80 && !isMember(scalar.value)
    }
    guard isOtherASCII(scalars[start]), isOtherASCII(scalars[scalars.index(before: end)]) else {
      return trimmingCharacters(in: set)
    }
    if start == scalars.startIndex && end == scalars.endIndex { return self }
    return String(scalars[start..<end])
  }

  /// `lowercased()` split at `Character.isWhitespace` and joined by single spaces, done on the
  /// bytes for ASCII text (where those are the ASCII letters and 9–13 and 32, and `\r\n` is
  /// whitespace as its two bytes are), else by the standard library.
  var collapsedLowercase: String {
    switch withUTF8Bytes(Self.asciiCollapsedLowercase) {
    case .unchanged: return self
    case .collapsed(let text): return text
    case .notASCII:
      return lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
  }

  private enum ASCIICollapsing {
    case notASCII, unchanged, collapsed(String)
  }

  /// `collapsedLowercase` of the bytes when they are ASCII.
  private static func asciiCollapsedLowercase(_ bytes: UnsafeBufferPointer<UInt8>)
    -> ASCIICollapsing
  {
    var clean = true  // lowercase already, single spaces, no space at either end
    var previousWasSpace = true
    for byte in bytes {
      if byte >= 0x80 { return .notASCII }
      let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
      if (0x41...0x5A).contains(byte) || (isSpace && (byte != 0x20 || previousWasSpace)) {
        clean = false
      }
      previousWasSpace = isSpace
    }
    if clean && !previousWasSpace { return .unchanged }
    // Written straight into the string's storage: collapsing never makes the text longer.
    return .collapsed(String(unsafeUninitializedCapacity: bytes.count) { collapsed in
      var count = 0
      var pendingSpace = false
      for byte in bytes {
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          pendingSpace = count > 0
          continue
        }
        if pendingSpace {
          collapsed[count] = 0x20
          count += 1
          pendingSpace = false
        }
        collapsed[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        count += 1
      }
      return count
    })
  }

  /// Printable ASCII only (space to `~`): text in which Foundation's search, which compares by
  /// canonical equivalence, finds exactly what a search of the bytes finds.
  var isPrintableASCII: Bool {
    withUTF8Bytes { bytes in bytes.allSatisfy { (0x20...0x7E).contains($0) } }
  }

  /// Whether every byte of the UTF-8 is ASCII.
  var isASCIIText: Bool {
    withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 } }
  }

  /// `body` of the text's UTF-8 in one buffer: in place for a native string; otherwise a copy.
  /// A loop over a buffer costs a fraction of one over the `utf8` view, which an import runs on
  /// several cells of every row.
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return copy.withUTF8(body)
  }

  /// `range(of: "://")`: the bytes are searched in printable ASCII; other text is left to
  /// Foundation.
  var schemeSeparatorRange: Range<String.Index>? {
    let bytes = utf8
    guard isPrintableASCII else { return range(of: "://") }
    let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")
    var index = bytes.startIndex
    while index != bytes.endIndex {
      if bytes[index] == colon {
        let second = bytes.index(after: index)
        if second != bytes.endIndex, bytes[second] == slash {
          let third = bytes.index(after: second)
          if third != bytes.endIndex, bytes[third] == slash {
            return index..<bytes.index(after: third)
          }
        }
      }
      index = bytes.index(after: index)
    }
    return nil
  }
}

/// The sets `trimmedOfWhitespaceAndNewlines` and `trimmedOfWhitespace` fall back on, made once:
/// on Linux each `CharacterSet.whitespacesAndNewlines` is made anew from CoreFoundation's
/// predefined set, which costs more than the trimming of a cell (a salary cell starting with `€`
/// needs the set, in every row of a spreadsheet).
private enum TrimmingSets {
  static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
  static let whitespaces = CharacterSet.whitespaces
}
