import Foundation
import Glibc

/// Writes a small program (a fake browser, editor or clipboard tool) that a test then runs.
///
/// The file is opened with `O_CLOEXEC`: tests run in parallel, and a descriptor still open for
/// writing when another test spawns a long-lived child (tmux, the UI) would be inherited by it,
/// so every later `exec` of the script fails with "Text file busy" (`ETXTBSY`). Foundation's
/// `write(toFile:)` does not set the flag.
public func writeExecutable(_ text: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
  guard descriptor >= 0 else { throw ExecutableScriptError(path: path, code: errno) }
  defer { close(descriptor) }
  var remaining = Array(text.utf8)[...]
  while !remaining.isEmpty {
    let written = remaining.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      throw ExecutableScriptError(path: path, code: errno)
    }
    remaining = remaining.dropFirst(written)
  }
  guard fchmod(descriptor, 0o755) == 0 else { throw ExecutableScriptError(path: path, code: errno) }
}

/// The script could not be written.
public struct ExecutableScriptError: Error, CustomStringConvertible {
  public let path: String
  public let code: Int32
  public var description: String { "could not write \(path): \(String(cString: strerror(code)))" }
}
