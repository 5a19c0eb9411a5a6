import Foundation
import JobDeckProcess

public enum TmuxError: Error, CustomStringConvertible {
  case commandFailed(arguments: [String], exitCode: Int32, standardError: String)
  case timedOut(waitingFor: String, seconds: TimeInterval, lastScreen: String)

  public var description: String {
    switch self {
    case .commandFailed(let arguments, let exitCode, let standardError):
      return "tmux \(arguments.joined(separator: " ")) exited with \(exitCode): \(standardError)"
    case .timedOut(let waitingFor, let seconds, let lastScreen):
      return "waited \(seconds) s for \(waitingFor); the screen was:\n"
        + "------------------------------------------------\n\(lastScreen)\n"
        + "------------------------------------------------"
    }
  }
}

/// A program running in a private tmux server, driven like a user would drive it: keys go in,
/// the screen is read back, and every check waits until it holds (lazygit's integration tests)
/// instead of sleeping.
///
/// Each session has its own server socket (`tmux -L`) and no configuration (`-f /dev/null`), so
/// tests run in parallel and nothing from the user's tmux leaks in. The server is killed when the
/// session is released.
public final class TmuxSession {
  public let socketName: String
  public let sessionName = "jobdeck"
  private var isKilled = false

  /// Starts `command` (a program and its arguments, run directly, no shell) in a detached pane.
  /// - Parameters:
  ///   - environment: variables for the command, on top of `TERM=xterm-256color` and, unless
  ///     given, `LANG=C.UTF-8`.
  ///   - workingDirectory: where the command starts.
  ///   - keepsPaneAfterExit: keep the pane (and its last screen) after the command exits, so a
  ///     test can check what it left behind and its exit status (`waitForExit`).
  public init(command: [String], environment: [String: String] = [:], columns: Int = 80,
              rows: Int = 24, workingDirectory: String? = nil,
              keepsPaneAfterExit: Bool = true) throws {
    socketName = "jobdeck-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    var variables = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
    variables.merge(environment) { _, given in given }
    let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    // `env` sets the variables in the pane itself: tmux would otherwise put its own TERM there.
    var arguments = ["new-session", "-d", "-s", sessionName, "-x", "\(columns)", "-y", "\(rows)"]
    if let workingDirectory { arguments += ["-c", workingDirectory] }
    arguments += ["--", "/usr/bin/env"] + assignments + command
    if keepsPaneAfterExit {
      // In the same invocation, so it is set before a quick command can exit.
      arguments += [";", "set-option", "-t", sessionName, "remain-on-exit", "on"]
    }
    arguments += [";", "set-option", "-g", "window-size", "manual"]
    try tmux(arguments)
  }

  deinit {
    kill()
  }

  /// Types text exactly as given (`send-keys -l`: no key names are looked up in it).
  public func sendText(_ text: String) throws {
    try tmux(["send-keys", "-t", sessionName, "-l", "--", text])
  }

  /// Pastes `text` as a terminal paste does: through a tmux buffer and `paste-buffer -p`, which
  /// wraps it in bracketed-paste markers when the program asked for them.
  public func paste(_ text: String) throws {
    let file = NSTemporaryDirectory() + "/jobdeck-paste-\(UUID().uuidString)"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    try tmux(["load-buffer", "-b", "jobdeck-paste", file])
    try tmux(["paste-buffer", "-p", "-d", "-b", "jobdeck-paste", "-t", sessionName])
  }

  /// Presses keys by tmux name: `Enter`, `Escape`, `Tab`, `BTab`, `C-c`, `C-z`, `Up`, `NPage`,
  /// `F1`, or single characters such as `q`.
  public func sendKeys(_ keys: String...) throws {
    try sendKeys(keys)
  }

  public func sendKeys(_ keys: [String]) throws {
    try tmux(["send-keys", "-t", sessionName, "--"] + keys)
  }

  /// The visible screen as text, one line per row.
  public func capture() throws -> String {
    try tmux(["capture-pane", "-p", "-t", sessionName])
  }

