import Foundation
import JobDeckCore

/// The store file a deck's descriptions were read from, read again whenever one is shown,
/// searched or written back. Descriptions are most of a store's bytes: held in memory, they
/// alone would make an open deck larger than its file.
///
/// The file stays open, so a store replaced by renaming a new file over it (as JobDeck and
/// `git` write) still reads as it was. A file changed in place by another program is caught:
/// after each read, its status (inode, size, modification time) is compared with
/// the one taken before the deck was read, and the bytes must still be a canonical string
/// body. A text that fails either is unavailable from then on (`LongText.withJSONBody`
/// throws, so a save stops and writes nothing); no other text is put in its place.
final class StoreTextFile: LongTextSource, @unchecked Sendable {
  let name: String
  private let descriptor: Int32
  private let opened: stat
  /// Guards the window and `isChanged`; texts are read from any thread.
  private let lock = NSLock()
  /// The bytes after the last text read, for a reader going through the texts in file order
  /// (a save, a comparison of decks): one read of the file for many texts.
  private let window: UnsafeMutableRawBufferPointer
  private var windowStart = 0
  private var windowCount = 0
  private var lastEnd = -1
  private var isChanged = false

  private static let windowSize = 256 << 10
  private static let rangeReadSize = 1 << 20
  /// Bytes between two texts read rather than skipped with a second read: a few records.
  private static let largestGapRead = 16 << 10

  /// Keeps `file` open (a descriptor of its own) for the texts read from it from now on.
  init(_ file: ReadableFile) throws(StoreError) {
    let descriptor = fcntl(file.descriptor, F_DUPFD_CLOEXEC, 0)
    guard descriptor >= 0 else {
      throw .fileSystem(operation: "open", path: file.path, errorNumber: errno)
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      close(descriptor)
      throw .fileSystem(operation: "read", path: file.path, errorNumber: code)
    }
    self.descriptor = descriptor
    opened = info
    name = file.path
    window = .allocate(byteCount: Self.windowSize, alignment: 16)
  }

  deinit {
    close(descriptor)
    window.deallocate()
  }

  func withBytes<Result>(_ start: Int, _ count: Int,
    _ body: (UnsafeRawBufferPointer) -> Result) -> Result?
  {
    withUnsafeTemporaryAllocation(byteCount: max(count, 1), alignment: 16) { buffer in
      let bytes = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
      guard copy(start, into: bytes), LongText.isCanonicalJSONBody(UnsafeRawBufferPointer(bytes))
      else {
        lock.withLock { isChanged = true }
        return nil
      }
      return body(UnsafeRawBufferPointer(bytes))
    }
  }

  func forEachRange(_ ranges: ArraySlice<Range<Int>>,
    _ body: (_ offset: Int, _ bytes: UnsafeRawBufferPointer) -> Void) -> Bool
  {
    var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.rangeReadSize,
      alignment: 16)
    defer { buffer.deallocate() }
    var bufferStart = 0
    var bufferCount = 0
    guard !lock.withLock({ isChanged }) else { return false }
    var following = ranges.startIndex
    for index in ranges.indices {
      let range = ranges[index]
      if range.lowerBound < bufferStart || range.upperBound > bufferStart + bufferCount {
        if range.count > buffer.count {
          buffer.deallocate()
          buffer = .allocate(byteCount: range.count, alignment: 16)
        }
        // With the texts that follow closely, as far as the buffer holds: scattered texts cost
        // a read each of their own size, neighbouring ones share reads of up to the buffer's.
        following = max(following, index)
        var end = max(range.upperBound, ranges[following].upperBound)
        while following + 1 < ranges.endIndex,
          ranges[following + 1].lowerBound - end <= Self.largestGapRead,
          ranges[following + 1].upperBound - range.lowerBound <= buffer.count
        {
          following += 1
          end = max(end, ranges[following].upperBound)
        }
        let length = end - range.lowerBound
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<length])
        guard let count = read(at: range.lowerBound, into: target), count >= range.count else {
          lock.withLock { isChanged = true }
          return false
        }
        bufferStart = range.lowerBound
        bufferCount = count
      }
      let from = range.lowerBound - bufferStart
      body(index - ranges.startIndex,
        UnsafeRawBufferPointer(rebasing: buffer[from..<from + range.count]))
    }
    return true
  }

  /// Fills `bytes` with the file's bytes at `start`, through the window when the reads go
  /// through the file in order; false once the file is known to have changed.
  private func copy(_ start: Int, into bytes: UnsafeMutableRawBufferPointer) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard !isChanged else { return false }
    let end = start + bytes.count
    defer { lastEnd = end }
    let isInOrder = start >= lastEnd && start - lastEnd < Self.windowSize / 4
    if (start < windowStart || end > windowStart + windowCount) && isInOrder
      && bytes.count <= window.count
    {
      guard let count = read(at: start, into: window) else { return false }
      windowStart = start
      windowCount = count
    }
    if start >= windowStart, end <= windowStart + windowCount {
      bytes.copyMemory(from: UnsafeRawBufferPointer(
        rebasing: window[(start - windowStart)..<(end - windowStart)]))
      return true
    }
    guard let count = read(at: start, into: bytes) else { return false }
    return count == bytes.count
  }

  /// Reads up to `buffer.count` bytes at `offset` (fewer only at the end of the file); nil
  /// when the read fails or the file is no longer as it was opened.
  private func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
    guard let base = buffer.baseAddress else { return 0 }
    var filled = 0
    while filled < buffer.count {
      let count = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { break }
      filled += count
    }
    return isUnchanged ? filled : nil
  }

  /// Whether the file is still the one, with the same content, that the texts were read from.
  /// Not the change time: renaming the store aside as its backup changes that, not the bytes.
  private var isUnchanged: Bool {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return false }
    return info.st_dev == opened.st_dev && info.st_ino == opened.st_ino
      && info.st_size == opened.st_size
      && info.st_mtim.tv_sec == opened.st_mtim.tv_sec
      && info.st_mtim.tv_nsec == opened.st_mtim.tv_nsec
  }
}
