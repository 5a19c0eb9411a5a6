import Foundation

/// Foundation's answers to questions an import asks of every cell and URL, with the common case
/// answered without it: on Linux Foundation copies the text through an `NSString` (UTF-16 and
/// back) even when there is nothing to do, which cost microseconds per URL and per 2 KB
/// description: minutes per 100,000-row import.
extension String {
  /// `trimmingCharacters(in: .whitespacesAndNewlines)`, returning the text itself when neither
  /// end can be whitespace (Foundation's answer then too).
  public var trimmedOfWhitespaceAndNewlines: String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
    if first.isCertainlyNotWhitespaceOrNewline, last.isCertainlyNotWhitespaceOrNewline {
      return self
    }
    return trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `trimmingCharacters(in: .whitespaces)`, returning the text itself when neither end can be
  /// a space or tab (Foundation's answer then too).
  public var trimmedOfWhitespace: String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
    if first.isCertainlyNotWhitespace, last.isCertainlyNotWhitespace { return self }
    return trimmingCharacters(in: .whitespaces)
  }

  /// `lowercased()` split at `Character.isWhitespace` and joined by single spaces, done on the
  /// bytes for ASCII text (where those are the ASCII letters and 9–13 and 32, and `\r\n` is
  /// whitespace as its two bytes are), else by the standard library.
  var collapsedLowercase: String {
    var ascii = true
    var clean = true  // lowercase already, single spaces, no space at either end
    var previousWasSpace = true
    for byte in utf8 {
      if byte >= 0x80 {
        ascii = false
        break
      }
      let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
      if (0x41...0x5A).contains(byte) || (isSpace && (byte != 0x20 || previousWasSpace)) {
        clean = false
      }
      previousWasSpace = isSpace
    }
    if ascii {
      if clean && !previousWasSpace { return self }
      var bytes: [UInt8] = []
      bytes.reserveCapacity(utf8.count)
      var pendingSpace = false
      for byte in utf8 {
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          pendingSpace = !bytes.isEmpty
          continue
        }
        if pendingSpace {
          bytes.append(0x20)
          pendingSpace = false
        }
        bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    return lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Printable ASCII only (space to `~`): text in which Foundation's search, which compares by
  /// canonical equivalence, finds exactly what a search of the bytes finds.
  var isPrintableASCII: Bool {
    utf8.allSatisfy { (0x20...0x7E).contains($0) }
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

extension Unicode.Scalar {
  /// True for ASCII scalars outside `CharacterSet.whitespacesAndNewlines` (tab, LF, VT, FF, CR
  /// and space are its only ASCII members); false for the rest, which Foundation decides.
  fileprivate var isCertainlyNotWhitespaceOrNewline: Bool {
    value < 0x80 && value != 0x20 && !(0x09...0x0D).contains(value)
  }

  /// True for ASCII scalars outside `CharacterSet.whitespaces` (tab and space are its only
  /// ASCII members); false for the rest, which Foundation decides.
  fileprivate var isCertainlyNotWhitespace: Bool {
    value < 0x80 && value != 0x20 && value != 0x09
  }
}
