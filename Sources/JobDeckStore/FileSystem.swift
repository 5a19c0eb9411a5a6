import Foundation
import Glibc

/// The system calls the store needs, each turning a failure into a `StoreError` that says what
/// was being done and to which path. Written against Glibc directly because Foundation's
/// conveniences hide exactly the details (modes, symlinks, fsync) that make saving safe.
enum FileSystem {
  /// What a path's `stat` says, reduced to what the store uses.
  struct Status {
    var mode: mode_t
    var owner: uid_t
    var group: gid_t
    var fingerprint: StoreFingerprint

    var permissions: mode_t { mode & 0o7777 }
    var isDirectory: Bool { mode & S_IFMT == S_IFDIR }

    init(_ info: stat) {
      mode = info.st_mode
      owner = info.st_uid
      group = info.st_gid
      fingerprint = StoreFingerprint(
        device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
        modificationNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000
          + Int64(info.st_mtim.tv_nsec))
    }
  }

  /// `stat` following symlinks; nil when nothing is there (ENOENT), a thrown error otherwise.
  static func status(of path: String) throws(StoreError) -> Status? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT { return nil }
      throw .fileSystem(operation: "look at", path: path, errorNumber: code)
    }
    return Status(info)
  }

  static func status(ofDescriptor descriptor: Int32, path: String) throws(StoreError) -> Status {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .fileSystem(operation: "look at", path: path, errorNumber: errno)
    }
    return Status(info)
  }

  /// The file's bytes and its fingerprint, or nil when it does not exist.
  static func readFile(at path: String) throws(StoreError) -> (data: Data, status: Status)? {
    try ReadableFile.withFile(at: path) { file throws(StoreError) in
      (try file.readAll(), file.status)
    }
  }

  /// Writes every byte, retrying partial writes and interrupted calls.
  static func writeAll(_ data: some ContiguousBytes, to descriptor: Int32, path: String)
    throws(StoreError)
  {
    var failure: Int32 = 0
    data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var written = 0
      while written < buffer.count {
        let count = write(descriptor, base + written, buffer.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if count == 0 {
          failure = EIO
          return
        }
        written += count
      }
    }
    if failure != 0 { throw .fileSystem(operation: "write", path: path, errorNumber: failure) }
  }

  /// Gives a new file its mode, explicitly because the umask may have narrowed the one given to
  /// `open`, and, when root makes it, `owner`'s owner: root editing a user's store must not
  /// hand the file to root. A failed `fchown` only means the file system has no owners (a FAT
  /// stick), where there is nothing to preserve.
  static func setPermissions(_ permissions: mode_t, owner: Status?, of descriptor: Int32,
    path: String) throws(StoreError)
  {
    guard fchmod(descriptor, permissions) == 0 else {
      throw .fileSystem(operation: "set the permissions of", path: path, errorNumber: errno)
    }
    if let owner, geteuid() == 0, owner.owner != geteuid() || owner.group != getegid() {
      _ = fchown(descriptor, owner.owner, owner.group)
    }
  }

  /// Whether `path` is an existing directory; something else there is an error, because the
  /// store could never be created under it.
  static func directoryExists(_ path: String) throws(StoreError) -> Bool {
    guard let existing = try status(of: path) else { return false }
    guard existing.isDirectory else {
      throw .fileSystem(operation: "use the directory", path: path, errorNumber: ENOTDIR)
    }
    return true
  }

  /// Creates `path` and any missing parents with mode 0700: the store holds personal data, and
  /// the XDG specification asks for 0700 on the data directory.
  static func makeDirectories(_ path: String) throws(StoreError) {
    if try directoryExists(path) { return }
    let parent = directory(of: path)
    if parent != path { try makeDirectories(parent) }
    guard mkdir(path, 0o700) == 0 else {
      let code = errno
      if code == EEXIST, (try? status(of: path))??.isDirectory == true { return }
      throw .fileSystem(operation: "create the directory", path: path, errorNumber: code)
    }
  }

  /// Follows symlinks on the last path component, so a save replaces the link's target and
  /// the link itself survives. A dangling link resolves to where its target would be, but only
  /// when the target's directory exists: a link into a directory that is not there (a drive
  /// that is not mounted) is an error, not an empty store, and its folders are never created
  /// on the local disk.
  static func resolvingSymlinks(_ path: String) throws(StoreError) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0 else {
        let code = errno
        if current != path, code == ENOENT || code == ENOTDIR,
          (try? status(of: directory(of: current)))??.isDirectory != true
        {
          throw .fileSystem(operation: "follow the symbolic link \(path) to", path: current,
            errorNumber: code)
        }
        // Nothing there (yet), or a parent is not a directory: the caller's next step says which.
        if code == ENOENT || code == ENOTDIR { return current }
        throw .fileSystem(operation: "look at", path: current, errorNumber: code)
      }
      guard info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length >= 0 else {
        throw .fileSystem(operation: "read the symbolic link", path: current, errorNumber: errno)
      }
      let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) },
        as: UTF8.self)
      current = target.hasPrefix("/") ? target : join(directory(of: current), target)
    }
    throw .fileSystem(operation: "follow the symbolic link", path: path, errorNumber: ELOOP)
  }

  /// Makes a rename in `directory` durable: without it a power cut can bring back the old name.
  static func synchronizeDirectory(_ directory: String) throws(StoreError) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .fileSystem(operation: "open the directory", path: directory, errorNumber: errno)
    }
    defer { close(descriptor) }
    // Some file systems cannot sync a directory (EINVAL); there is nothing more to do there.
    guard fsync(descriptor) == 0 || errno == EINVAL else {
      throw .fileSystem(operation: "flush to disk the directory", path: directory,
        errorNumber: errno)
    }
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// Short random text for temporary names, so two writers never pick the same one.
  static func randomSuffix() -> String {
    String(UInt64.random(in: 0...UInt64.max), radix: 36)
  }
}

