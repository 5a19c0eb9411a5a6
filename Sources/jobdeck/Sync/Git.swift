import Foundation
import Glibc
import JobDeckProcess

/// `git` in one directory, run through the project's launcher (`ProcessLaunch`), never a shell.
struct Git {
  /// The repository's work tree (the store's directory).
  let directory: String

  struct Outcome {
    var status: Int32?
    /// Standard output and standard error together, as git interleaves them.
    var output: String
    var succeeded: Bool { status == 0 }
    var trimmed: String { output.trimmingCharacters(in: .whitespacesAndNewlines) }
  }

  struct Failure: Error, CustomStringConvertible {
    var arguments: [String]
    var outcome: Outcome
    var description: String {
      "git \(arguments.joined(separator: " ")) failed: \(outcome.trimmed)"
    }
  }

  /// Runs `git -C directory ARGUMENTS` to the end; its input is `/dev/null`, so git never waits
  /// for a password on our terminal (SSH keys and credential helpers still work).
  func run(_ arguments: [String]) throws -> Outcome {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw LaunchError(program: "git", code: errno) }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    let launch = ProcessLaunch(
      ["git", "-C", directory] + arguments, environment: environment,
      standardInput: .opened(path: "/dev/null", flags: O_RDONLY),
      standardOutput: .descriptor(ends[1]), standardError: .sameAs(1))
    let pid: pid_t
    do {
      pid = try launch.spawn()
    } catch {
      close(ends[0])
      close(ends[1])
      throw error
    }
    close(ends[1])
    let bytes = ProcessLaunch.readAll(from: ends[0]).bytes
    close(ends[0])
    let status: Int32?
    if case .exited(let code)? = ProcessLaunch.wait(for: pid) { status = code } else { status = nil }
    return Outcome(status: status, output: String(decoding: bytes, as: UTF8.self))
  }

  /// As `run`, throwing when git fails.
  @discardableResult
  func require(_ arguments: [String]) throws -> Outcome {
    let outcome = try run(arguments)
    guard outcome.succeeded else { throw Failure(arguments: arguments, outcome: outcome) }
    return outcome
  }
}
