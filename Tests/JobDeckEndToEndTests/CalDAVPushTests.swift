import Foundation
import JobDeckTestSupport
import Testing

/// `jobdeck caldav push` end to end: the real binary against a real Radicale started here, and
/// the calendar read back with a real CalDAV client (python3-caldav).
@Suite("CalDAV push")
struct CalDAVPushTests {
  final class Setup: Sendable {
    let server: RadicaleServer
    let directory: TemporaryDirectory
    var store: String { directory.file("store.json") }
    var calendar: String { server.url("\(server.username)/jobs/") }

    init() throws {
      server = try RadicaleServer()
      directory = try TemporaryDirectory(prefix: "jobdeck-caldav")
      let made = try curl(["-X", "MKCALENDAR", calendar])
      #expect(made.standardOutput == "201", "MKCALENDAR: \(made.standardOutput)")
      // The password through the configured command, as a user with `pass` would have it.
      let config = """
        [caldav]
        url = "\(calendar)"
        username = "\(server.username)"
        password_command = "printf '%s\\\\n' '\(server.password)'"
        """
      try Data(config.utf8).write(to: URL(fileURLWithPath: directory.file("config.toml")))
    }

    @discardableResult
    func jobdeck(_ arguments: [String], environment extra: [String: String] = [:],
                 expecting status: Int32 = 0) throws -> ProcessResult {
      var environment = ProcessInfo.processInfo.environment
      environment["JOBDECK_NOW"] = "2026-12-06T10:00:00Z"
      environment["TZ"] = "Europe/Berlin"
      environment["JOBDECK_CONFIG"] = directory.file("config.toml")
      for name in ["JOBDECK_CALDAV_URL", "JOBDECK_CALDAV_USERNAME", "JOBDECK_CALDAV_PASSWORD"] {
        environment[name] = nil
      }
      environment.merge(extra) { $1 }
      let result = try BuiltBinary.jobdeck().run(arguments + ["--store", store],
                                                 environment: environment)
      #expect(result.exitCode == status, "jobdeck \(arguments): \(result.standardError)")
      return result
    }

