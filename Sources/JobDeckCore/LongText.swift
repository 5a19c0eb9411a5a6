import Foundation

/// Long text (a posting's description) that may still be held as the body of the JSON string it
/// was read from, and becomes a `String` only when something reads it.
///
/// Descriptions are most of a store's bytes, yet opening a deck shows none of them: a store
/// reader checks each one (escapes, UTF-8) and keeps its bytes as written, packed in a shared
/// `LongTextBlock`, and a writer copies them back unchanged. Only bytes in the form the store's
/// writer produces (`LongText.isCanonicalJSONBody`) are kept this way, so writing them back is
/// byte for byte what writing the decoded text would give.
public struct LongText: Sendable {
  enum Storage: Sendable {
    case text(String)
    /// A string body (between the quotes) in canonical form, already validated.
    case json(block: LongTextBlock, start: Int, count: Int, hasEscapes: Bool)
  }

  let storage: Storage

  public init(_ text: String) {
    storage = .text(text)
  }

  /// Text whose JSON string body is `count` bytes of `block` from `start`. The caller vouches
  /// that the bytes are valid UTF-8, hold only valid escapes, and are in canonical form.
  public init(validatedJSONBodyIn block: LongTextBlock, start: Int, count: Int,
              hasEscapes: Bool) {
    storage = .json(block: block, start: start, count: count, hasEscapes: hasEscapes)
  }

  /// The text itself, decoded from its JSON body when it is still held that way.
  public var string: String {
    switch storage {
    case .text(let text): return text
    case .json(let block, let start, let count, let hasEscapes):
      return block.withBytes(start, count) { body in
        hasEscapes ? JSONStringBody.decoded(body) : String(decoding: body, as: UTF8.self)
      }
    }
  }

  /// The JSON body (canonical, without quotes) when the text is still held as one, for a
  /// writer to copy; nil when it is a `String`.
  public func withJSONBody<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
    guard case .json(let block, let start, let count, _) = storage else { return nil }
    return block.withBytes(start, count, body)
  }

  /// Whether the text holds something `firstMatch` finds in its UTF-8, where
  /// `firstMatch(bytes, from)` says where the first match at or after `from` starts (nil for
  /// none) and looks for a needle free of `"`, `\` and control characters.
  ///
  /// A text still held as its JSON body is searched in place, whole, in one pass: such a needle
  /// cannot span an escape, only seem to start inside one (the `n` of `\n`), and those matches
  /// are passed over. Searching every description then costs no decoding at all.
  public func containsPlainText(
    firstMatch: (_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int?
  ) -> Bool {
    switch storage {
    case .text(let text):
      if let found = text.utf8.withContiguousStorageIfAvailable({ firstMatch($0, 0) != nil }) {
        return found
      }
      var text = text
      return text.withUTF8 { firstMatch($0, 0) != nil }
    case .json(let block, let start, let count, let hasEscapes):
      return block.withBytes(start, count) { raw in
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        var from = 0
        while let match = firstMatch(bytes, from) {
          guard hasEscapes, JSONStringBody.isInsideEscape(bytes, at: match) else { return true }
          from = match + 1
        }
        return false
      }
    }
  }

  /// Whether `body` (a JSON string's bytes between its quotes, known to be valid) is exactly
  /// what a writer that escapes only `"`, `\` and control characters would write: `\"`, `\\`,
  /// `\b \t \n \f \r`, and `\u00xx` in lower case for the other control characters.
  public static func isCanonicalEscape(_ escape: UnsafeRawBufferPointer) -> Bool {
    JSONStringBody.isCanonicalEscape(escape)
  }
}

extension LongText: Hashable {
  public static func == (left: LongText, right: LongText) -> Bool {
    if case .json(let leftBlock, let leftStart, let leftCount, _) = left.storage,
      case .json(let rightBlock, let rightStart, let rightCount, _) = right.storage
    {
      // Canonical bodies are equal exactly when their texts are.
      if leftBlock === rightBlock, leftStart == rightStart { return leftCount == rightCount }
      guard leftCount == rightCount else { return false }
      return leftBlock.withBytes(leftStart, leftCount) { leftBytes in
        rightBlock.withBytes(rightStart, rightCount) { rightBytes in
          leftBytes.elementsEqual(rightBytes)
        }
      }
    }
    return left.string == right.string
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(string)
  }
}

extension LongText: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(string)
  }
}

extension LongText: CustomStringConvertible {
  public var description: String { string }
}

/// Bytes that many `LongText`s share, filled once by one reader and read-only afterwards.
///
/// Packing descriptions together costs one allocation per block instead of one per text, and
/// no more memory than their bytes.
public final class LongTextBlock: @unchecked Sendable {
  private var base: UnsafeMutableRawPointer
  public private(set) var capacity: Int
  public private(set) var count = 0

  public init(capacity: Int) {
    self.capacity = max(capacity, 1)
    // As Swift's own allocations do, running out of memory stops the program.
    guard let pointer = malloc(self.capacity) else { fatalError("out of memory") }
    base = pointer
  }

  deinit {
    free(base)
  }

  public var freeCapacity: Int { capacity - count }

  /// Appends `bytes` and returns where they start, or nil when they do not fit. Only the
  /// reader filling the block may call this, before any text of the block is read.
  public func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard bytes.count <= freeCapacity else { return nil }
    let start = count
    if let source = bytes.baseAddress {
      (base + start).copyMemory(from: source, byteCount: bytes.count)
    }
    count += bytes.count
    return start
  }

  /// Gives the unused capacity back, once the reader has appended everything (`realloc`
  /// shrinks in place, without a second copy of the bytes).
  public func shrinkToFit() {
    guard count < capacity, let smaller = realloc(base, max(count, 1)) else { return }
    base = smaller
    capacity = max(count, 1)
  }

  func withBytes<Result>(_ start: Int, _ count: Int,
                         _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    body(UnsafeRawBufferPointer(start: base + start, count: count))
  }
}
