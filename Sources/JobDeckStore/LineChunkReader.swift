import Foundation

/// Reads a file (or its first `length` bytes) in chunks that end at a line break, one chunk
/// ahead: while the caller decodes a chunk (on both cores), the next one is copied in from the
/// kernel on another thread, so the cores are not left waiting for each read in turn. The store
/// is read this way, and the summary's rows, which a reader may stop short of the end.
///
/// Two buffers take turns; the unfinished line at the end of one is carried to the start of the
/// other before the read ahead fills the rest, so no bytes move twice.
struct LineChunkReader {
  private let file: ReadableFile
  private let chunkSize: Int
  private let length: Int

  init(_ file: ReadableFile, chunkSize: Int, length: Int = .max) {
    self.file = file
    self.chunkSize = max(chunkSize, 4096)
    self.length = length
  }

  /// Calls `consume` with each line without its `\n`, in file order, until it returns false.
  /// The same answer as `forEachChunk`.
  func forEachLine(_ consume: (UnsafeRawBufferPointer) -> Bool) throws(StoreError) -> Bool {
    try forEachChunk { chunk in
      guard let base = chunk.baseAddress else { return true }
      var start = 0
      while start < chunk.count, let found = memchr(base + start, 0x0A, chunk.count - start) {
        let end = base.distance(to: UnsafeRawPointer(found))
        guard consume(UnsafeRawBufferPointer(rebasing: chunk[start..<end])) else { return false }
        start = end + 1
      }
      return true
    }
  }

  /// Calls `consume` with each chunk of complete lines, in file order, until it returns false.
  /// True when every byte was handed over, false when `consume` refused a chunk or the bytes
  /// do not end with a line break.
  func forEachChunk(_ consume: (UnsafeRawBufferPointer) -> Bool) throws(StoreError) -> Bool {
    try file.seek(to: 0)
    var current = Buffer(byteCount: chunkSize)
    var next = Buffer(byteCount: chunkSize)
    defer {
      current.deallocate()
      next.deallocate()
    }
    var filled = 0
    var isAtEnd = false
    // Bytes carried over hold no line break: the search starts after them.
    var carried = 0
    var unread = length
    while true {
      if !isAtEnd, filled < current.count {
        let room = min(current.count - filled, unread)
        let count = try file.fill(current.bytes(from: filled, to: filled + room))
        unread -= count
        isAtEnd = count < room || unread == 0
        filled += count
      }
      let complete = Self.endOfLastLine(in: current.bytes, from: carried, to: filled)
      guard complete > 0 else {
        if isAtEnd { return filled == 0 }
        // One line longer than the buffer: grow it and read on.
        if filled == current.count { current.grow(keeping: filled) }
        carried = filled
        continue
      }
      let tail = filled - complete
      let readAhead: ReadAhead?
      var room = 0
      if isAtEnd {
        readAhead = nil
      } else {
        if next.count < current.count { next.grow(toAtLeast: current.count) }
        next.copy(from: current, range: complete..<filled)
        room = min(next.count - tail, unread)
        readAhead = ReadAhead(file: file, into: next.bytes(from: tail, to: tail + room))
      }
      let accepted = consume(UnsafeRawBufferPointer(current.bytes(from: 0, to: complete)))
      // Always waited for: the read writes into `next`, which must outlive it.
      let count = try readAhead?.wait()
      guard accepted else { return false }
      guard let count else { return tail == 0 }
      swap(&current, &next)
      unread -= count
      isAtEnd = count < room || unread == 0
      filled = tail + count
      carried = tail
    }
  }

  /// Just past the last `\n` in `bytes[start..<end]`, or 0 when there is none.
  private static func endOfLastLine(in bytes: UnsafeMutableRawBufferPointer, from start: Int,
    to end: Int) -> Int
  {
    var position = end
    while position > start {
      if bytes[position - 1] == 0x0A { return position }
      position -= 1
    }
    return 0
  }

  /// Memory the reader owns and frees itself.
  private struct Buffer {
    private(set) var bytes: UnsafeMutableRawBufferPointer

    init(byteCount: Int) {
      bytes = .allocate(byteCount: byteCount, alignment: 16)
    }

    var count: Int { bytes.count }

    func bytes(from start: Int, to end: Int) -> UnsafeMutableRawBufferPointer {
      UnsafeMutableRawBufferPointer(rebasing: bytes[start..<end])
    }

    mutating func grow(keeping count: Int) {
      let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count * 2,
        alignment: 16)
      larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
      bytes.deallocate()
      bytes = larger
    }

    mutating func grow(toAtLeast count: Int) {
      bytes.deallocate()
      bytes = .allocate(byteCount: count, alignment: 16)
    }

    func copy(from other: Buffer, range: Range<Int>) {
      guard !range.isEmpty else { return }
      bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: other.bytes[range]))
    }

    func deallocate() {
      bytes.deallocate()
    }
  }

  /// One `fill` running on a thread of its own (not one of the workers that decode).
  private final class ReadAhead: @unchecked Sendable {
    private static let queue = DispatchQueue(label: "JobDeckStore.LineChunkReader")
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Int, StoreError> = .success(0)

    init(file: ReadableFile, into buffer: UnsafeMutableRawBufferPointer) {
      let target = Target(buffer: buffer)
      Self.queue.async { [self] in
        result = Result { () throws(StoreError) in try file.fill(target.buffer) }
        done.signal()
      }
    }

    func wait() throws(StoreError) -> Int {
      done.wait()
      return try result.get()
    }

    /// The buffer crosses to the reading thread; nothing else touches it until `wait` returns.
    private struct Target: @unchecked Sendable {
      let buffer: UnsafeMutableRawBufferPointer
    }
  }
}
