import Foundation
import JobDeckCore

/// Where a reader keeps the long texts it keeps undecoded: in place in the store file they are
/// read from (`StoreTextFile`), or, for bytes that are not a file's, packed in memory, one
/// block per share of the bytes (its size reserved up front, the rest given back at the end),
/// else one block per text.
struct LongTextArena {
  private var block: LongTextBlock?
  private var reservation = 0
  /// False for a read that never shows a description (the agenda's): each is checked as
  /// strictly as any, then dropped, so a file that would not load is still refused.
  let keepsTexts: Bool
  /// The file the bytes being read are, and where they start in it.
  private var file: (source: StoreTextFile, base: UnsafeRawPointer, offset: Int)?

  init(keepsTexts: Bool = true) {
    self.keepsTexts = keepsTexts
  }

  /// Texts from now on are kept in `source` as read again from there: `bytes` are that file's
  /// from `offset`.
  mutating func keep(in source: StoreTextFile, bytes: UnsafeRawBufferPointer, offset: Int) {
    guard let base = bytes.baseAddress else { return }
    finish()
    file = (source, base, offset)
  }

  /// The texts stored until the next `finish` take at most `capacity` bytes in all.
  mutating func reserve(_ capacity: Int) {
    finish()
    reservation = capacity
  }

  mutating func store(_ body: UnsafeRawBufferPointer, hasEscapes: Bool) -> LongText {
    if let file, let start = body.baseAddress {
      return LongText(validatedJSONBodyIn: file.source,
        start: file.offset + file.base.distance(to: start), count: body.count,
        hasEscapes: hasEscapes)
    }
    if let block, let start = block.append(body) {
      return LongText(validatedJSONBodyIn: block, start: start, count: body.count,
        hasEscapes: hasEscapes)
    }
    finish()
    let block = LongTextBlock(capacity: max(body.count, reservation))
    reservation = 0
    self.block = block
    let start = block.append(body) ?? 0
    return LongText(validatedJSONBodyIn: block, start: start, count: body.count,
      hasEscapes: hasEscapes)
  }

  /// Gives back the current block's unused capacity; call it before any stored text is read.
  mutating func finish() {
    block?.shrinkToFit()
    block = nil
  }
}

extension StoreReader {
  /// A string value kept as its JSON body when that body is valid and canonical, which is
  /// checked here as strictly as `readString` checks; any other string goes through
  /// `readString`, which decodes it or says what is wrong with it. Nil, once checked, when the
  /// arena keeps no texts.
  mutating func readLongText(_ arena: inout LongTextArena) throws(StoreReadError) -> LongText? {
    skipSpace()
    let start = index
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw mismatch(expecting: "a string")
    }
    var position = start + 1
    var hasEscapes = false
    while true {
      let (end, nonASCII) = scanRun(from: position)
      guard end < bytes.count, !nonASCII || isValidUTF8(position..<end) else { break }
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") {
        index = end + 1
        guard arena.keepsTexts else { return nil }
        return arena.store(UnsafeRawBufferPointer(rebasing: bytes[start + 1..<end]),
          hasEscapes: hasEscapes)
      }
      guard byte == UInt8(ascii: "\\") else { break }
      let length = end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "u") ? 6 : 2
      guard end + length <= bytes.count,
        LongText.isCanonicalEscape(UnsafeRawBufferPointer(rebasing: bytes[end..<end + length]))
      else { break }
      hasEscapes = true
      position = end + length
    }
    index = start
    let text = try readString()
    return arena.keepsTexts ? LongText(text) : nil
  }

  /// Whether `range` holds well-formed UTF-8 (as `String(validating:)` sees it). A run between
  /// escapes is checked on its own: an escape inside a multi-byte character is never valid.
  private func isValidUTF8(_ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    let end = range.upperBound
    @inline(__always) func isContinuation(_ offset: Int) -> Bool {
      bytes[index + offset] & 0xC0 == 0x80
    }
    while index < end {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        while index + 8 <= end,
          bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        continue
      }
      switch lead {
      case 0xC2...0xDF:
        guard index + 1 < end, isContinuation(1) else { return false }
        index += 2
      case 0xE0...0xEF:
        guard index + 2 < end, isContinuation(1), isContinuation(2) else { return false }
        let second = bytes[index + 1]
        // Overlong forms, and the surrogates UTF-16 reserves.
        if lead == 0xE0 && second < 0xA0 || lead == 0xED && second >= 0xA0 { return false }
        index += 3
      case 0xF0...0xF4:
        guard index + 3 < end, isContinuation(1), isContinuation(2), isContinuation(3) else {
          return false
        }
        let second = bytes[index + 1]
        // Overlong forms, and scalars above U+10FFFF.
        if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second >= 0x90 { return false }
        index += 4
      default:
        return false
      }
    }
    return true
  }
}
