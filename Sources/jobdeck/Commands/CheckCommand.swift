import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check that the store parses and is consistent; optionally restore the backup.",
    discussion: """
      Every save keeps the previous good version beside the store as <store>.bak. \
      --restore-backup puts it back, keeping the damaged file as <store>.corrupt-<time>.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Replace the store with its last good backup.") var restoreBackup = false

  func run() throws {
    let file = storeOptions.file
    if restoreBackup {
      try file.restoreBackup()
      say("Restored \(file.path) from its backup.")
    }
    let report = try file.check()
    say(safeLines(report.description))
    if !report.isHealthy { throw CommandFailure(message: "problems found in \(file.path)", exitCode: ExitStatus.storeProblem) }
  }
}
