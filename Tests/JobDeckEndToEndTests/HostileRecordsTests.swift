import Foundation
import JobDeckTestSupport
import Testing

/// Bad input to the commands that record a search: each is refused with a message naming the
/// option (or line) and what is allowed, exit status 64 for a value the command line got wrong or
/// 1 for a request that cannot be done (no such record, tag or duplicate), and the store's bytes
/// untouched.
@Suite("Hostile input to event, contact, set, edit, archive and add")
struct HostileRecordsTests {
  let workspace = CLIWorkspace()

  init() throws {
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer",
                           "--location", "Berlin"])
    try workspace.jobdeck(["apply", "sumup"])
    try workspace.jobdeck(["event", "add", "sumup", "interview", "2026-11-24", "--at", "14:00"])
    try workspace.jobdeck(["contact", "add", "sumup", "--name", "Mara"])
  }

  /// Every case: the arguments, the essential part of the message, the environment.
  static let cases: [([String], String)] = [
    (["event", "add", "sumup", "interview", "2026-11-24", "--at", "25:00"],
     "invalid --at '25:00': expected HH:MM from 00:00 to 23:59"),
    (["event", "add", "sumup", "interview", "2026-11-24", "--at", "14:00", "--time-zone", "Mars/Olympus"],
     "invalid --time-zone 'Mars/Olympus': expected an IANA name such as Europe/Berlin"),
    (["event", "add", "sumup", "interview", "2026-11-24", "--time-zone", "Europe/Paris"],
     "--time-zone needs --at"),
    (["event", "add", "sumup", "interview", "2026-11-24", "--link", "javascript:alert(1)"],
     "--link: invalid link 'javascript:alert(1)': expected an http(s) link"),
    (["event", "add", "sumup", "interview", "2026-11-24", "--duration", "0h"],
     "invalid --duration '0h': expected a length above zero"),
    (["event", "add", "sumup", "interview", "2026-11-24", "--duration=-1h"],
     "invalid --duration '-1h'"),
    (["event", "add", "sumup", "interview", "2026-11-24", "--place", "Room\u{1B}[2J"],
     "invalid --place \"Room\\u{1B}[2J\": expected one line without control characters"),
    (["event", "add", "sumup", "interview", "32 Nov"], "invalid date '32 Nov'"),
    (["event", "edit", "sumup-ml-engineer/interview", "--at", "9"], "invalid --at '9'"),
    (["event", "edit", "nothing-here"], "no deadline matches 'nothing-here'"),
    (["contact", "add", "sumup", "--name", "Jon", "--email", "jon.example.com"],
     "invalid email 'jon.example.com': expected an address such as name@example.com"),
    (["contact", "add", "sumup", "--name", "Jon", "--phone", "call me maybe"],
     "invalid phone 'call me maybe': expected digits"),
    (["contact", "add", "sumup", "--name", "   "], "invalid contact name"),
    (["contact", "edit", "sumup", "7", "--role", "x"], "invalid contact number '7': expected 1 to 1"),
    (["contact", "rm", "sumup", "zed"], "invalid contact 'zed': expected a number or a name of sumup-ml-engineer's contacts: Mara"),
    (["set", "sumup", "--salary", "lots of money"], "--salary: invalid salary 'lots of money'"),
    (["set", "sumup", "--salary-amount", "52000"], "--salary-amount needs --currency"),
    (["set", "sumup", "--contract-type", "freelance"], "freelance"),
    (["edit", "sumup", "--title", ""], "invalid title ''"),
    (["edit", "sumup", "--remove-tag", "nope"], "--remove-tag 'nope': 'sumup-ml-engineer' has no such tag"),
    (["edit", "sumup", "--salary", "52000"], "--salary: invalid salary '52000'"),
    (["edit", "sumup", "--posted", "someday"], "--posted: invalid posted 'someday'"),
    (["archive", "sumup-ml-engineer/interview"], "a posting or an application"),
    (["add", "posting", "--company", "SumUp", "--title", "ML Engineer", "--location", "Berlin"],
     "already on file as sumup-ml-engineer"),
    (["offers", "compare", "sumup"], "name at least two applications to compare"),
  ]

  @Test(arguments: cases.indices)
  func isRefusedWithItsMessageAndTheStoreUntouched(index: Int) throws {
    let (arguments, message) = Self.cases[index]
    let before = try workspace.storeBytes()
    let backup = try? Data(contentsOf: URL(fileURLWithPath: workspace.storePath + ".bak"))
    let result = try workspace.jobdeck(arguments)
    let requestErrors: Set<Int> = [9, 19, 23]
    let expectedStatus: Int32 = requestErrors.contains(index) ? 1 : 64
    #expect(result.exitCode == expectedStatus, "\(arguments): \(result.standardError)")
    #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
    #expect(try workspace.storeBytes() == before)
    #expect((try? Data(contentsOf: URL(fileURLWithPath: workspace.storePath + ".bak"))) == backup)
  }

  @Test func anEditorDocumentWithAMistakeIsRefusedWithItsLineAndNothingChanges() throws {
    let script = workspace.directory + "/editor.sh"
    try Data("""
      #!/bin/sh
      sed -i -e 's/^type: .*/type: freelance/' -e 's/^title: .*/title: Changed/' "$1"
      """.utf8).write(to: URL(fileURLWithPath: script))
    let before = try workspace.storeBytes()
    let result = try workspace.jobdeck(["edit", "sumup"], environment: ["EDITOR": "sh " + script, "VISUAL": ""])
    #expect(result.exitCode == 1)
    // Line 1 and 2 are comments, then company, title, location, url, type.
    #expect(result.standardError.contains("edited sumup-ml-engineer: line 7: invalid type 'freelance': expected one of internship"), "\(result.standardError)")
    #expect(result.standardError.contains("nothing changed"))
    #expect(try workspace.storeBytes() == before)
  }

  @Test func aFailingEditorChangesNothing() throws {
    let before = try workspace.storeBytes()
    let result = try workspace.jobdeck(["edit", "sumup"], environment: ["EDITOR": "false", "VISUAL": ""])
    #expect(result.exitCode == 1)
    #expect(result.standardError.contains("the editor failed or could not start"))
    #expect(try workspace.storeBytes() == before)
  }
}
