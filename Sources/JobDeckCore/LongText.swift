import Foundation

/// Long text (a posting's description) that may still be held as the body of the JSON string it
/// was read from, and becomes a `String` only when something reads it.
///
/// Descriptions are most of a store's bytes, yet opening a deck shows none of them: a store
/// reader checks each one (escapes, UTF-8) and keeps where its bytes are, in the store file
/// itself or packed in a shared `LongTextBlock`, and a writer copies them back unchanged. Only
/// bytes in the form the store's writer produces (`JSONStringBody.isCanonical`) are kept this
/// way, so writing them back is byte for byte what writing the decoded text would give.
public struct LongText: Sendable {
  enum Storage: Sendable {
    case text(String)
    /// A string body (between the quotes) in canonical form, already validated.
    case json(source: any LongTextSource, start: Int, count: Int, hasEscapes: Bool)
  }

  let storage: Storage

  public init(_ text: String) {
    storage = .text(text)
  }

  /// Text whose JSON string body is `count` bytes of `source` from `start`. The caller vouches
  /// that the bytes are valid UTF-8, hold only valid escapes, and are in canonical form.
  public init(validatedJSONBodyIn source: any LongTextSource, start: Int, count: Int,
              hasEscapes: Bool) {
    storage = .json(source: source, start: start, count: count, hasEscapes: hasEscapes)
  }

  /// What `string` gives for a text whose bytes can no longer be read as they were (the store
  /// file was changed in place by another program): never written back (`withJSONBody`
  /// throws), only shown.
  public static let unavailableNotice =
    "(This description cannot be read: the store file was changed by another program while"
    + " JobDeck had it open. Open the store again to see it.)"

  /// The text itself, decoded from its JSON body when it is still held that way.
  public var string: String {
    switch storage {
    case .text(let text): return text
    case .json(let source, let start, let count, let hasEscapes):
      return source.withBytes(start, count) { body in
        hasEscapes ? JSONStringBody.decoded(body) : String(decoding: body, as: UTF8.self)
      } ?? Self.unavailableNotice
    }
  }

