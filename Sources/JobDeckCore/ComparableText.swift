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

  /// `range(of: "://")`. In ASCII text, Foundation's comparison (by canonical equivalence) is
  /// plain byte equality, so the bytes are searched; other text is left to Foundation.
  var schemeSeparatorRange: Range<String.Index>? {
    let bytes = utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return range(of: "://") }
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
}
