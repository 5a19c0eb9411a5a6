import Foundation
import Synchronization

/// What a finished process left behind.
public struct ProcessResult: Equatable, Sendable {
  public var exitCode: Int32
  public var standardOutput: String
  public var standardError: String

  public init(exitCode: Int32, standardOutput: String, standardError: String) {
    self.exitCode = exitCode
    self.standardOutput = standardOutput
    self.standardError = standardError
  }
}

public enum BuiltBinaryError: Error, CustomStringConvertible {
  case notFound(name: String, searched: [String])
  case timedOut(command: [String], seconds: TimeInterval, partial: ProcessResult)
  case launchFailed(command: [String], reason: String)

  public var description: String {
    switch self {
    case .notFound(let name, let searched):
      return "built executable '\(name)' not found; looked in: \(searched.joined(separator: ", "))"
        + " (run `swift build --build-tests` first, or set JOBDECK_BINARY)"
    case .timedOut(let command, let seconds, let partial):
      return "\(command.joined(separator: " ")) did not finish within \(seconds) s; stdout so "
        + "far:\n\(partial.standardOutput)\nstderr so far:\n\(partial.standardError)"
    case .launchFailed(let command, let reason):
      return "cannot start \(command.joined(separator: " ")): \(reason)"
    }
  }
}

/// An executable built by SwiftPM next to the test bundle, run the way a user would run it.
public struct BuiltBinary: Sendable {
  public let url: URL

  public init(url: URL) {
    self.url = url
  }

  /// Reads until end of file, retrying on EINTR. Foundation's `readDataToEndOfFile` `try!`s
  /// its read and so crashes the whole test process when a signal interrupts it (tests send
  /// signals to this process to check the UI's handlers).
  static func readToEnd(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count == 0 || errno != EINTR {
        return data
      }
    }
  }


  /// The `jobdeck` product of this package (or the file `JOBDECK_BINARY` names).
  public static func jobdeck() throws -> BuiltBinary {
    if let override = ProcessInfo.processInfo.environment["JOBDECK_BINARY"], !override.isEmpty {
      return BuiltBinary(url: URL(fileURLWithPath: override))
    }
    return try product(named: "jobdeck")
  }

  /// An executable product of this package, found in the products directory.
  public static func product(named name: String) throws -> BuiltBinary {
    let directories = productsDirectories()
    for directory in directories {
      let candidate = directory.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return BuiltBinary(url: candidate)
      }
    }
    throw BuiltBinaryError.notFound(name: name, searched: directories.map(\.path))
  }

  /// Where SwiftPM put this build's products: the directory holding the test bundle (on Linux
  /// the `.xctest` is itself the running executable; on macOS it is a bundle loaded by xctest),
  /// then `.build/debug` under the current directory as a last resort.
  public static func productsDirectories() -> [URL] {
    var directories: [URL] = []
    let bundlePaths = Bundle.allBundles.map(\.bundlePath) + [CommandLine.arguments.first ?? ""]
      + [Bundle.main.executablePath ?? ""]
    for path in bundlePaths {
      var url = URL(fileURLWithPath: path).standardizedFileURL
      while url.path != "/" {
        if url.pathExtension == "xctest" {
          directories.append(url.deletingLastPathComponent())
          break
        }
        url.deleteLastPathComponent()
      }
    }
    if let executable = Bundle.main.executablePath {
      directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    directories.append(
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        .appendingPathComponent(".build/debug"))
    var seen = Set<String>()
    return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
  }

  /// Runs the executable to completion.
  /// - Parameters:
  ///   - environment: the whole environment of the child; nil inherits ours.
  ///   - stdin: written to its standard input, which is then closed.
  ///   - timeout: after this the child is terminated and `BuiltBinaryError.timedOut` thrown.
  public func run(_ arguments: [String] = [], environment: [String: String]? = nil,
                  stdin: String = "", timeout: TimeInterval = 60) throws -> ProcessResult {
    let child = try SpawnedChild.start(
      [url.path] + arguments, environment: environment ?? ProcessInfo.processInfo.environment)

    // Each pipe has its own reader, so a child filling one pipe while we wait on the other
    // cannot deadlock the two processes. Threads of their own, not the global queue: blocking
    // reads from parallel tests would exhaust its few threads and stall one another.
    let outputData = Collected()
    let errorData = Collected()
    let readers = DispatchGroup()
    for (descriptor, sink) in [(child.standardOutput, outputData), (child.standardError, errorData)] {
      readers.enter()
      Thread.detachNewThread {
        sink.append(Self.readToEnd(descriptor))
        close(descriptor)
        readers.leave()
      }
    }
    let stdinData = Data(stdin.utf8)
    let input = child.standardInput
    Thread.detachNewThread {
      // A child that exits without reading makes this write fail with EPIPE; that is its right
      // (SIGPIPE is ignored in this process, see SpawnedChild).
      Self.writeAll(stdinData, to: input)
      close(input)
    }

    let status = child.waitForExit(timeout: timeout)
    if status == nil {
      for descendant in Self.descendants(of: child.pid) { kill(descendant, SIGKILL) }
      kill(child.pid, SIGKILL)
      _ = child.waitForExit(timeout: 10)
      // A grandchild may still hold the pipes open; report what arrived so far.
      _ = readers.wait(timeout: .now() + 1)
    } else {
      readers.wait()
    }
    let result = ProcessResult(
      exitCode: status ?? -1,
      standardOutput: String(decoding: outputData.data, as: UTF8.self),
      standardError: String(decoding: errorData.data, as: UTF8.self))
    if status == nil {
      throw BuiltBinaryError.timedOut(command: [url.path] + arguments, seconds: timeout,
                                      partial: result)
    }
    return result
  }

  static func writeAll(_ data: Data, to descriptor: Int32) {
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress?.advanced(by: offset),
                            buffer.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }
}

extension BuiltBinary {
  /// Children, grandchildren and so on, from Linux's /proc/PID/task/PID/children.
  static func descendants(of pid: pid_t) -> [pid_t] {
    let path = "/proc/\(pid)/task/\(pid)/children"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    let children = text.split(separator: " ").compactMap { pid_t($0) }
    return children + children.flatMap { descendants(of: $0) }
  }
}

/// Bytes gathered on a reader thread, handed over once the reader group has finished.
final class Collected: Sendable {
  private let storage = Mutex(Data())

  func append(_ data: Data) {
    storage.withLock { $0.append(data) }
  }

  var data: Data {
    storage.withLock { $0 }
  }
}
