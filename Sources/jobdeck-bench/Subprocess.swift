import Foundation
import Glibc
import JobDeckProcess

/// Runs a program and reports its wall time and peak resident memory.
///
/// The program is started by a small process of its own (`jobdeck-bench child measure`), which
/// times it and reads its peak from `wait4`. Started straight from the benchmark, a child's peak
/// would be wrong: `posix_spawn` starts it with a vfork, and at `exec` Linux records the
/// high-water mark of the address space it leaves (the benchmark's, which holds the generated
/// data) as the child's own. Started from the fresh measuring process, the mark carried over is
/// that process's own size at start, below that of any JobDeck process (both load the same
/// runtime), so the peak is the program's own, as `/usr/bin/time -f %M` reports it.
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
    let temporary = NSTemporaryDirectory() + "/jobdeck-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let outputPath = temporary + ".out"
    let measurePath = temporary + ".measured"
    defer {
      unlink(outputPath)
      unlink(measurePath)
    }
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    let launch = ProcessLaunch(
      [try measuringProgram(), "child", "measure", measurePath, timeout.map { "\($0)" } ?? "-",
        "--"] + arguments,
      environment: merged,
      standardInput: stdinCommand != nil
        ? .descriptor(pipeEnds[0]) : .opened(path: stdinPath ?? "/dev/null", flags: O_RDONLY),
      standardOutput: .opened(path: outputPath, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600),
      standardError: .sameAs(1))
    let measurer: pid_t
    do {
      measurer = try launch.spawn()
    } catch {
      throw Failure.cannotStart(launch.arguments[0], error.code)
    }
    _ = ProcessLaunch.wait(for: measurer)
    let measured = Measured(text: (try? String(contentsOfFile: measurePath, encoding: .utf8)) ?? "")
    guard let measured else {
      throw Failure.cannotStart(arguments[0], EIO)
    }
    if let code = measured.cannotStart { throw Failure.cannotStart(arguments[0], code) }
    if measured.timedOut {
      throw Failure.timedOut(arguments.joined(separator: " "), seconds: timeout ?? 0)
    }
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    if checked, measured.status != 0 {
      throw Failure.failed(arguments.joined(separator: " "), status: measured.status,
        output: output)
    }
    return Outcome(status: measured.status, seconds: measured.seconds,
      peakResidentBytes: measured.peakKilobytes * 1024, output: output)
  }

  /// `jobdeck-bench child measure RESULT TIMEOUT -- PROGRAM ARGUMENT…`, in the fresh measuring
  /// process: runs the program with this process's streams and environment, stops it after
  /// TIMEOUT seconds (`-`: never), and writes what `Measured` reads to RESULT.
  static func measure(_ arguments: [String]) throws {
    guard arguments.count > 3, arguments[2] == "--" else {
      throw BenchError("usage: jobdeck-bench child measure RESULT TIMEOUT -- PROGRAM …")
    }
    let resultPath = arguments[0]
    let timeout = Double(arguments[1])
    let program = Array(arguments[3...])
    let start = ContinuousClock.now
    let pid: pid_t
    do {
      pid = try ProcessLaunch(program).spawn()
    } catch {
      try "cannotStart=\(error.code)\n".write(toFile: resultPath, atomically: false, encoding: .utf8)
      return
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
    let seconds = (ContinuousClock.now - start).seconds
    try ("status=\(ChildTermination(waitStatus: status).exitCode) seconds=\(seconds)"
      + " peakKB=\(usage.ru_maxrss) timedOut=\(timedOut ? 1 : 0)\n")
      .write(toFile: resultPath, atomically: false, encoding: .utf8)
  }

  /// What the measuring process wrote.
  private struct Measured {
    var status: Int32 = 0
    var seconds = 0.0
    var peakKilobytes = 0
    var timedOut = false
    var cannotStart: Int32?

    init?(text: String) {
      let fields = Dictionary(text.split(whereSeparator: \.isWhitespace).compactMap { field in
        field.firstIndex(of: "=").map { (String(field[..<$0]), String(field[field.index(after: $0)...])) }
      }, uniquingKeysWith: { $1 })
      if let code = fields["cannotStart"].flatMap({ Int32($0) }) {
        cannotStart = code
        return
      }
      guard let status = fields["status"].flatMap({ Int32($0) }),
        let seconds = fields["seconds"].flatMap({ Double($0) }),
        let peak = fields["peakKB"].flatMap({ Int($0) })
      else { return nil }
      self.status = status
      self.seconds = seconds
      peakKilobytes = peak
      timedOut = fields["timedOut"] == "1"
    }
  }

  /// This benchmark's own executable, which is also the measuring process.
  private static func measuringProgram() throws -> String {
    try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
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
