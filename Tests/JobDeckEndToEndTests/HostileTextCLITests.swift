import Foundation
import JobDeckTestSupport
import Testing

/// Issue item 5 for the CLI: with the hostile ad in the store, every command that prints text
/// (tables, details, the agenda, reminders, JSON, error messages) writes no raw control
/// character to standard output or standard error, whatever the output is connected to.
/// Exports are data and stay exact on a pipe; on a terminal they are checked under tmux
/// (`HostileTextTerminalTests`).
@Suite("Hostile text printed by the CLI")
struct HostileTextCLITests {
  let workspace = CLIWorkspace()

  func storeTheHostileAd() throws -> (posting: String, application: String) {
    try HostileText.storeHostileRecords(in: workspace)
  }

  func expectClean(_ arguments: [String], exitCode: Int32? = 0,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try workspace.jobdeck(arguments)
    if let exitCode {
      #expect(result.exitCode == exitCode, "\(arguments): \(result.standardError)",
              sourceLocation: sourceLocation)
    }
    let printed = result.standardOutput + result.standardError
    #expect(!printed.isEmpty, "\(arguments) printed nothing", sourceLocation: sourceLocation)
    #expect(HostileText.rawControls(in: result.standardOutput).isEmpty,
            "\(arguments) stdout: \(result.standardOutput.debugDescription)",
            sourceLocation: sourceLocation)
    #expect(HostileText.rawControls(in: result.standardError).isEmpty,
            "\(arguments) stderr: \(result.standardError.debugDescription)",
            sourceLocation: sourceLocation)
  }

  @Test func everyReadingCommandPrintsNoRawControlCharacter() throws {
    let (posting, application) = try storeTheHostileAd()
    let commands: [[String]] = [
      ["list"], ["list", "applications"], ["list", "--json"], ["list", "applications", "--json"],
      ["show", posting], ["show", application], ["show", posting, "--json"],
      ["show", application, "--json"], ["agenda"], ["agenda", "--json"], ["remind"],
      ["remind", "--json"], ["check"],
      ["import", workspace.directory + "/hostile-ad.txt", "--dry-run"],
      ["import", workspace.directory + "/hostile-ad.txt", "--dry-run", "--json"],
      ["import", workspace.directory + "/hostile-ad.txt"],
      ["import", workspace.directory + "/hostile-ad.txt", "--json"],
    ]
    for command in commands {
      try expectClean(command)
    }
  }

  @Test func theHostileTextIsShownNotHidden() throws {
    let (posting, _) = try storeTheHostileAd()
    let shown = try workspace.jobdeck(["show", posting])
    #expect(shown.standardOutput.contains("Evil^[[2J"))
    #expect(shown.standardOutput.contains("^[]52;c;cHduZWQ=^G"))
    #expect(shown.standardOutput.contains("^[[2J^[[31m"))  // the 8-bit CSI, as its 7-bit form
  }

  @Test func importingAHostileCSVPrintsNoRawControlCharacter() throws {
    let good = workspace.directory + "/good.csv"
    try Data(("Company,Title,Notes\n\"\(HostileText.company)\",\"\(HostileText.title)\","
      + "\"\(HostileText.note)\"\n").utf8).write(to: URL(fileURLWithPath: good))
    try expectClean(["import", good, "--dry-run"])
    try expectClean(["import", good])
    let bad = workspace.directory + "/bad.csv"
    try Data(("Company,Title,Deadline\n\(HostileText.company),x,\(HostileText.clearScreen)\n"
      + "a,b,c,\(HostileText.clipboardWrite)\n\"\(HostileText.rightToLeft)").utf8)
      .write(to: URL(fileURLWithPath: bad))
    try expectClean(["import", bad], exitCode: nil)
    try expectClean(["import", bad, "--skip-bad"], exitCode: nil)
    let header = workspace.directory + "/header.csv"
    try Data("\(HostileText.clipboardWrite);\(HostileText.eightBitCSI)\nx;y\n".utf8)
      .write(to: URL(fileURLWithPath: header))
    try expectClean(["import", header], exitCode: nil)
  }

  @Test func importingAHostileAdFromStandardInputPrintsNoRawControlCharacter() throws {
    let result = try workspace.jobdeck(["import", "-", "--dry-run"], stdin: HostileText.ad)
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(HostileText.rawControls(in: result.standardOutput + result.standardError).isEmpty,
            "\(result.standardOutput.debugDescription)")
  }

  @Test func errorMessagesQuotingHostileInputPrintNoRawControlCharacter() throws {
    let (posting, application) = try storeTheHostileAd()
    let hostile = "x\(HostileText.clipboardWrite)\(HostileText.clearScreen)\(HostileText.eightBitCSI)"
      + HostileText.rightToLeft
    let commands: [[String]] = [
      ["show", hostile],  // unknown id, quoted back
      ["move", application, hostile],  // not a stage (ArgumentParser's message)
      ["list", hostile],  // not a subject
      ["agenda", "--within", hostile],
      ["deadline", "add", posting, hostile, "2026-12-01"],
      ["deadline", "add", posting, "interview", hostile],
      ["apply", posting, "--on", hostile],
      ["export", "--format", hostile],
      ["add", "posting", "--company", hostile],  // the title is missing
      [hostile],  // not a command
      ["show", "--\(hostile)"],  // not an option
      ["import", workspace.directory + "/\(hostile).txt"],  // no such file
      ["import", "https://\(hostile)/"],  // not a URL
    ]
    for command in commands {
      try expectClean(command, exitCode: nil)
    }
  }

  @Test func aHostileStoreFileIsReportedWithoutRawControlCharacters() throws {
    // A store damaged by hand or by another tool: the message quotes the bad value.
    try workspace.writeStore("""
      {"schemaVersion": 1, "settings": {"followUpAfterDays": 14}, "postings": [
      {"id": "a\\u001b]52;c;cHduZWQ=\\u0007", "title": "\\u009b2J", "company": "x",
       "createdAt": "2026-11-22T10:00:00Z\\u001b[2J", "updatedAt": "2026-11-22T10:00:00Z",
       "tags": []}], "applications": [], "deadlines": []}
      """)
    try expectClean(["list"], exitCode: nil)
    try expectClean(["check"], exitCode: nil)
    try workspace.writeStore("{\"schemaVersion\": 1, \"\u{1B}[2J\u{9B}31m\": \u{202E}}")
    try expectClean(["list"], exitCode: nil)
  }
}
