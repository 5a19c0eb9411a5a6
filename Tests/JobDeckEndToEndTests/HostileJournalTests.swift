import Foundation
import JobDeckTestSupport
import Testing

/// Issue 12 §1, the journal through the real binary: a bad line in the middle of the journal, a
/// restore of the backup asked for without a terminal, and a store file edited by hand while a
/// journal was waiting. Each case pins the message and exit status, and that every file is byte
/// for byte unchanged where nothing should change.
@Suite("Hostile journal: bad lines, hand edits, restoring the backup")
struct HostileJournalTests {
  let workspace = CLIWorkspace()
  /// Saves go to the journal from the first byte (the journal's share of the store still counts:
  /// the long description makes room for a few lines).
  let environment = ["JOBDECK_JOURNAL_MINIMUM_BYTES": "0"]
  var journalPath: String { workspace.storePath + ".journal" }
  var backupPath: String { workspace.storePath + ".bak" }
  static let stages = "saved, applied, screening, interview, offer, accepted, rejected, withdrawn,"
    + " ghosted"

  @discardableResult
  func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> ProcessResult
  {
    try workspace.jobdeck(arguments, environment: environment)
  }

  func expectSuccess(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let result = try run(arguments)
    #expect(result.exitCode == 0, "\(arguments): \(result.standardError)",
      sourceLocation: sourceLocation)
  }

  /// Two applications in the store file (folded in, so a backup exists), then three moves in the
  /// journal: lines 2 (acme → screening), 3 (beta → interview) and 4 (acme → interview).
  func makeJournaledStore() throws {
    let description = String(repeating: "A long description. ", count: 3_000)
    try expectSuccess(["add", "posting", "--company", "Acme", "--title", "ML Engineer",
      "--description", description])
    try expectSuccess(["add", "posting", "--company", "Beta", "--title", "Developer"])
    try expectSuccess(["apply", "acme"])
    try expectSuccess(["apply", "beta"])
    try expectSuccess(["compact"])
    try expectSuccess(["move", "acme", "screening"])
    try expectSuccess(["move", "beta", "interview"])
    try expectSuccess(["move", "acme", "interview"])
    #expect(try journalLines().count == 4)
  }

  func journalLines() throws -> [String] {
    try String(contentsOfFile: journalPath, encoding: .utf8).split(separator: "\n")
      .map(String.init)
  }

  func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  func stage(_ id: String) throws -> String? {
    try workspace.json(["show", id, "--json"])["stage"] as? String
  }

  func names(startingWith prefix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: workspace.directory)
      .filter { $0.hasPrefix(prefix) }.map { workspace.directory + "/" + $0 }
  }

  @Test func aBadLineInTheMiddleStopsLoadingAndRepairKeepsEveryOtherChange() throws {
    try makeJournaledStore()
    var lines = try journalLines()
    let bad = lines[2].replacingOccurrences(of: #""stage":"interview""#,
      with: #""stage":"interviewing""#)
    #expect(bad != lines[2])
    lines[2] = bad
    try (lines.joined(separator: "\n") + "\n").write(toFile: journalPath, atomically: false,
      encoding: .utf8)
    let column = try #require(bad.range(of: #""interviewing""#)).lowerBound.utf16Offset(in: bad)
      + 1
    let position = "\(journalPath):3:\(column): at ops[0].record.stage: unknown stage"
      + " \"interviewing\"; expected one of \(Self.stages)"
    let message = "jobdeck: \(position); this saved change cannot be applied and nothing was"
      + " changed: run 'jobdeck check --repair' to set this line aside (in a file beside the"
      + " store) and keep every other change\n"
    let store = bytes(workspace.storePath)
    let journal = bytes(journalPath)
    let backup = try #require(bytes(backupPath))

    for arguments in [["list", "applications"], ["move", "beta", "offer"], ["check"],
      ["compact"]]
    {
      let stopped = try run(arguments)
      #expect(stopped.exitCode == 2, "\(arguments)")
      #expect(stopped.standardError == message, "\(arguments)")
      #expect(bytes(workspace.storePath) == store, "\(arguments)")
      #expect(bytes(journalPath) == journal, "\(arguments)")
      #expect(bytes(backupPath) == backup, "\(arguments)")
    }

    let repaired = try run(["check", "--repair"])
    #expect(repaired.exitCode == 0, "\(repaired.standardError)")
    let rejected = try #require(try names(startingWith: "store.json.journal.rejected-").first)
    #expect(repaired.standardOutput.hasPrefix("Set line 3 of \(journalPath) aside in"
      + " \(rejected).\nKept the journal's other 2 saved changes.\n"))
    #expect(repaired.standardOutput.hasSuffix("ok\n"))
    let setAside = try String(contentsOfFile: rejected, encoding: .utf8)
    #expect(setAside == "# line 3 of \(journalPath): \(position)\n\(bad)\n")
    #expect(try journalLines() == [lines[0], lines[1], lines[3]])
    #expect(bytes(workspace.storePath) == store)
    #expect(bytes(backupPath) == backup)

    // The saves before and after the bad line are kept, in order; the bad one is not applied.
    #expect(try stage("acme-ml-engineer") == "interview")
    #expect(try stage("beta-developer") == "applied")
    let checked = try run(["check"])
    #expect(checked.exitCode == 0, "\(checked.standardError)")
    #expect(checked.standardOutput.hasSuffix("ok\n"))
  }

  @Test func restoringTheBackupWithoutATerminalOrYesIsRefusedAndSaysWhatItWouldTakeOut() throws {
    try makeJournaledStore()
    let store = bytes(workspace.storePath)
    let journal = bytes(journalPath)
    let backup = try #require(bytes(backupPath))
    let formatter = ISO8601DateFormatter()
    func modified(_ path: String) throws -> String {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      return formatter.string(from: try #require(attributes[.modificationDate] as? Date))
    }
    // compact rewrote the file: the backup is the file before it, which held only the first
    // posting; the second posting and the two applications came after.
    let loss = "Restoring \(backupPath) (saved \(try modified(backupPath))) replaces"
      + " \(workspace.storePath):\n"
      + "- the store file, last modified \(try modified(workspace.storePath)):"
      + " 3 records added, changed or removed since the backup\n"
      + "- its journal: 3 saved changes, the newest at \(try modified(journalPath))\n"
      + "These stop being part of the store; the replaced files are kept beside it."

    let refused = try run(["check", "--restore-backup"])
    #expect(refused.exitCode == 64)
    #expect(refused.standardError == "jobdeck: not restoring the backup without a terminal to"
      + " ask on; add --yes to restore it anyway\n\(loss)\n")
    #expect(refused.standardOutput == "")
    #expect(bytes(workspace.storePath) == store)
    #expect(bytes(journalPath) == journal)
    #expect(bytes(backupPath) == backup)

    let restored = try run(["check", "--restore-backup", "--yes"])
    #expect(restored.exitCode == 0, "\(restored.standardError)")
    #expect(restored.standardOutput.hasPrefix(loss + "\nRestored \(workspace.storePath) from its"
      + " backup.\n"))
    #expect(bytes(workspace.storePath) == backup)
    #expect(bytes(journalPath) == nil)
    let keptAt = try #require(try names(startingWith: "store.json.before-restore-")
      .first { !$0.hasSuffix(".journal") })
    #expect(bytes(keptAt) == store)
    #expect(bytes(keptAt + ".journal") == journal)
  }

  func handEditTheStoreFile() throws -> Data {
    let text = try #require(String(data: try workspace.storeBytes(), encoding: .utf8))
    let edited = text.replacingOccurrences(of: #""company":"Beta""#,
      with: #""company":"Beta GmbH""#)
    #expect(edited != text)
    try workspace.writeStore(edited)
    return Data(edited.utf8)
  }

  func staleMessage() -> String {
    "jobdeck: \(workspace.storePath) was changed after its journal \(journalPath) was written"
      + " (edited by hand?): the journal's 3 saved changes were made to an earlier version of"
      + " the file, so they are not applied, and nothing was changed. Run 'jobdeck check"
      + " --replay-journal' to apply them onto the file as it is now, or 'jobdeck check"
      + " --set-journal-aside' to keep the journal aside (as \(journalPath).stale-<time>) and go"
      + " on without them\n"
  }

  @Test func aHandEditedStoreWithAJournalStopsAndReplayKeepsBoth() throws {
    try makeJournaledStore()
    let edited = try handEditTheStoreFile()
    let journal = bytes(journalPath)
    let backup = bytes(backupPath)
    for arguments in [["list"], ["move", "beta", "offer"], ["check"], ["compact"],
      ["check", "--repair"]]
    {
      let stopped = try run(arguments)
      #expect(stopped.exitCode == 2, "\(arguments)")
      #expect(stopped.standardError == staleMessage(), "\(arguments)")
      #expect(bytes(workspace.storePath) == edited, "\(arguments)")
      #expect(bytes(journalPath) == journal, "\(arguments)")
      #expect(bytes(backupPath) == backup, "\(arguments)")
    }

    let replayed = try run(["check", "--replay-journal"])
    #expect(replayed.exitCode == 0, "\(replayed.standardError)")
    #expect(replayed.standardOutput.hasPrefix("Applied the journal's 3 saved changes onto"
      + " \(workspace.storePath) and folded them in.\n"))
    #expect(bytes(journalPath) == nil)
    #expect(bytes(backupPath) == edited)
    #expect(try stage("acme-ml-engineer") == "interview")
    #expect(try stage("beta-developer") == "interview")
    #expect(try workspace.json(["show", "beta-developer", "--json"])["company"] as? String
      == "Beta GmbH")
    try expectSuccess(["check"])
  }

  @Test func aHandEditedStoreWithAJournalStopsAndSettingTheJournalAsideKeepsTheEdit() throws {
    try makeJournaledStore()
    let edited = try handEditTheStoreFile()
    let journal = bytes(journalPath)
    let stopped = try run(["list"])
    #expect(stopped.exitCode == 2)
    #expect(stopped.standardError == staleMessage())

    let setAside = try run(["check", "--set-journal-aside"])
    #expect(setAside.exitCode == 0, "\(setAside.standardError)")
    let keptAt = try #require(try names(startingWith: "store.json.journal.stale-").first)
    #expect(setAside.standardOutput.hasPrefix("Kept the journal aside as \(keptAt);"
      + " \(workspace.storePath) is used as it is.\n"))
    #expect(bytes(keptAt) == journal)
    #expect(bytes(journalPath) == nil)
    #expect(bytes(workspace.storePath) == edited)
    #expect(try stage("acme-ml-engineer") == "applied")
    #expect(try workspace.json(["show", "beta-developer", "--json"])["company"] as? String
      == "Beta GmbH")
    try expectSuccess(["check"])
  }

  /// On a terminal the restore asks, after saying what it would take out; only "y" restores.
  @Test func restoringTheBackupOnATerminalAsksFirst() throws {
    try makeJournaledStore()
    let store = bytes(workspace.storePath)
    let journal = bytes(journalPath)
    let backup = try #require(bytes(backupPath))
    let binary = try BuiltBinary.jobdeck().url.path
    func ask() throws -> TmuxSession {
      let terminal = try TmuxSession(
        command: [binary, "check", "--restore-backup", "--store", workspace.storePath],
        environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": ""],
        columns: 250, rows: 20)
      let screen = try terminal.waitFor("Restore the backup? [y/N]")
      #expect(screen.contains("- its journal: 3 saved changes, the newest at "))
      return terminal
    }
    let declined = try ask()
    try declined.sendText("n")
    try declined.sendKeys("Enter")
    #expect(try declined.waitForExit() == 0)
    #expect(try declined.capture().contains("Nothing restored."))
    #expect(bytes(workspace.storePath) == store)
    #expect(bytes(journalPath) == journal)
    #expect(bytes(backupPath) == backup)

    let accepted = try ask()
    try accepted.sendText("y")
    try accepted.sendKeys("Enter")
    #expect(try accepted.waitForExit() == 0)
    #expect(try accepted.capture().contains("Restored \(workspace.storePath) from its backup."))
    #expect(bytes(workspace.storePath) == backup)
    #expect(bytes(journalPath) == nil)
  }

  @Test func theRecoveryFlagsGoOneAtATime() throws {
    try makeJournaledStore()
    let store = bytes(workspace.storePath)
    let journal = bytes(journalPath)
    let both = try run(["check", "--repair", "--set-journal-aside"])
    #expect(both.exitCode == 64)
    #expect(both.standardError.contains("--restore-backup, --repair, --replay-journal and"
      + " --set-journal-aside go one at a time"))
    #expect(bytes(workspace.storePath) == store)
    #expect(bytes(journalPath) == journal)
  }
}
