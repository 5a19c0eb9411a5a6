import Foundation
import Glibc
import JobDeckProcess

/// Runs a program and reports its wall time and peak resident memory (from `wait4`'s rusage,
/// which covers exactly that child).
struct Subprocess {
  struct Outcome {
    var status: Int32
    var seconds: Double
    var peakResidentBytes: Int
    var output: String
  }

  enum Failure: Error, CustomStringConvertible {
    case cannotStart(String, Int32)
    case failed(String, status: Int32, output: String)
    case timedOut(String, seconds: Double)

    var description: String {
      switch self {
      case .cannotStart(let program, let code):
        return "cannot start \(program): \(String(cString: strerror(code)))"
      case .timedOut(let program, let seconds):
        return "\(program) ran longer than \(Int(seconds)) s and was stopped"
      case .failed(let program, let status, let output):
        return "\(program) exited with status \(status): \(output.suffix(800))"
      }
    }
  }

  /// Runs `arguments[0]` (looked up on PATH) with `environment` added to ours; stdout and stderr
  /// go to a temporary file that is returned as `output`. With `stdinPath`, stdin reads it; with
  /// `stdinCommand`, stdin is a pipe from that command (started first, stopped after).
  static func run(_ arguments: [String], environment: [String: String] = [:],
    stdinPath: String? = nil, stdinCommand: [String]? = nil, checked: Bool = true,
    timeout: Double? = nil) throws -> Outcome
  {
    var generator: pid_t?
    var pipeEnds: [Int32] = [-1, -1]
    if let stdinCommand {
      guard pipe(&pipeEnds) == 0 else { throw Failure.cannotStart(stdinCommand[0], errno) }
      for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      do {
        generator = try ProcessLaunch(stdinCommand, standardOutput: .descriptor(pipeEnds[1]))
          .spawn()
        close(pipeEnds[1])
      } catch {
        close(pipeEnds[0])
        close(pipeEnds[1])
        throw Failure.cannotStart(stdinCommand[0], error.code)
      }
    }
    defer {
      if let generator {
        close(pipeEnds[0])
        kill(generator, SIGKILL)
        _ = ProcessLaunch.wait(for: generator)
      }
    }
    let outputPath = NSTemporaryDirectory() + "/jobdeck-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
    defer { unlink(outputPath) }
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    let launch = ProcessLaunch(
      arguments, environment: merged,
      standardInput: stdinCommand != nil
        ? .descriptor(pipeEnds[0]) : .opened(path: stdinPath ?? "/dev/null", flags: O_RDONLY),
      standardOutput: .opened(path: outputPath, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600),
      standardError: .sameAs(1))
    let start = ContinuousClock.now
    let pid: pid_t
    do {
      pid = try launch.spawn()
    } catch {
      throw Failure.cannotStart(arguments[0], error.code)
    }
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    while true {
      let waited = wait4(pid, &status, timeout == nil ? 0 : WNOHANG, &usage)
      if waited == pid { break }
      if waited < 0 && errno != EINTR { break }
      if let timeout, !timedOut, (ContinuousClock.now - start).seconds > timeout {
        kill(pid, SIGKILL)
        timedOut = true
      }
      if waited == 0 { usleep(20_000) }
    }
    if timedOut { throw Failure.timedOut(arguments.joined(separator: " "), seconds: timeout ?? 0) }
    let elapsed = ContinuousClock.now - start
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exitStatus = ChildTermination(waitStatus: status).exitCode
    if checked, exitStatus != 0 {
      throw Failure.failed(arguments.joined(separator: " "), status: exitStatus, output: output)
    }
    return Outcome(
      status: exitStatus, seconds: elapsed.seconds, peakResidentBytes: Int(usage.ru_maxrss) * 1024,
      output: output)
  }

  /// The full path of `program` on PATH, or nil.
  static func find(_ program: String) -> String? {
    if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }
}

extension Duration {
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}

/// Medians and percentiles of timing samples.
enum Statistics {
  static func median(_ values: [Double]) -> Double { percentile(values, 50) }

  /// Nearest-rank percentile.
  static func percentile(_ values: [Double], _ rank: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let index = Int((rank / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(index, 0), sorted.count - 1)]
  }
}
