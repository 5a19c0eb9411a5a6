import Glibc

/// How the process's allocator hands memory back, set once at start by each program.
public enum ProcessMemory {
  /// Keeps glibc's threshold for giving an allocation a mapping of its own at 128 KB. By
  /// default glibc raises it to the size of each large block freed (a store's read buffers,
  /// the lists of a large deck as they grow), and the next such blocks come from the heap,
  /// where freed memory stays part of the process: at 100,000 postings the UI then holds about
  /// 10 MB more for as long as it runs. Mapped blocks go back to the system when freed.
  public static func returnLargeBlocksWhenFreed() {
    // `mallopt` is declared in <malloc.h>, which Swift's Glibc module leaves out; looked up
    // instead, with glibc's `M_MMAP_THRESHOLD` (-3). Not there (another C library): nothing.
    typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: MallocOption.self)(-3, 128 << 10)
  }
}
