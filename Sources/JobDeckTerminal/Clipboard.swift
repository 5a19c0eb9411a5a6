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
    let finished: ChildProcess.Finished
    do {
      finished = try ChildProcess.run([path] + tool.arguments.dropFirst(), collecting: .output,
        limit: limit)
    } catch {
      return .failed(error.description)
    }
    if finished.isTruncated {
      return .failed("the clipboard holds more than \(limit) bytes (read with \(tool.name)); "
        + "an ad is imported up to that size")
    }
    guard finished.status == 0 else {
      let how = finished.status.map { "exited with status \($0)" } ?? "was stopped by a signal"
      return .failed("\(tool.name) \(how): is the clipboard empty, or no display set?")
    }
    let text = finished.text
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
