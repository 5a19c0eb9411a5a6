/// Which pairs of adjacent bytes a text holds, as the full-text search folds them, kept in 128
/// bytes: a needle can occur in a text only if each of its adjacent byte pairs occurs there too,
/// so reading this summary instead of a description's kilobytes rules out most descriptions for
/// a word they lack.
///
/// Bytes fall into 32 classes: the 26 ASCII letters (either case, as the search folds them),
/// digits, space, the other ASCII characters, control characters, UTF-8 lead bytes and UTF-8
/// continuation bytes. Two bytes the search takes as equal always share a class, so a summary
/// may say a pair is there when it is not, never the reverse.
public enum BytePairs {
  /// One bit per pair of classes: 32 × 32 bits.
  public static let wordCount = 16

  /// The class of each byte, from 0 to 31.
  static let classes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
    switch byte {
    case 0x41...0x5A, 0x61...0x7A: UInt8(byte & 0x1F)  // 1 to 26
    case 0x30...0x39: 27
    case 0x20: 28
    case 0x00..<0x20: 0
    case 0x21..<0x80: 29
    case 0x80..<0xC0: 30
    default: 31
    }
  }

  @inline(__always)
  static func bit(_ first: UInt8, _ second: UInt8) -> Int { Int(first) << 5 | Int(second) }

  /// Sets in `words` (`wordCount` of them, zeroed) the bit of every pair of adjacent bytes.
  static func summarize(_ bytes: UnsafeRawBufferPointer, into words: UnsafeMutablePointer<UInt64>) {
    guard bytes.count >= 2 else { return }
    classes.withUnsafeBufferPointer { classes in
      var previous = classes[Int(bytes[0])]
      for index in 1..<bytes.count {
        let current = classes[Int(bytes[index])]
        let pair = bit(previous, current)
        words[pair >> 6] |= 1 << UInt64(pair & 63)
        previous = current
      }
    }
  }

  /// The pairs of classes a needle needs, as (word, bits) for each word that has some.
  public struct Needle: Sendable {
    let words: [Word]

    struct Word: Sendable {
      let index: Int
      let bits: UInt64
    }

    /// The pairs of `needle`'s adjacent bytes. A needle of fewer than two bytes needs none, and
    /// every text may hold it.
    public init(_ needle: some Collection<UInt8>) {
      var words = [UInt64](repeating: 0, count: BytePairs.wordCount)
      var previous: UInt8?
      for byte in needle {
        let current = BytePairs.classes[Int(byte)]
        if let previous {
          let pair = BytePairs.bit(previous, current)
          words[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        previous = current
      }
      self.words = words.indices.filter { words[$0] != 0 }.map { Word(index: $0, bits: words[$0]) }
    }

    /// Whether a text whose summary is `summary` may hold the needle.
    @inline(__always)
    func isAllowed(by summary: (Int) -> UInt64) -> Bool {
      for word in words where summary(word.index) & word.bits != word.bits { return false }
      return true
    }

    public var needsNothing: Bool { words.isEmpty }
  }
}
