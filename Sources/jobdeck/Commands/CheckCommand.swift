import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check that the store parses and is consistent; optionally restore the backup.",
    discussion: """
      Every full save keeps the previous good version beside the store as <store>.bak. \
      --restore-backup puts it back, keeping the damaged file as <store>.corrupt-<time> \
      (and its journal, if any, as <store>.corrupt-<time>.journal). The journal of a large \
      store is checked too.
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
    say("\(report.path): schema version \(report.schemaVersion), \(report.postingCount) postings, "
      + "\(report.applicationCount) applications, \(report.deadlineCount) deadlines")
    if let reason = report.readOnlyReason { say("read-only: \(reason)") }
    if report.journalIsStale {
      say("journal: \(report.journalPath) belongs to an earlier version of the store file and is"
        + " not applied; the next save keeps it aside")
    } else if report.journalSize > 0 {
      say("journal: \(report.journalOperationCount) operation(s) saved since the last full"
        + " rewrite (\(report.journalSize) bytes in \(report.journalPath)); 'jobdeck compact'"
        + " folds them into the file")
    }
    if report.journalTornBytes > 0 {
      say("journal: the last \(report.journalTornBytes) byte(s) are an unfinished save (a crash"
        + " while appending); they are ignored and the next save removes them")
    }
    say(report.hasBackup ? "backup: \(report.backupPath)" : "backup: none yet (one is kept from the second save on)")
    for problem in report.problems { say("problem: \(safe(problem))") }
    guard report.isHealthy else {
      throw CommandFailure(
        message: "\(report.problems.count) problem(s) in \(file.path)", exitCode: ExitStatus.storeProblem)
    }
    say("ok")
  }
}
