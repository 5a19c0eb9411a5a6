import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// Tools the reliability proofs share: counts from the environment, a child that can be killed
/// at a chosen instant, a multi-megabyte store, privilege dropping and scratch mounts.
enum Reliability {
  /// How many times a loop runs. `JOBDECK_RELIABILITY_ITERATIONS=N` makes the main loop (the
  /// CLI kill -9 loop, default 60) run N times and scales every other loop by N / 60, never
  /// below one: `JOBDECK_RELIABILITY_ITERATIONS=200` is the long version.
  static func iterations(default count: Int) -> Int {
    guard let text = ProcessInfo.processInfo.environment["JOBDECK_RELIABILITY_ITERATIONS"],
      let requested = Int(text), requested > 0
    else { return count }
    return max(1, count * requested / baseIterations)
  }

  /// The main loop's count when nothing is asked: fits the CI budget on two shared cores.
  static let baseIterations = 60

  /// A seed printed with every failure, so a failing random run can be repeated with
  /// `JOBDECK_RELIABILITY_SEED`.
  static func seed() -> UInt64 {
    if let text = ProcessInfo.processInfo.environment["JOBDECK_RELIABILITY_SEED"],
      let seed = UInt64(text)
    {
      return seed
    }
    return UInt64.random(in: 1...UInt64(UInt32.max))
  }

  /// The environment `CLIWorkspace` gives its commands, for children started without it.
  static func environment(for workspace: CLIWorkspace) -> [String: String] {
    var base = ProcessInfo.processInfo.environment
    base["JOBDECK_STORE"] = nil
    base["XDG_DATA_HOME"] = nil
    base["HOME"] = workspace.directory
    base["TZ"] = "Europe/Berlin"
    base["JOBDECK_NOW"] = workspace.now
    return base
  }

  /// Temporary files a save leaves while it runs (`.store.json.tmp-*`), in `directory`.
  static func temporaryFiles(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
      .filter { $0.hasPrefix(".store.json.tmp-") }
  }

  /// Makes the workspace's store a few megabytes big: `count` postings with long descriptions
  /// beside the records the test works on. Written once through `jobdeck add`, then cloned in
  /// JSON, which is how a user's years-old store looks to the loader.
  static func growStore(of workspace: CLIWorkspace, postings count: Int,
                        descriptionBytes: Int = 1_500) throws {
    let words = "Design, build and run data pipelines; mentor; review code; on call. "
    let description = String(String(repeating: words, count: descriptionBytes / words.count + 1)
      .prefix(descriptionBytes))
    let added = try workspace.jobdeck(["add", "posting", "--company", "Filler", "--title",
      "Template", "--description", description, "--tag", "bulk"])
    #expect(added.exitCode == 0, "\(added.standardError)")
    let object = try JSONSerialization.jsonObject(with: try workspace.storeBytes())
    var root = try #require(object as? [String: Any])
    var postings = try #require(root["postings"] as? [[String: Any]])
    let template = try #require(postings.first { ($0["company"] as? String) == "Filler" })
    for index in 0..<count {
      var copy = template
      copy["id"] = "filler-\(index)"
      copy["title"] = "Role \(index)"
      postings.append(copy)
    }
    root["postings"] = postings
    let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
    try data.write(to: URL(fileURLWithPath: workspace.storePath))
  }

