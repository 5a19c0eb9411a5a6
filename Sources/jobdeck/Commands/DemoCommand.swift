import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckResources
import JobDeckStore

struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open JobDeck on a temporary copy of the bundled demo data.",
    discussion: """
      The demo's dates are moved so that its deadlines fall around today. Your own store is \
      never read or written; the copy is deleted when you quit (--keep prints its path instead).
      """
  )

  @Flag(help: "Keep the temporary store and print its path.") var keep = false
  @Flag(help: "Print the demo's postings instead of opening the UI (for scripts).") var list = false
  @OptionGroup var configOptions: ConfigOptions

  func run() throws {
    let directory = try makeTemporaryDirectory(prefix: "jobdeck-demo")
    let path = directory + "/store.json"
    defer {
      if !keep { try? FileManager.default.removeItem(atPath: directory) }
    }
    let configuration = configOptions.configuration
    let clock = CommandClock.current(configuredTimeZone: configuration.timeZone)
    try DemoStore.write(to: path, today: clock.today, now: clock.now)
    if keep { say(path) }
    if list {
      let listing = try ListCommand.parse(["--store", path])
      try listing.run()
      return
    }
    try UserInterface.open(storePath: path, clock: clock, configuration: configuration)
  }
}

/// Creates a private (0700) directory under $TMPDIR.
func makeTemporaryDirectory(prefix: String) throws -> String {
  let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
  var template = Array("\(base)/\(prefix).XXXXXX".utf8CString)
  let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
    guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
    return String(cString: base)
  }
  guard let created else {
    throw CommandFailure(message: "cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))", exitCode: ExitStatus.storeProblem)
  }
  return created
}
