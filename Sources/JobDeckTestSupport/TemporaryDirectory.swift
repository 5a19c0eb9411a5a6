import Foundation
import Glibc

/// A fresh directory for one test, removed with everything in it when the value goes away.
///
/// Made with `mkdtemp` (mode 0700, a name no other test can collide with) under `$TMPDIR` or
/// `/tmp`, so tests running in parallel never share files.
public final class TemporaryDirectory: Sendable {
  public let path: String

  public init(prefix: String = "jobdeck-test") throws {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "/tmp"
    let pattern = (base.hasSuffix("/") ? base : base + "/") + prefix + "-XXXXXX"
    var template = Array(pattern.utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let start = buffer.baseAddress else { return false }
      return mkdtemp(start) != nil
    }
    guard made else {
      throw CocoaError(.fileWriteUnknown, userInfo: [
        NSFilePathErrorKey: base, NSLocalizedDescriptionKey: String(cString: strerror(errno)),
      ])
    }
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The path of `name` inside the directory (nothing is created).
  public func file(_ name: String) -> String { path + "/" + name }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