  /// The JSON body (canonical, without quotes) when the text is still held as one, for a
  /// writer to copy; nil when it is a `String`. Throws when the body can no longer be read as
  /// it was, so that nothing else is ever written in its place.
  public func withJSONBody<Result>(_ body: (UnsafeRawBufferPointer) -> Result)
    throws(LongTextUnavailable) -> Result?
  {
    guard case .json(let source, let start, let count, _) = storage else { return nil }
    guard let result = source.withBytes(start, count, body) else {
      throw LongTextUnavailable(source: source.name)
    }
    return result
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
    case .json(let source, let start, let count, let hasEscapes):
      return source.withBytes(start, count) { raw in
        Self.bodyContains(raw, hasEscapes: hasEscapes, firstMatch: firstMatch)
      } ?? false
    }
  }

  private static func bodyContains(
    _ raw: UnsafeRawBufferPointer, hasEscapes: Bool,
    firstMatch: (_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int?
  ) -> Bool {
    let bytes = raw.assumingMemoryBound(to: UInt8.self)
    var from = 0
    while let match = firstMatch(bytes, from) {
      guard hasEscapes, JSONStringBody.isInsideEscape(bytes, at: match) else { return true }
      from = match + 1
    }
    return false
  }

  /// `containsPlainText` for each of `texts` (see `forEachJSONBody(of:_:)`).
  public static func containPlainText(
    _ texts: [LongText],
    firstMatch: (_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int?
  ) -> [Bool] {
    var found = [Bool](repeating: false, count: texts.count)
    forEachJSONBody(of: texts) { index, body, hasEscapes in
      found[index] = body.map { bodyContains($0, hasEscapes: hasEscapes, firstMatch: firstMatch) }
        ?? texts[index].containsPlainText(firstMatch: firstMatch)
    }
    return found
  }

  /// Calls `body` with the position of each of `texts` and its JSON body as held (nil for a
  /// text held as a String, or whose bytes could not be read), and whether the body holds an
  /// escape. Each source's bodies are read together in the order of their bytes: one that
  /// reads from a file then reads neighbouring bodies at once instead of once for each text.
  /// The bodies are not checked again as `string` and `withJSONBody` check them: fit for
  /// searching and ruling out, not for showing or writing.
  public static func forEachJSONBody(
    of texts: [LongText],
    _ body: (_ index: Int, _ jsonBody: UnsafeRawBufferPointer?, _ hasEscapes: Bool) -> Void
  ) {
    var groups: [(source: any LongTextSource, bodies: [HeldBody])] = []
    for index in texts.indices {
      guard case .json(let source, let start, let count, let hasEscapes) = texts[index].storage
      else {
        body(index, nil, false)
        continue
      }
      let held = HeldBody(range: start..<start + count, hasEscapes: hasEscapes, text: index)
      if let last = groups.indices.last, groups[last].source === source {
        groups[last].bodies.append(held)
      } else if let group = groups.firstIndex(where: { $0.source === source }) {
        groups[group].bodies.append(held)
      } else {
        groups.append((source, [held]))
      }
    }
    for (source, var bodies) in groups {
      if !zip(bodies, bodies.dropFirst()).allSatisfy({
        $0.range.lowerBound <= $1.range.lowerBound
      }) {
        bodies.sort { $0.range.lowerBound < $1.range.lowerBound }
      }
      var seen = 0
      let complete = source.forEachRange(bodies.map(\.range)[...]) { offset, bytes in
        body(bodies[offset].text, bytes, bodies[offset].hasEscapes)
        seen = offset + 1
      }
      if !complete {
        for held in bodies[seen...] { body(held.text, nil, held.hasEscapes) }
      }
    }
  }

  /// Where one of the texts `containPlainText` searches is held, and which it is.
  private struct HeldBody {
    var range: Range<Int>
    var hasEscapes: Bool
    var text: Int
  }

  /// Whether `escape` (a backslash and what follows, 2 or 6 bytes) is exactly what a writer
  /// that escapes only `"`, `\` and control characters would write: `\"`, `\\`,
  /// `\b \t \n \f \r`, and `\u00xx` in lower case for the other control characters.
  public static func isCanonicalEscape(_ escape: UnsafeRawBufferPointer) -> Bool {
    JSONStringBody.isCanonicalEscape(escape)
  }

  /// Whether `body` is a whole string body in that form (see `JSONStringBody.isCanonical`).
  public static func isCanonicalJSONBody(_ body: UnsafeRawBufferPointer) -> Bool {
    JSONStringBody.isCanonical(body)
  }
}

extension LongText: Hashable {
  public static func == (left: LongText, right: LongText) -> Bool {
    if case .json(let leftSource, let leftStart, let leftCount, _) = left.storage,
      case .json(let rightSource, let rightStart, let rightCount, _) = right.storage
    {
      // Canonical bodies are equal exactly when their texts are.
      if leftSource === rightSource, leftStart == rightStart { return leftCount == rightCount }
      guard leftCount == rightCount else { return false }
      let equal = leftSource.withBytes(leftStart, leftCount) { leftBytes in
        rightSource.withBytes(rightStart, rightCount) { rightBytes in
          leftBytes.elementsEqual(rightBytes)
        }
      }
      if let equal, let equal { return equal }
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

/// Where `LongText`s held as JSON bodies keep their bytes: memory (`LongTextBlock`), or the
/// store file they were read from, read again when asked for (the store module's file source).
public protocol LongTextSource: AnyObject, Sendable {
  /// Says where the bytes are, in a message about bytes that cannot be read.
  var name: String { get }

  /// Calls `body` with the `count` bytes at `start`; nil, without calling it, when they can no
  /// longer be read as they were when the texts were made.
  func withBytes<Result>(_ start: Int, _ count: Int,
    _ body: (UnsafeRawBufferPointer) -> Result) -> Result?

  /// Calls `body` with each range's position in `ranges` and its bytes, in order; `ranges` are
  /// sorted by start and do not overlap. False when the bytes can no longer all be read as
  /// they were (`body` may then have seen some of them).
  func forEachRange(_ ranges: ArraySlice<Range<Int>>,
    _ body: (_ offset: Int, _ bytes: UnsafeRawBufferPointer) -> Void) -> Bool
}

/// A text's bytes cannot be read as they were: its store file was changed in place since.
public struct LongTextUnavailable: Error, CustomStringConvertible {
  public var source: String

  public var description: String {
    "a description kept in \(source) cannot be read as it was: the file was changed in place by"
      + " another program since it was opened; open it again (nothing was written)"
  }
}

/// Bytes that many `LongText`s share, filled once by one reader and read-only afterwards.
///
/// Packing descriptions together costs one allocation per block instead of one per text, and
/// no more memory than their bytes.
public final class LongTextBlock: LongTextSource, @unchecked Sendable {
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

  public var name: String { "memory" }

  public func withBytes<Result>(_ start: Int, _ count: Int,
                                _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
    body(UnsafeRawBufferPointer(start: base + start, count: count))
  }

  public func forEachRange(_ ranges: ArraySlice<Range<Int>>,
    _ body: (_ offset: Int, _ bytes: UnsafeRawBufferPointer) -> Void) -> Bool
  {
    for (offset, range) in ranges.enumerated() {
      body(offset, UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }
    return true
  }
}