/// A file opened for reading, for callers that read it in pieces (the store loader streams a
/// large store instead of holding all of it).
struct ReadableFile {
  let descriptor: Int32
  let path: String
  /// Taken with `fstat` right after opening, as `FileSystem.readFile` does.
  let status: FileSystem.Status

  /// Opens `path` and runs `body` with it; nil when the file does not exist.
  static func withFile<T>(at path: String, _ body: (ReadableFile) throws(StoreError) -> T)
    throws(StoreError) -> T?
  {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { return nil }
      throw .fileSystem(operation: "open", path: path, errorNumber: code)
    }
    defer { close(descriptor) }
    let status = try FileSystem.status(ofDescriptor: descriptor, path: path)
    if status.isDirectory {
      throw .fileSystem(operation: "read", path: path, errorNumber: EISDIR)
    }
    return try body(ReadableFile(descriptor: descriptor, path: path, status: status))
  }

  /// Fills `buffer` from the current position, stopping early only at the end of the file.
  /// Returns how many bytes were read.
  func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(StoreError) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var filled = 0
    while filled < buffer.count {
      let count = read(descriptor, base + filled, buffer.count - filled)
      if count < 0 {
        if errno == EINTR { continue }
        throw .fileSystem(operation: "read", path: path, errorNumber: errno)
      }
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  /// Moves the position the next `fill` reads from.
  func seek(to offset: Int) throws(StoreError) {
    guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
      throw .fileSystem(operation: "read", path: path, errorNumber: errno)
    }
  }

  /// `count` bytes from `offset` (fewer at the end of the file).
  func bytes(at offset: Int, count: Int) throws(StoreError) -> [UInt8] {
    try seek(to: offset)
    var bytes = [UInt8](repeating: 0, count: count)
    let filled = bytes.withUnsafeMutableBytes { buffer in
      Result { () throws(StoreError) -> Int in try fill(buffer) }
    }
    return Array(bytes[0..<(try filled.get())])
  }

  /// The whole file from its first byte, whatever was read before.
  func readAll() throws(StoreError) -> Data {
    try seek(to: 0)
    var data = Data(count: Int(max(status.fingerprint.size, 0)))
    var filled = 0
    // Until end of file: the size from fstat is only a hint for the first allocation.
    while true {
      if filled == data.count { data.count += max(4096, data.count / 2) }
      let result = data.withUnsafeMutableBytes { buffer -> Result<Int, StoreError> in
        Result { () throws(StoreError) -> Int in
          try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
        }
      }
      filled += try result.get()
      if filled < data.count { break }
    }
    data.count = filled
    return data
  }
}
