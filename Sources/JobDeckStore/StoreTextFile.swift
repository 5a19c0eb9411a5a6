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
///
/// A file of JobDeck's own, unnamed, that nothing else can reach (`DescriptionSpill`) is read
/// the same way without that check, and grows by `append`.
final class StoreTextFile: LongTextSource, @unchecked Sendable {
  let name: String
  private let descriptor: Int32
  /// The status a store file must keep; nil for a private file.
  private let opened: stat?
  /// How many bytes a private file holds.
  private var appended = 0
  /// Guards the windows and `isChanged`; texts are read from any thread.
  private let lock = NSLock()
  /// Bytes read ahead for readers going through the texts in file order (a save, on two
  /// cores: two such readers at once), so that one read of the file serves many texts. A
  /// window's bytes are its thread's alone; the rest of it is guarded by `lock`.
  private var windows: [Window]
  private var isChanged = false

  private static let windowSize = 256 << 10
  private static let windowCount = 4
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
    windows = (0..<Self.windowCount).map { _ in Window() }
  }

  /// A new private file in `directory` (not linked into it: gone once closed), or nil when
  /// none can be made there.
  init?(privateIn directory: String) {
    // `O_TMPFILE` (not imported into Swift: a macro over `__O_TMPFILE`, the same value on
    // x86-64 and ARM64); else a named file, unlinked at once.
    var descriptor = open(directory, 0o20_000_000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      var template = Array(FileSystem.join(directory, ".jobdeck-import-XXXXXX").utf8CString)
      descriptor = template.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return -1 }
        let created = mkstemp(base)
        if created >= 0 {
          unlink(base)
          _ = fcntl(created, F_SETFD, FD_CLOEXEC)
        }
        return created
      }
    }
    guard descriptor >= 0 else { return nil }
    self.descriptor = descriptor
    opened = nil
    name = "a temporary file in \(directory)"
    windows = (0..<Self.windowCount).map { _ in Window() }
  }

  /// Adds `bytes` at the end of a private file; where they start, or nil when they could not
  /// all be written (nothing refers to them then, and the next append writes over them).
  func append(_ bytes: [UInt8]) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    let start = appended
    guard lseek(descriptor, off_t(start), SEEK_SET) >= 0,
      (try? FileSystem.writeAll(bytes, to: descriptor, path: name)) != nil
    else { return nil }
    appended += bytes.count
    return start
  }

  deinit {
    close(descriptor)
    for window in windows { window.bytes.deallocate() }
  }

  func withBytes<Result>(_ start: Int, _ count: Int,
    _ body: (UnsafeRawBufferPointer) -> Result) -> Result?
  {
    withUnsafeTemporaryAllocation(byteCount: max(count, 1), alignment: 16) { buffer in
      let bytes = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
      // A private file holds only what the store's writer wrote to it.
      guard copy(start, into: bytes),
        opened == nil || LongText.isCanonicalJSONBody(UnsafeRawBufferPointer(bytes))
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

  /// Fills `bytes` with the file's bytes at `start`, through the calling thread's window when
  /// its reads go through the file in order; false once the file is known to have changed.
  private func copy(_ start: Int, into bytes: UnsafeMutableRawBufferPointer) -> Bool {
    let end = start + bytes.count
    let thread = pthread_self()
    lock.lock()
    guard !isChanged else {
      lock.unlock()
      return false
    }
    // Each thread reads through a window of its own, outside the lock (a save writes on two
    // threads, each through its half of the file); threads beyond the windows read directly.
    var owned = windows.firstIndex { $0.owner.map { pthread_equal($0, thread) != 0 } ?? false }
    if owned == nil, let free = windows.firstIndex(where: { $0.owner == nil }) {
      windows[free].owner = thread
      owned = free
    }
    let window = owned.map { windows[$0] }
    lock.unlock()
    guard var window, let owned else {
      guard let count = read(at: start, into: bytes) else { return false }
      return count == bytes.count
    }
    defer {
      window.lastEnd = end
      lock.withLock { windows[owned] = window }
    }
    let isHeld = window.start <= start && end <= window.start + window.count
    let isInOrder = start >= window.lastEnd && start - window.lastEnd < Self.windowSize / 4
    if !isHeld, isInOrder, bytes.count <= Self.windowSize {
      guard let count = read(at: start, into: window.bytes) else { return false }
      window.start = start
      window.count = count
    }
    if window.start <= start && end <= window.start + window.count {
      let from = start - window.start
      bytes.copyMemory(from: UnsafeRawBufferPointer(
        rebasing: window.bytes[from..<from + bytes.count]))
      return true
    }
    guard let count = read(at: start, into: bytes) else { return false }
    return count == bytes.count
  }

  /// Bytes of the file read ahead for one thread.
  private struct Window {
    let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: StoreTextFile.windowSize,
      alignment: 16)
    var owner: pthread_t?
    var start = 0
    var count = 0
    var lastEnd = -1
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
    guard let opened else { return true }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return false }
    return info.st_dev == opened.st_dev && info.st_ino == opened.st_ino
      && info.st_size == opened.st_size
      && info.st_mtim.tv_sec == opened.st_mtim.tv_sec
      && info.st_mtim.tv_nsec == opened.st_mtim.tv_nsec
  }
}
