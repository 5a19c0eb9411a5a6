import Foundation
import JobDeckProcess
import Synchronization

/// A child process started with `posix_spawn`, its standard streams on pipes.
///
/// Foundation's `Process.run()` crashed here (a bad read inside its own setup) when many tests
/// started processes in parallel, taking the whole test run down; and it learns of a child's
/// exit only when every descriptor the child inherited is closed. `posix_spawn` plus `waitpid`
/// has neither problem.
public final class SpawnedChild: Sendable {
  /// How a child ended.
  public typealias Termination = ChildTermination

  public let pid: pid_t
  /// The parent's ends of the pipes; the caller closes them.
  public let standardInput: Int32
  public let standardOutput: Int32
  public let standardError: Int32
  private let ended = Mutex<Termination?>(nil)

  init(pid: pid_t, standardInput: Int32, standardOutput: Int32, standardError: Int32) {
    self.pid = pid
    self.standardInput = standardInput
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Starts `arguments[0]` (a path, or a name looked up in PATH) with exactly `environment`,
  /// nothing blocked and default signal handlers.
  ///
  /// With `discardingStreams`, the child's standard streams are /dev/null and the returned
  /// descriptors are -1.
  public static func start(_ arguments: [String], environment: [String: String],
                           discardingStreams: Bool = false) throws -> SpawnedChild
  {
    try spawnLock.withLock {
      markDescriptorsCloseOnExec()
      if discardingStreams {
        return try startLocked(arguments, environment: environment, childEnds: nil)
      }
      return try startWithPipesLocked(arguments, environment: environment)
    }
  }

  /// Nothing the test process has open (another test's pipe or socket) may outlive it in a
  /// child: a pipe kept open by a long-lived child (the tmux server) would block its reader for
  /// good. Every descriptor above 2 becomes close-on-exec before a spawn.
  static func markDescriptorsCloseOnExec() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else {
      return
    }
    for descriptor in names.compactMap({ Int32($0) }) where descriptor > 2 {
      let flags = fcntl(descriptor, F_GETFD)
      if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
    }
  }

  /// Pipes are made close-on-exec right after they are created; until then another thread's
  /// spawn would hand them to its child (whose exit would then never close them), so every
  /// spawn in this module happens under this lock.
  static let spawnLock = NSLock()

  private static func startWithPipesLocked(_ arguments: [String], environment: [String: String])
    throws -> SpawnedChild
  {
    // A child that exits before reading its input must not kill the test process with SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    var pipes: [[Int32]] = []
    for _ in 0..<3 {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else {
        for pair in pipes { pair.forEach { close($0) } }
        throw BuiltBinaryError.launchFailed(
          command: arguments, reason: String(cString: strerror(errno)))
      }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      pipes.append(ends)
    }
    // pipes[0]: the child reads stdin from [0]; pipes[1] and [2]: it writes to [1].
    let childEnds = [pipes[0][0], pipes[1][1], pipes[2][1]]
    let parentEnds = [pipes[0][1], pipes[1][0], pipes[2][0]]
    do {
      let child = try startLocked(arguments, environment: environment, childEnds: childEnds)
      childEnds.forEach { close($0) }
      return SpawnedChild(pid: child.pid, standardInput: parentEnds[0],
                          standardOutput: parentEnds[1], standardError: parentEnds[2])
    } catch {
      (childEnds + parentEnds).forEach { close($0) }
      throw error
    }
  }

  /// Spawns with the three child ends given (nil: /dev/null); returns -1 descriptors.
  private static func startLocked(_ arguments: [String], environment: [String: String],
                                  childEnds: [Int32]?) throws -> SpawnedChild
  {
    var launch = ProcessLaunch(arguments, environment: environment)
    if let childEnds {
      launch.standardInput = .descriptor(childEnds[0])
      launch.standardOutput = .descriptor(childEnds[1])
      launch.standardError = .descriptor(childEnds[2])
    } else {
      launch.standardInput = .opened(path: "/dev/null", flags: O_RDONLY)
      launch.standardOutput = .opened(path: "/dev/null", flags: O_WRONLY)
      launch.standardError = .opened(path: "/dev/null", flags: O_WRONLY)
    }
    let pid: pid_t
    do {
      pid = try launch.spawn()
    } catch {
      throw BuiltBinaryError.launchFailed(command: arguments, reason: String(cString: strerror(error.code)))
    }
    return SpawnedChild(pid: pid, standardInput: -1, standardOutput: -1, standardError: -1)
  }

  /// How the child ended, reaping it if it just did; nil while it runs.
  public func poll() -> Termination? {
    ended.withLock { ended in
      if let ended { return ended }
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      guard result == pid else { return nil }
      ended = ChildTermination(waitStatus: status)
      return ended
    }
  }

  public var isRunning: Bool { poll() == nil }

  /// Waits for the child to end, or nil when `timeout` passed first (it is left running).
  public func waitForTermination(timeout: TimeInterval = .infinity) -> Termination? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let termination = poll() { return termination }
      if Date() >= deadline { return nil }
      usleep(2_000)
    }
  }

  /// Stops a server started by a test, by its pid (SIGKILL: a test runner's children may
  /// inherit an ignored SIGTERM), and reaps it.
  public func stop() {
    if isRunning {
      kill(pid, SIGKILL)
      _ = waitForTermination()
    }
  }

  /// Waits for the child and returns its exit status (128 + N when killed by signal N), or nil
  /// when `timeout` passed first (the child is left running).
  public func waitForExit(timeout: TimeInterval) -> Int32? {
    waitForTermination(timeout: timeout)?.exitCode
  }
}
