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
    try workspace.jobdeck(["add", "posting", "--company", HostileText.company,
                           "--title", HostileText.title,
                           "--location", "Berlin\(HostileText.hyperlink)",
                           "--tag", "x\(HostileText.deviceControl)",
                           "--url", "https://example.com/\(HostileText.clipboardWrite)",
                           "--description", HostileText.description])
    let posting = try #require(try workspace.jsonArray(["list", "--json"]).first?["id"] as? String)
    try workspace.jobdeck(["apply", posting, "--stage", "interview", "--note", HostileText.note])
    let application = try #require(
      try workspace.jsonArray(["list", "applications", "--json"]).first?["id"] as? String)
    try workspace.jobdeck(["deadline", "add", application, "interview", "2026-11-23",
                           "--note", HostileText.note])
    try workspace.jobdeck(["deadline", "add", posting, "applicationCutoff", "2026-11-22",
                           "--note", HostileText.note])
    try workspace.jobdeck(["note", application, HostileText.description])
    return (posting, application)
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