  /// How a child started by `runKilling` ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signalled(Int32)
  }

  /// Starts `arguments` (the first is the executable), waits `delay` seconds, sends SIGKILL and
  /// reaps it. A child that finished before the signal reports its exit status: the kill of a
  /// zombie does nothing, so "exited 0" really means the command completed.
  static func runKilling(_ arguments: [String], environment: [String: String],
                         after delay: Double) throws -> Ending {
    let process = try spawn(arguments, environment: environment)
    if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
    kill(process.pid, SIGKILL)
    return reap(process)
  }

  /// Starts `arguments`, watches `directory` until a save's temporary file appears (the save has
  /// begun), waits `delay` more seconds and sends SIGKILL. Returns how the child ended and how
  /// long after the temporary file appeared it did (nil if none was seen). `delay` nil: let it
  /// run to the end (for measuring the save).
  static func runKillingDuringSave(_ arguments: [String], environment: [String: String],
                                   directory: String, delay: Double?) throws
    -> (ending: Ending, afterTemporary: Double?)
  {
    let process = try spawn(arguments, environment: environment)
    var seen: ContinuousClock.Instant?
    while process.isRunning {
      if seen == nil, !temporaryFiles(in: directory).isEmpty {
        seen = .now
        if let delay {
          if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
          kill(process.pid, SIGKILL)
          return (reap(process), delay)
        }
      }
      usleep(300)
    }
    return (reap(process), seen.map { (ContinuousClock.now - $0).seconds })
  }

  /// Starts a child with standard streams on /dev/null and nothing else of ours inherited: an
  /// inherited descriptor (another test's pipe) would outlive its owner.
  static func spawn(_ arguments: [String], environment: [String: String]) throws -> SpawnedChild {
    try SpawnedChild.start(arguments, environment: environment, discardingStreams: true)
  }

  static func reap(_ process: SpawnedChild) -> Ending {
    switch process.waitForTermination() {
    case .exited(let status): return .exited(status)
    case .signalled(let signal): return .signalled(signal)
    case nil: return .signalled(SIGKILL)
    }
  }

  /// Runs the built `jobdeck` as the unprivileged user `nobody` (CI runs as root, for whom
  /// permission bits mean nothing).
  static func jobdeckAsNobody(_ arguments: [String], workspace: CLIWorkspace) throws
    -> ProcessResult
  {
    let binary = try BuiltBinary.jobdeck()
    return try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/setpriv")).run(
      ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary.url.path] + arguments,
      environment: environment(for: workspace))
  }

  /// Runs a command (a program and its arguments) and returns its result.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String]? = nil) throws
    -> ProcessResult
  {
    try BuiltBinary(url: URL(fileURLWithPath: arguments[0])).run(
      Array(arguments.dropFirst()), environment: environment)
  }

  /// Whether this process may mount file systems (root outside a restricted container).
  static let canMount: Bool = {
    guard geteuid() == 0, let directory = try? TemporaryDirectory(prefix: "jobdeck-mountcheck")
    else { return false }
    guard let mounted = try? run(["/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs",
      directory.path]), mounted.exitCode == 0
    else { return false }
    _ = try? run(["/bin/umount", directory.path])
    return true
  }()

  /// Whether `setpriv` can drop to `nobody` here.
  static let canDropPrivileges: Bool = {
    guard geteuid() == 0 else { return false }
    let result = try? run(["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup",
      "--clear-groups", "/bin/true"])
    return result?.exitCode == 0
  }()
}

/// A tmpfs mounted on a fresh directory for one test; unmounted when released.
final class ScratchMount {
  let directory: TemporaryDirectory
  var path: String { directory.path }

  init(sizeKilobytes: Int) throws {
    directory = try TemporaryDirectory(prefix: "jobdeck-tmpfs")
    let result = try Reliability.run(["/bin/mount", "-t", "tmpfs", "-o",
      "size=\(sizeKilobytes)k,mode=0755", "tmpfs", directory.path])
    guard result.exitCode == 0 else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [
        NSLocalizedDescriptionKey: "mount failed: \(result.standardError)",
      ])
    }
  }

  func remount(readOnly: Bool) throws {
    let result = try Reliability.run(["/bin/mount", "-o", readOnly ? "remount,ro" : "remount,rw",
      directory.path])
    #expect(result.exitCode == 0, "\(result.standardError)")
  }

  /// Fills the file system so that fewer than `leaving` bytes stay free.
  func fill(leaving: Int = 0) throws {
    var info = statvfs()
    statvfs(path, &info)
    let free = Int(info.f_bavail) * Int(info.f_bsize)
    let size = max(0, free - leaving)
    let descriptor = open(path + "/filler", O_CREAT | O_WRONLY, 0o600)
    defer { close(descriptor) }
    let chunk = [UInt8](repeating: 0x20, count: 4096)
    var written = 0
    while written < size {
      let count = write(descriptor, chunk, min(chunk.count, size - written))
      if count <= 0 { break }
      written += count
    }
  }

  func emptyFiller() {
    unlink(path + "/filler")
  }

  deinit {
    _ = try? Reliability.run(["/bin/umount", "-l", directory.path])
  }
}

extension Duration {
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}

extension Reliability {
  /// Runs a long, blocking test body on a thread of its own. Swift Testing runs tests on the
  /// cooperative pool, which has one thread per core: a minute of blocking there starves every
  /// async test running beside it (a fetch test then takes 40 s instead of 0.1 s).
  static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Result { try body() })
      }
    }
  }
}
