import Glibc

/// The one way JobDeck starts another program (the editor, the browser, `notify-send`, `xclip`;
/// in the tests tmux and the built binary; in the benchmark the reference tools).
///
/// `posix_spawnp` with the arguments as they are, never through a shell, so a path or URL with
/// spaces, quotes or `;` is one argument and nothing more. Foundation's `Process` is not used: it
/// learns of a child's exit only when every descriptor the child inherited is closed (a daemon
/// such as the tmux server keeps them for life), and it crashed when many tests started
/// processes in parallel.
public struct ProcessLaunch: Sendable {
  /// Where one of the child's standard streams (0, 1, 2) comes from.
  public enum Stream: Sendable, Equatable {
    /// Ours, as it is (the editor shares the terminal once curses has stepped aside).
    case inherited
    /// A file opened in the child, e.g. `/dev/null`, `/dev/tty` or an output file.
    case opened(path: String, flags: Int32, mode: mode_t = 0)
    /// One of our descriptors (a pipe's end), duplicated onto the stream; the original is
    /// closed in the child.
    case descriptor(Int32)
    /// The same as a lower stream of the child, already set (stderr into stdout's file).
    case sameAs(Int32)
  }

  public var arguments: [String]
  /// Exactly the child's environment; nil gives it ours.
  public var environment: [String: String]?
  public var standardInput: Stream
  public var standardOutput: Stream
  public var standardError: Stream
  /// Puts the child in its own process group, so Ctrl-C in the UI does not reach it.
  public var newProcessGroup: Bool
  /// Reset to their default action in the child, because ignored signals survive `exec`.
  /// The child always starts with no signal blocked: a test runs on a libdispatch thread, which
  /// blocks every signal, and a blocked mask is inherited too.
  public var defaultSignals: [Int32]

  public init(_ arguments: [String], environment: [String: String]? = nil,
              standardInput: Stream = .inherited, standardOutput: Stream = .inherited,
              standardError: Stream = .inherited, newProcessGroup: Bool = false,
              defaultSignals: [Int32] = ProcessLaunch.commonSignals)
  {
    self.arguments = arguments
    self.environment = environment
    self.standardInput = standardInput
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.newProcessGroup = newProcessGroup
    self.defaultSignals = defaultSignals
  }

  /// The signals a terminal program or a test child expects at their default action.
  public static let commonSignals: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGCHLD, SIGWINCH, SIGXFSZ,
  ]

  /// Starts the program (looked up in `PATH` when it has no slash).
  /// - Returns: the child's pid; the caller waits for it (`waitForExit`, `waitpid`, `wait4`).
  public func spawn() throws(LaunchError) -> pid_t {
    guard let program = arguments.first, !program.isEmpty else {
      throw LaunchError(program: "", code: EINVAL)
    }
    var fileActions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&fileActions)
    defer { posix_spawn_file_actions_destroy(&fileActions) }
    var duplicated: Set<Int32> = []
    for (target, stream) in [standardInput, standardOutput, standardError].enumerated() {
      let target = Int32(target)
      switch stream {
      case .inherited:
        break
      case .opened(let path, let flags, let mode):
        posix_spawn_file_actions_addopen(&fileActions, target, path, flags, mode)
      case .descriptor(let source):
        posix_spawn_file_actions_adddup2(&fileActions, source, target)
        duplicated.insert(source)
      case .sameAs(let source):
        posix_spawn_file_actions_adddup2(&fileActions, source, target)
      }
    }
    for source in duplicated.sorted() where source > 2 {
      posix_spawn_file_actions_addclose(&fileActions, source)
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

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { environment in
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    }
    defer {
      argv.forEach { free($0) }
      envp?.forEach { free($0) }
    }
    var pid: pid_t = 0
    let code: Int32
    if var environmentPointers = envp {
      code = posix_spawnp(&pid, program, &fileActions, &attributes, &argv, &environmentPointers)
    } else {
      code = posix_spawnp(&pid, program, &fileActions, &attributes, &argv, environ)
    }
    guard code == 0 else { throw LaunchError(program: program, code: code) }
    return pid
  }

  /// Waits for the child, retrying when a signal handler interrupts the wait.
  /// - Returns: how it ended, or nil if it could not be waited for.
  public static func wait(for pid: pid_t) -> ChildTermination? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      if errno != EINTR { return nil }
    }
    return ChildTermination(waitStatus: status)
  }

  /// Reads a child's pipe until it closes or `limit` bytes have come; true in `isTruncated`
  /// when it stopped at the limit (the child then gets SIGPIPE rather than blocking forever).
  public static func readAll(from descriptor: Int32, limit: Int = .max)
    -> (bytes: [UInt8], isTruncated: Bool)
  {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return (bytes, false) }
      if bytes.count + count > limit { return (bytes, true) }
      bytes.append(contentsOf: buffer[0..<count])
    }
  }
}

/// How a child ended.
public enum ChildTermination: Equatable, Sendable {
  case exited(Int32)
  case signalled(Int32)

  /// Decodes `waitpid`'s status: WIFEXITED/WEXITSTATUS/WTERMSIG are macros Swift cannot import;
  /// these are their glibc definitions.
  public init(waitStatus status: Int32) {
    let signal = status & 0x7f
    self = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }

  /// The shell's convention: the exit status, or 128 + the signal.
  public var exitCode: Int32 {
    switch self {
    case .exited(let status): return status
    case .signalled(let signal): return 128 + signal
    }
  }

  /// The exit status, or nil when a signal ended the child.
  public var exitStatus: Int32? {
    if case .exited(let status) = self { return status }
    return nil
  }
}

/// A program could not be started at all (not installed, not executable).
public struct LaunchError: Error, CustomStringConvertible, Sendable {
  public let program: String
  public let code: Int32

  public init(program: String, code: Int32) {
    self.program = program
    self.code = code
  }

  public var description: String {
    "could not start '\(program)': \(String(cString: strerror(code)))"
  }
}
