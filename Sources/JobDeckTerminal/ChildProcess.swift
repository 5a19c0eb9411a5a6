import Foundation
import Glibc
import JobDeckProcess

/// How the UI and the CLI start other programs (the editor, the browser, `xclip`, `notify-send`):
/// the few stream layouts they need, on top of the project's one launcher (`ProcessLaunch`).
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
    let (bytes, isTruncated) = ProcessLaunch.readAll(from: ends[0], limit: limit)
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
    var launch = ProcessLaunch(arguments, newProcessGroup: newProcessGroup,
                               defaultSignals: defaultSignals)
    switch streams {
    case .inherited:
      break
    case .allOpened(let path):
      launch.standardInput = .opened(path: path, flags: O_RDWR)
      launch.standardOutput = .sameAs(0)
      launch.standardError = .sameAs(0)
    case .outputInto(let descriptor, let otherPath):
      launch.standardInput = .opened(path: otherPath, flags: O_RDWR)
      launch.standardOutput = .descriptor(descriptor)
      launch.standardError = .sameAs(0)
    case .errorsInto(let descriptor, let otherPath):
      launch.standardInput = .opened(path: otherPath, flags: O_RDWR)
      launch.standardOutput = .sameAs(0)
      launch.standardError = .descriptor(descriptor)
    }
    return try launch.spawn()
  }

  /// Waits for the child, retrying when one of our signal handlers interrupts the wait.
  /// - Returns: the exit status, or nil if a signal killed it or it could not be waited for.
  static func waitForExit(_ pid: pid_t) -> Int32? {
    ProcessLaunch.wait(for: pid)?.exitStatus
  }
}

/// A program could not be started at all (not installed, not executable).
typealias SpawnError = LaunchError
