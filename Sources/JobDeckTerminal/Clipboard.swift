import Foundation
import Glibc
import JobDeckTUI

/// Reading the desktop clipboard through the first helper installed: `wl-paste` under Wayland,
/// else `xclip` or `xsel`. Started like every other program (`ChildProcess`), its output read
/// through a pipe within a byte limit.
enum Clipboard {
  struct Tool: Equatable {
    let arguments: [String]
    var name: String { arguments[0] }
  }

  static let wayland = Tool(arguments: ["wl-paste", "--no-newline"])
  static let x11 = [
    Tool(arguments: ["xclip", "-o", "-selection", "clipboard"]),
    Tool(arguments: ["xsel", "-ob"]),
  ]

  /// The tools worth trying, in order: `wl-paste` only in a Wayland session.
  static func candidates(environment: [String: String]) -> [Tool] {
    (environment["WAYLAND_DISPLAY"].map { $0.isEmpty ? [] : [wayland] } ?? []) + x11
  }

  /// - Parameter limit: bytes read at most; more is refused with the limit named, as an import
  ///   of a file that large would be.
  static func read(environment: [String: String], limit: Int) -> ClipboardReading {
    let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    let tools = candidates(environment: environment)
    guard let (tool, path) = tools.lazy.compactMap({ tool in
      executable(named: tool.name, in: searchPath).map { (tool, $0) }
    }).first else {
      let names = tools.map(\.name).joined(separator: ", ")
      return .failed("no clipboard tool found (looked for \(names) on PATH); paste into the box "
        + "or press Ctrl-E for an editor")
    }
    return run(tool, at: path, limit: limit)
  }

  private static func run(_ tool: Tool, at path: String, limit: Int) -> ClipboardReading {
    var ends: [Int32] = [0, 0]
    // Close-on-exec on both ends: the child gets only the write end, as its standard output.
    guard pipe(&ends) == 0, fcntl(ends[0], F_SETFD, FD_CLOEXEC) == 0,
      fcntl(ends[1], F_SETFD, FD_CLOEXEC) == 0
    else {
      return .failed("could not read the clipboard: \(String(cString: strerror(errno)))")
    }
    let pid: pid_t
    do {
      pid = try ChildProcess.spawn(
        [path] + tool.arguments.dropFirst(),
        streams: .outputInto(descriptor: ends[1], otherPath: "/dev/null"),
        newProcessGroup: true, defaultSignals: [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE])
    } catch {
      close(ends[0])
      close(ends[1])
      return .failed(error.description)
    }
    close(ends[1])
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    var isTooLarge = false
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(ends[0], $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      if bytes.count + count > limit {
        isTooLarge = true
        break
      }
      bytes.append(contentsOf: buffer[0..<count])
    }
    close(ends[0])
    let status = ChildProcess.waitForExit(pid)
    if isTooLarge {
      return .failed("the clipboard holds more than \(limit) bytes (read with \(tool.name)); "
        + "an ad is imported up to that size")
    }
    guard status == 0 else {
      let how = status.map { "exited with status \($0)" } ?? "was stopped by a signal"
      return .failed("\(tool.name) \(how): is the clipboard empty, or no display set?")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      return .failed("the clipboard is empty (read with \(tool.name))")
    }
    return .text(text, tool: tool.name)
  }

  private static func executable(named name: String, in searchPath: String) -> String? {
    for directory in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = "\(directory)/\(name)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }
}