    /// curl as the calendar's owner, printing the HTTP status.
    func curl(_ arguments: [String]) throws -> ProcessResult {
      try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/curl")).run(
        ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-u",
         "\(server.username):\(server.password)"] + arguments)
    }

    /// The calendar as python3-caldav reads it: "UID DTSTART SUMMARY" per event, sorted.
    func events() throws -> [String] {
      let result = try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/python3")).run(
        ["-c", Self.listScript, calendar, server.username, server.password])
      #expect(result.exitCode == 0, "caldav client: \(result.standardError)")
      return result.standardOutput.split(separator: "\n").map(String.init)
    }

    static let listScript = """
      import sys, caldav
      url, user, password = sys.argv[1:4]
      client = caldav.DAVClient(url=url, username=user, password=password)
      rows = []
      for event in caldav.Calendar(client=client, url=url).events():
          component = event.icalendar_instance.walk("VEVENT")[0]
          start = component.get("DTSTART").to_ical().decode()
          rows.append(f"{component.get('UID')} {start} {component.get('SUMMARY')}")
      print("\\n".join(sorted(rows)))
      """

    /// Acme's apply-by date and interview, Bolt's apply-by date.
    func addDeadlines() throws {
      try jobdeck(["add", "posting", "--company", "Acme", "--title", "ML Intern",
                   "--deadline", "2026-12-20"])
      try jobdeck(["add", "posting", "--company", "Bolt, Inc", "--title", "iOS Dev",
                   "--deadline", "2026-12-24"])
      try jobdeck(["deadline", "add", "acme-ml-intern", "interview", "2026-12-15",
                   "--at", "14:30"])
    }

    func resourceURL(_ uid: String) -> String {
      calendar + uid.replacingOccurrences(of: "/", with: "_2F")
        .replacingOccurrences(of: "@", with: "_40") + ".ics"
    }
  }

  @Test func pushChangeAndPushAgainLeaveExactlyTheCurrentEventsAndNothingIsSentTwice() throws {
    let setup = try Setup()
    try setup.addDeadlines()
    let first = try setup.jobdeck(["caldav", "push"])
    #expect(first.standardOutput.contains("added: Apply by: iOS Dev at Bolt, Inc"))
    #expect(try setup.events() == [
      "acme-ml-intern/apply-by@jobdeck 20261220 Apply by: ML Intern at Acme",
      "acme-ml-intern/interview@jobdeck 20261215T133000Z Interview: ML Intern at Acme",
      "bolt-ios-dev/apply-by@jobdeck 20261224 Apply by: iOS Dev at Bolt, Inc",
    ])

    try setup.jobdeck(["deadline", "move", "acme-ml-intern/apply-by", "2026-12-22"])
    try setup.jobdeck(["deadline", "done", "bolt-ios-dev/apply-by"])
    // A push killed while it replaced its state left a temporary file; the next push removes it.
    let state = URL(fileURLWithPath: setup.store + ".caldav-state.json")
    let leftover = state.deletingLastPathComponent()
      .appendingPathComponent("." + state.lastPathComponent + ".tmp-4242").path
    #expect(FileManager.default.createFile(atPath: leftover, contents: Data("{".utf8)))
    let second = try setup.jobdeck(["caldav", "push"])
    #expect(!FileManager.default.fileExists(atPath: leftover))
    #expect(second.standardOutput.contains("updated: Apply by: ML Intern at Acme"))
    #expect(second.standardOutput.contains("removed: bolt-ios-dev_2Fapply-by_40jobdeck.ics"))
    #expect(try setup.events() == [
      "acme-ml-intern/apply-by@jobdeck 20261222 Apply by: ML Intern at Acme",
      "acme-ml-intern/interview@jobdeck 20261215T133000Z Interview: ML Intern at Acme",
    ])

    // Edited on the server behind JobDeck's back: a third push with nothing changed locally
    // sends nothing, so the edit stays (a PUT would have replaced it or met a 412).
    let url = setup.resourceURL("acme-ml-intern/interview@jobdeck")
    let edited = """
      BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r
      UID:acme-ml-intern/interview@jobdeck\r\nDTSTAMP:20261206T100000Z\r
      DTSTART:20261215T150000Z\r\nSUMMARY:Moved on the phone\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
      """
    try Data(edited.utf8).write(to: URL(fileURLWithPath: setup.directory.file("edited.ics")))
    let put = try setup.curl(["-T", setup.directory.file("edited.ics"), "-H",
                              "Content-Type: text/calendar", url])
    #expect(put.standardOutput == "204" || put.standardOutput == "201")
    let third = try setup.jobdeck(["caldav", "push"])
    #expect(third.standardOutput.hasPrefix("nothing to publish"))
    #expect(try setup.events().contains(
      "acme-ml-intern/interview@jobdeck 20261215T150000Z Moved on the phone"))

    // Changed locally too: reported, exit 1, and the server's copy is left as it is.
    try setup.jobdeck(["deadline", "move", "acme-ml-intern/interview", "2026-12-16"])
    let conflict = try setup.jobdeck(["caldav", "push"], expecting: 1)
    #expect(conflict.standardError.contains(
      "changed on the server since the last push: \(url); not overwritten"))
    #expect(try setup.events() == [
      "acme-ml-intern/apply-by@jobdeck 20261222 Apply by: ML Intern at Acme",
      "acme-ml-intern/interview@jobdeck 20261215T150000Z Moved on the phone",
    ])

    // The state file lost: every event is new to JobDeck but already there; none is replaced.
    try FileManager.default.removeItem(atPath: setup.store + ".caldav-state.json")
    let lost = try setup.jobdeck(["caldav", "push"], expecting: 1)
    #expect(lost.standardError.contains("already on the server, not from this store's last push:"
      + " \(url); not overwritten"))
    #expect(try setup.events().contains(
      "acme-ml-intern/interview@jobdeck 20261215T150000Z Moved on the phone"))
  }

  @Test func aWrongPasswordIsReportedAndNothingIsPublished() throws {
    let setup = try Setup()
    try setup.addDeadlines()
    let refused = try setup.jobdeck(["caldav", "push"],
                                    environment: ["JOBDECK_CALDAV_PASSWORD": "wrong"],
                                    expecting: 1)
    #expect(refused.standardError.contains("the server refused the credentials (HTTP 401)"))
    #expect(refused.standardError.contains("nothing was published"))
    #expect(try setup.events().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: setup.store + ".caldav-state.json"))
  }

  @Test func plainHTTPToAnotherHostIsRefusedBeforeAnythingIsSent() throws {
    let setup = try Setup()
    let refused = try setup.jobdeck(["caldav", "push", "--calendar", "http://example.org/cal/"],
                                    expecting: 64)
    #expect(refused.standardError.contains("CalDAV needs https://"))
  }
}
