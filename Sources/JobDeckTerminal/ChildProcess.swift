import Foundation
import Glibc

/// Starting other programs (the editor, the browser) with `posix_spawnp`: arguments go to the
/// program as they are, never through a shell, so a path or URL with spaces, quotes or `;` is
/// one argument and nothing more.
enum ChildProcess {
  /// Where the child's standard streams point.
  enum Streams {
    /// Inherit ours (the editor shares the terminal once curses has stepped aside).
    case inherited
    /// All three opened on this path, e.g. `/dev/tty` for the editor or `/dev/null` for a
    /// browser whose chatter must not scribble over the UI.
    case allOpened(path: String)
    /// Standard output into `descriptor` (a pipe we read), input and errors on `otherPath`
    /// (`/dev/null`): a helper such as `xclip` whose output is the answer.
    case outputInto(descriptor: Int32, otherPath: String)
    /// Standard error into `descriptor`, input and output on `otherPath`: a helper such as
    /// `notify-send` that is silent unless it fails, and then says why there.
    case errorsInto(descriptor: Int32, otherPath: String)
  }

  /// Which stream `run(_:collecting:limit:)` reads.
  enum CollectedStream {
    case output, errors
  }

  /// What a finished child left: its exit status (nil: killed by a signal) and the first
  /// `limit` bytes of the collected stream.
  struct Finished {
    var status: Int32?
    var bytes: [UInt8]
    /// The child wrote more than the limit; the rest was not read.
    var isTruncated: Bool
    var text: String { String(decoding: bytes, as: UTF8.self) }
  }

  /// Runs a helper to the end in its own process group, the other streams on `/dev/null`, and
  /// collects one stream through a pipe. Past `limit` bytes it stops reading (the child then
  /// gets SIGPIPE rather than blocking on a full pipe forever).
  static func run(_ arguments: [String], collecting stream: CollectedStream, limit: Int)
    throws(SpawnError) -> Finished
  {
    var ends: [Int32] = [0, 0]
    // Close-on-exec on both ends: the child gets only the write end, as the collected stream.
    guard pipe(&ends) == 0, fcntl(ends[0], F_SETFD, FD_CLOEXEC) == 0,
      fcntl(ends[1], F_SETFD, FD_CLOEXEC) == 0
    else {
      throw SpawnError(program: arguments.first ?? "", code: errno)
    }
    let pid: pid_t
    do {
      let streams: Streams = stream == .output
        ? .outputInto(descriptor: ends[1], otherPath: "/dev/null")
        : .errorsInto(descriptor: ends[1], otherPath: "/dev/null")
      pid = try spawn(arguments, streams: streams, newProcessGroup: true,
        defaultSignals: [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE])
    } catch {
      close(ends[0])
      close(ends[1])
      throw error
    }
    close(ends[1])
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var isTruncated = false
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(ends[0], $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      if bytes.count + count > limit {
        isTruncated = true
        break
      }
      bytes.append(contentsOf: buffer[0..<count])
    }
    close(ends[0])
    return Finished(status: waitForExit(pid), bytes: bytes, isTruncated: isTruncated)
  }

  /// - Parameters:
  ///   - arguments: the program (looked up in `PATH` when it has no slash) and its arguments.
  ///   - newProcessGroup: put the child in its own group, so Ctrl-C in the UI does not reach it.
  ///   - defaultSignals: reset in the child, because ignored signals survive `exec`.
  /// - Returns: the child's pid.
  static func spawn(_ arguments: [String], streams: Streams, newProcessGroup: Bool,
                    defaultSignals: [Int32]) throws(SpawnError) -> pid_t {
    guard let program = arguments.first, !program.isEmpty else {
      throw SpawnError(program: "", code: EINVAL)
    }
    var fileActions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fileActions)
    defer { posix_spawn_file_actions_destroy(&fileActions) }
    if case .allOpened(let path) = streams {
      posix_spawn_file_actions_addopen(&fileActions, 0, path, O_RDWR, 0)
      posix_spawn_file_actions_adddup2(&fileActions, 0, 1)
      posix_spawn_file_actions_adddup2(&fileActions, 0, 2)
    }
    if case .outputInto(let descriptor, let otherPath) = streams {
      posix_spawn_file_actions_adddup2(&fileActions, descriptor, 1)
      posix_spawn_file_actions_addclose(&fileActions, descriptor)
      posix_spawn_file_actions_addopen(&fileActions, 0, otherPath, O_RDWR, 0)
      posix_spawn_file_actions_adddup2(&fileActions, 0, 2)
    }
    if case .errorsInto(let descriptor, let otherPath) = streams {
      posix_spawn_file_actions_adddup2(&fileActions, descriptor, 2)
      posix_spawn_file_actions_addclose(&fileActions, descriptor)
      posix_spawn_file_actions_addopen(&fileActions, 0, otherPath, O_RDWR, 0)
      posix_spawn_file_actions_adddup2(&fileActions, 0, 1)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    if newProcessGroup {
      flags |= Int32(POSIX_SPAWN_SETPGROUP)
      posix_spawnattr_setpgroup(&attributes, 0)
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in defaultSignals { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    argv.append(nil)
    defer { for pointer in argv { free(pointer) } }

    var pid: pid_t = 0
    let code = posix_spawnp(&pid, program, &fileActions, &attributes, argv, environ)
    guard code == 0 else { throw SpawnError(program: program, code: code) }
    return pid
  }

  /// Waits for the child, retrying when one of our signal handlers interrupts the wait.
  /// - Returns: the exit status, or nil if a signal killed it or it could not be waited for.
  static func waitForExit(_ pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      if errno != EINTR { return nil }
    }
    // WIFEXITED / WEXITSTATUS are macros Swift cannot import; their glibc definitions.
    let terminatingSignal = status & 0x7f
    guard terminatingSignal == 0 else { return nil }
    return (status >> 8) & 0xff
  }
}

/// A program could not be started at all (not installed, not executable).
struct SpawnError: Error, CustomStringConvertible {
  let program: String
  let code: Int32

  var description: String {
    "could not start '\(program)': \(String(cString: strerror(code)))"
  }
}
