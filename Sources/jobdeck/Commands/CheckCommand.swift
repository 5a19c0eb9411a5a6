import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check that the store parses and is consistent; repair its journal or restore the backup.",
    discussion: """
      Every full save keeps the previous good version beside the store as <store>.bak. \
      --restore-backup puts it back, keeping the replaced file as <store>.before-restore-<time> \
      or <store>.corrupt-<time> (and its journal, if any, beside it); it says what the store \
      would stop holding and asks first (--yes is required without a terminal). \
      The journal of a large store is checked too: --repair sets lines that cannot be applied \
      aside in <store>.journal.rejected-<time> and keeps every other change; after a hand edit \
      of the store file, --replay-journal applies the journal onto it and \
      --set-journal-aside keeps the journal aside as <store>.journal.stale-<time>.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Flag(help: "Replace the store with its last good backup (asks first).") var restoreBackup = false
  @Flag(help: "Set journal lines that cannot be applied aside; keep every other change.")
  var repair = false
  @Flag(help: "Apply the journal onto the store file as it is now (after a hand edit), then fold it in.")
  var replayJournal = false
  @Flag(help: "Keep the journal aside and use the store file alone.") var setJournalAside = false
  @Flag(name: .shortAndLong, help: "Do not ask before restoring the backup.") var yes = false

  func validate() throws {
    let chosen = [restoreBackup, repair, replayJournal, setJournalAside].filter { $0 }.count
    guard chosen <= 1 else {
      throw ValidationError(
        "--restore-backup, --repair, --replay-journal and --set-journal-aside go one at a time")
    }
  }

  func run() throws {
    let file = storeOptions.file
    if restoreBackup {
      guard try confirmRestore(file) else {
        say("Nothing restored.")
        return
      }
      try file.restoreBackup()
      say("Restored \(file.path) from its backup.")
    }
    if repair { report(try file.repairJournal(), of: file, replayed: false) }
    if replayJournal { report(try file.replayJournal(), of: file, replayed: true) }
    if setJournalAside {
      if let keptAt = try file.setJournalAside() {
        say("Kept the journal aside as \(keptAt); \(file.path) is used as it is.")
      } else {
        say("There is no journal to set aside.")
      }
    }
    let report = try file.check()
    say("\(report.path): schema version \(report.schemaVersion), "
      + "\(Plural.count(report.postingCount, "posting")), "
      + "\(Plural.count(report.applicationCount, "application")), "
      + "\(Plural.count(report.deadlineCount, "deadline"))")
    if let reason = report.readOnlyReason { say("read-only: \(reason)") }
    if report.journalIsStale {
      say("journal: \(report.journalPath) was left behind by a full save that already holds its"
        + " changes; it is not applied, and the next save keeps it aside")
    } else if report.journalSize > 0 {
      say("journal: \(Plural.count(report.journalOperationCount, "operation")) saved since the last full"
        + " rewrite (\(report.journalSize) bytes in \(report.journalPath)); 'jobdeck compact'"
        + " folds them into the file")
    }
    if report.journalTornBytes > 0 {
      say("journal: the last \(Plural.count(report.journalTornBytes, "byte")) are an unfinished save (a crash"
        + " while appending); they are ignored and the next save removes them")
    }
    say(report.hasBackup ? "backup: \(report.backupPath)" : "backup: none yet (one is kept from the second save on)")
    for problem in report.problems { say("problem: \(safe(problem))") }
    guard report.isHealthy else {
      throw CommandFailure(
        message: "\(Plural.count(report.problems.count, "problem")) in \(file.path)", exitCode: ExitStatus.storeProblem)
    }
    say("ok")
  }

  private func report(_ recovery: JournalRecovery, of file: StoreFile, replayed: Bool) {
    if let keptAt = recovery.setAsidePath {
      let lines = recovery.setAsideLines.map(String.init).joined(separator: ", ")
      say("Set \(recovery.setAsideLines.count == 1 ? "line" : "lines") \(lines) of \(file.journalPath) aside in \(keptAt).")
    }
    if replayed {
      say(recovery.changedJournal
        ? "Applied the journal's \(Plural.count(recovery.keptSaveCount, "saved change")) onto \(file.path) and"
          + " folded them in."
        : "There is no journal to replay.")
    } else if recovery.changedJournal {
      say("Kept the journal's other \(Plural.count(recovery.keptSaveCount, "saved change")).")
    } else {
      say("Nothing to repair: every line of the journal can be applied.")
    }
  }

  /// Says what the restore would take out of the store and asks, as `rm` does: on a terminal
  /// y/N, without one only with `--yes`.
  private func confirmRestore(_ file: StoreFile) throws -> Bool {
    let preview = try file.previewRestoreBackup()
    let loss = Self.describeLoss(preview, storePath: file.path)
    if yes {
      say(loss)
      return true
    }
    guard isatty(STDIN_FILENO) == 1 else {
      throw CommandFailure(
        message: "not restoring the backup without a terminal to ask on; add --yes to restore it"
          + " anyway\n" + loss,
        exitCode: ExitStatus.needsConfirmation)
    }
    FileHandle.standardError.write(Data((loss + "\nRestore the backup? [y/N] ").utf8))
    guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { return false }
    return true
  }

  static func describeLoss(_ preview: BackupRestorePreview, storePath: String) -> String {
    var lines = ["Restoring \(preview.backupPath) (saved \(stamp(preview.backupModified)))"
      + " replaces \(storePath):"]
    if let modified = preview.storeModified {
      let what: String
      if let problem = preview.storeProblem {
        what = "does not load (\(problem))"
      } else if let changes = preview.changesSinceBackup {
        what = "\(Plural.count(changes, "record")) added, changed or removed since the backup"
      } else {
        what = "differs from the backup (records reordered)"
      }
      lines.append("- the store file, last modified \(stamp(modified)): \(what)")
    } else {
      lines.append("- there is no store file")
    }
    if preview.journalSaveCount > 0, let modified = preview.journalModified {
      lines.append("- its journal: \(Plural.count(preview.journalSaveCount, "saved change")), the newest at"
        + " \(stamp(modified))")
    }
    lines.append(preview.losesNothing
      ? "The store holds nothing the backup does not."
      : "These stop being part of the store; the replaced files are kept beside it.")
    return lines.joined(separator: "\n")
  }

  private static func stamp(_ date: Date) -> String {
    ISO8601DateFormatter().string(from: date)
  }
}
