import Foundation
import JobDeckTestSupport
import Testing

/// Runs the real calendar programs the export is meant for, in a throwaway directory with a fake
/// HOME, so nothing of the user's calendar is read or written. A missing program fails the test
/// with the package to install: CI installs them, and a silent skip would hide a broken export.
struct ICSConsumerHarness {
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobdeck-ics-\(UUID().uuidString)", isDirectory: true)
    for sub in ["home", "home/.config", "home/.local/share", "home/.cache", "calcurse"] {
      try FileManager.default.createDirectory(
        at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
  }

  func removeDirectory() {
    try? FileManager.default.removeItem(at: directory)
  }

  func write(_ text: String, to name: String) throws -> URL {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  var environment: [String: String] {
    let home = directory.appendingPathComponent("home").path
    return [
      "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_DATA_HOME": home + "/.local/share",
      "XDG_CACHE_HOME": home + "/.cache", "TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
      "PATH": "/usr/local/bin:/usr/bin:/bin",
    ]
  }

  /// The program at `path`, or a recorded failure naming the package that provides it.
  static func require(_ path: String, package: String) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: path) else {
      Issue.record("\(path) is missing: install the Debian package '\(package)' (apt-get install \(package)); CI installs it")
      return false
    }
    return true
  }

  func run(_ path: String, _ arguments: [String]) throws -> Run {
    // calcurse reads relative paths from its working directory: run it from ours.
    let result = try BuiltBinary(url: URL(fileURLWithPath: "/bin/sh")).run(
      ["-c", "cd \"$0\" && exec \"$@\"", directory.path, path] + arguments,
      environment: environment)
    return Run(status: result.exitCode, output: result.standardOutput,
               errors: result.standardError)
  }

}