  /// Waits until `text` is on the screen, and returns that screen.
  @discardableResult
  public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
    try waitUntil("\"\(text)\" on the screen", timeout: timeout) { $0.contains(text) }
  }

  /// Waits until `text` is no longer on the screen, and returns that screen.
  @discardableResult
  public func waitForAbsence(of text: String, timeout: TimeInterval = 10) throws -> String {
    try waitUntil("\"\(text)\" to leave the screen", timeout: timeout) { !$0.contains(text) }
  }

  /// Polls the screen every 50 ms until `condition` holds; on timeout the error shows the last
  /// screen seen, which is usually all one needs to see why.
  @discardableResult
  public func waitUntil(_ description: String, timeout: TimeInterval = 10,
                        _ condition: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while true {
      screen = try capture()
      if condition(screen) { return screen }
      if Date() >= deadline {
        throw TmuxError.timedOut(waitingFor: description, seconds: timeout, lastScreen: screen)
      }
      usleep(50_000)
    }
  }

  /// Resizes the window as a terminal emulator would; the program gets SIGWINCH.
  public func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", sessionName, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// Expands a tmux format for the pane, e.g. `#{alternate_on}` (1 while a full-screen program
  /// holds the alternate screen), `#{pane_dead}`, `#{cursor_x}`.
  public func displayMessage(_ format: String) throws -> String {
    let output = try tmux(["display-message", "-p", "-t", sessionName, format])
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Waits for the command to exit (needs `keepsPaneAfterExit`) and returns its exit status,
  /// or 128 plus the signal's number if a signal killed it, as a shell reports it.
  @discardableResult
  public func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    var fields: [String] = []
    while true {
      // The pane turns dead when its terminal closes, which can be a moment before tmux has
      // collected the exit status: wait for the status too. Under load tmux (3.3) sometimes
      // never reaps the pane's process at all; that zombie's wait status is still in
      // /proc/PID/stat.
      fields = try displayMessage(
        "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pane_pid}")
        .split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      if fields.count == 4, fields[0] == "1" {
        if let status = Int32(fields[1]) { return status }
        if let signal = Int32(fields[2]) { return 128 + signal }
        if let pid = Int32(fields[3]), let status = Self.zombieExitStatus(pid: pid) {
          return status
        }
      }
      if Date() >= deadline {
        let pid = fields.last ?? ""
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "gone"
        let wchan = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
        let state = fields.joined(separator: ":") + "; /proc: " + stat.prefix(80) + " wchan " + wchan
        throw TmuxError.timedOut(
          waitingFor: "the command to exit (pane dead:status:signal:pid = \(state))",
          seconds: timeout, lastScreen: (try? capture()) ?? "")
      }
      usleep(50_000)
    }
  }

  /// The exit status of a process that has exited but not been reaped, from field 52
  /// (`exit_code`, a waitpid(2) status) of `/proc/PID/stat`; nil unless it is a zombie.
  static func zombieExitStatus(pid: Int32) -> Int32? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let closing = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name (which may hold spaces) start with field 3, the state.
    let fields = stat[stat.index(after: closing)...].split(whereSeparator: \.isWhitespace)
    guard fields.first == "Z", fields.count > 49, let raw = Int32(fields[49]) else { return nil }
    let signal = raw & 0x7f
    return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
  }

  /// Whether the server (and so the session) is still there.
  public var isRunning: Bool {
    (try? tmux(["has-session", "-t", sessionName])) != nil
  }

  /// Runs any other tmux command on this session's server (`show-buffer`, `capture-pane -e`,
  /// `set-option`…) and returns its output; throws when tmux exits with a failure.
  @discardableResult
  public func command(_ arguments: [String]) throws -> String {
    try tmux(arguments)
  }

  /// Kills the server and everything in it. Safe to call more than once.
  public func kill() {
    guard !isKilled else { return }
    isKilled = true
    _ = try? tmux(["kill-server"])
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let fullArguments = ["-L", socketName, "-f", "/dev/null"] + arguments
    let result = try DaemonSafeCommand.run(["tmux"] + fullArguments)
    guard result.exitCode == 0 else {
      throw TmuxError.commandFailed(
        arguments: fullArguments, exitCode: result.exitCode,
        standardError: result.standardError)
    }
    return result.standardOutput
  }
}

/// Runs a short command whose child may become a daemon, as `tmux new-session` forks the tmux
/// server.
///
/// Foundation's `Process` cannot do this: it learns that a child exited when a descriptor the
/// child inherited is closed, and the daemon keeps that descriptor open for its whole life, so
/// `waitUntilExit` never returns. Here the output goes to files (a pipe would stay open in the
/// daemon just the same), nothing else is inherited, and the child is reaped with `waitpid`.
enum DaemonSafeCommand {
  static func run(_ arguments: [String]) throws -> ProcessResult {
    let base = NSTemporaryDirectory() + "/jobdeck-command-\(UUID().uuidString)"
    let outputPath = base + ".out"
    let errorPath = base + ".err"
    defer {
      unlink(outputPath)
      unlink(errorPath)
    }
    var environment = ProcessInfo.processInfo.environment
    // Inside a developer's tmux, TMUX would make some commands address that server instead.
    environment["TMUX"] = nil
    environment["TMUX_PANE"] = nil
    let launch = ProcessLaunch(
      arguments, environment: environment,
      standardInput: .opened(path: "/dev/null", flags: O_RDONLY),
      standardOutput: .opened(path: outputPath, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600),
      standardError: .opened(path: errorPath, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600))
    // Under the same lock as SpawnedChild, so no other test's half-made pipe leaks into tmux.
    let spawned = SpawnedChild.spawnLock.withLock { () -> Result<pid_t, LaunchError> in
      SpawnedChild.markDescriptorsCloseOnExec()
      return Result { () throws(LaunchError) in try launch.spawn() }
    }
    let pid: pid_t
    switch spawned {
    case .success(let child): pid = child
    case .failure(let error):
      throw TmuxError.commandFailed(arguments: arguments, exitCode: -1,
                                    standardError: String(cString: strerror(error.code)))
    }
    let exitCode = ProcessLaunch.wait(for: pid)?.exitStatus ?? -1
    return ProcessResult(
      exitCode: exitCode,
      standardOutput: String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(),
                             as: UTF8.self),
      standardError: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(),
                            as: UTF8.self))
  }
}
