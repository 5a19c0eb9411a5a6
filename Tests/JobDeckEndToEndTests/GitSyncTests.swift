import Foundation
import Glibc
import JobDeckProcess
import JobDeckTestSupport
import Testing

/// `jobdeck sync` end to end: two machines' stores and a bare repository in a temporary
/// directory, the real binary and the real git.
@Suite("Git sync")
struct GitSyncTests {
  final class Setup: Sendable {
    let directory: TemporaryDirectory
    var remote: String { directory.file("remote.git") }
    var laptop: String { directory.file("laptop/store.json") }
    var desktop: String { directory.file("desktop/store.json") }

    init() throws {
      directory = try TemporaryDirectory(prefix: "jobdeck-sync")
      for name in ["laptop", "desktop"] {
        try FileManager.default.createDirectory(atPath: directory.file(name),
                                                withIntermediateDirectories: true)
      }
      let made = try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/git"))
        .run(["init", "--quiet", "--bare", "--initial-branch=main", remote],
             environment: environment)
      #expect(made.exitCode == 0, "\(made.standardError)")
    }

    var environment: [String: String] { GitTestEnvironment.variables(home: directory.path) }

    func arguments(_ arguments: [String], on store: String) -> [String] {
      arguments + ["--store", store]
    }

    @discardableResult
    func jobdeck(_ arguments: [String], on store: String, at now: String = "2026-03-02T10:00:00Z",
                 expecting status: Int32? = 0) throws -> ProcessResult {
      var environment = environment
      environment["JOBDECK_NOW"] = now
      let result = try BuiltBinary.jobdeck().run(self.arguments(arguments, on: store),
                                                 environment: environment)
      if let status {
        #expect(result.exitCode == status, "jobdeck \(arguments): \(result.standardError)")
      }
      return result
    }

    func git(_ arguments: [String], on store: String) throws -> ProcessResult {
      try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/git"))
        .run(["-C", (store as NSString).deletingLastPathComponent] + arguments,
             environment: environment)
    }

    /// Both machines set up: the laptop with one posting, the desktop joining with another.
    func bothJoined() throws {
      try jobdeck(["add", "posting", "--company", "Acme", "--title", "ML Intern"], on: laptop)
      try jobdeck(["apply", "acme"], on: laptop)
      try jobdeck(["sync", "--init", remote], on: laptop)
      try jobdeck(["add", "posting", "--company", "Zalando", "--title", "Data"], on: desktop)
      try jobdeck(["sync", "--init", remote], on: desktop)
      try jobdeck(["sync"], on: laptop)
    }
  }

  @Test func twoMachinesSetUpWithInitThenSyncHoldTheSameStore() throws {
    let setup = try Setup()
    try Data("my own notes\n".utf8).write(to: URL(fileURLWithPath:
      setup.directory.file("laptop/notes.txt")))
    try setup.bothJoined()
    for store in [setup.laptop, setup.desktop] {
      let listed = try setup.jobdeck(["list"], on: store).standardOutput
      #expect(listed.contains("Acme") && listed.contains("Zalando"))
    }
    let tracked = try setup.git(["ls-files"], on: setup.laptop).standardOutput
    #expect(tracked.split(separator: "\n").sorted() == [".gitattributes", ".gitignore",
                                                        "store.json"])
    let log = try setup.git(["log", "--format=%s"], on: setup.desktop).standardOutput
    #expect(log.contains("1 posting added"))
  }

  @Test func aSyncSaysWhatCameInAndWentOutAndKeepsConflicts() throws {
    let setup = try Setup()
    try setup.bothJoined()
    try setup.jobdeck(["note", "acme", "laptop note"], on: setup.laptop,
                      at: "2026-03-03T10:00:00Z")
    try setup.jobdeck(["note", "acme", "desktop note"], on: setup.desktop,
                      at: "2026-03-03T11:00:00Z")
    try setup.jobdeck(["add", "posting", "--company", "Bosch", "--title", "QA"], on: setup.desktop)
    let sent = try setup.jobdeck(["sync"], on: setup.laptop).standardOutput
    #expect(sent.contains("Committed: 1 application changed"))
    let merged = try setup.jobdeck(["sync"], on: setup.desktop).standardOutput
    #expect(merged.contains("Came in: 1 new conflict"), "\(merged)")
    #expect(merged.contains("Went out: 1 posting added, 1 application changed"), "\(merged)")
    try setup.jobdeck(["sync"], on: setup.laptop)
    for store in [setup.laptop, setup.desktop] {
      let conflicts = try setup.jobdeck(["conflicts"], on: store).standardOutput
      #expect(conflicts.contains("notes: lost") && conflicts.contains("laptop note"))
      #expect(try String(contentsOfFile: store, encoding: .utf8).contains("<<<<<<<") == false)
    }
  }

  /// Issue 17: `S` in the UI runs the same sync, says what it brought and shows it.
  @Test func sInTheUISyncsAndTheNewPostingAppears() throws {
    let setup = try Setup()
    try setup.bothJoined()
    try setup.jobdeck(["add", "posting", "--company", "Bosch", "--title", "QA"], on: setup.desktop)
    try setup.jobdeck(["sync"], on: setup.desktop)
    var environment = setup.environment.filter { $0.key.hasPrefix("GIT_") }
    environment["HOME"] = setup.directory.path
    environment["TZ"] = "UTC"
    environment["JOBDECK_STORE"] = ""
    let ui = try TmuxSession(
      command: [try BuiltBinary.jobdeck().url.path, "--store", setup.laptop],
      environment: environment, columns: 120, rows: 24)
    defer { ui.kill() }
    try ui.waitFor("Acme")
    try ui.waitFor("synced ")
    #expect(!(try ui.capture()).contains("Bosch"))
    try ui.sendKeys("S")
    try ui.waitFor("Synced: 1 came in, 0 went out", timeout: 20)
    try ui.waitFor("Bosch")
    try ui.sendKeys("q")
    #expect(try ui.waitForExit(timeout: 10) == 0)
    let listed = try setup.jobdeck(["list"], on: setup.laptop).standardOutput
    #expect(listed.contains("Bosch"))
  }

  @Test func anUnreachableRemoteKeepsLocalWorkCommittedAndTheNextSyncFinishes() throws {
    let setup = try Setup()
    try setup.bothJoined()
    let away = setup.directory.file("away.git")
    #expect(rename(setup.remote, away) == 0)
    try setup.jobdeck(["add", "posting", "--company", "Bosch", "--title", "QA"], on: setup.laptop)
    let failed = try setup.jobdeck(["sync"], on: setup.laptop, expecting: 1)
    #expect(failed.standardError.contains("could not reach the remote"))
    #expect(failed.standardError.contains("run jobdeck sync again"))
    let log = try setup.git(["log", "-1", "--format=%s"], on: setup.laptop).standardOutput
    #expect(log.contains("1 posting added"))
    #expect(rename(away, setup.remote) == 0)
    try setup.jobdeck(["sync"], on: setup.laptop)
    try setup.jobdeck(["sync"], on: setup.desktop)
    #expect(try setup.jobdeck(["list"], on: setup.desktop).standardOutput.contains("Bosch"))
  }

  @Test func aStoreWithAnotherNameIsTheFileTracked() throws {
    let setup = try Setup()
    let store = setup.directory.file("laptop/jobs.json")
    try setup.jobdeck(["add", "posting", "--company", "Acme", "--title", "ML"], on: store)
    try setup.jobdeck(["sync", "--init", setup.remote], on: store)
    let tracked = try setup.git(["ls-files"], on: store).standardOutput
    #expect(tracked.split(separator: "\n").sorted() == [".gitattributes", ".gitignore", "jobs.json"])
    let attributes = try String(contentsOfFile: setup.directory.file("laptop/.gitattributes"),
                                encoding: .utf8)
    #expect(attributes == "/jobs.json merge=jobdeck\n")
  }

  @Test func syncWithoutInitSaysHowToSetItUp() throws {
    let setup = try Setup()
    try setup.jobdeck(["add", "posting", "--company", "Acme", "--title", "ML"], on: setup.laptop)
    let result = try setup.jobdeck(["sync"], on: setup.laptop, expecting: 1)
    #expect(result.standardError.contains("jobdeck sync --init REMOTE"))
  }

  /// A sync killed (`kill -9`) at a random moment, 50 times, while another machine's changes
  /// wait to be merged: the next sync completes, the store loads, and both machines end with
  /// the same store.
  @Test func aSyncKilledAtAnyMomentIsFinishedByTheNext() throws {
    let setup = try Setup()
    try setup.bothJoined()
    var random = SeededGenerator(seed: 17)
    let binary = try BuiltBinary.jobdeck().url.path
    for round in 0..<50 {
      try setup.jobdeck(["note", "acme", "desktop \(round)"], on: setup.desktop)
      try setup.jobdeck(["sync"], on: setup.desktop)
      try setup.jobdeck(["add", "posting", "--company", "Firm\(round)", "--title", "Role"],
                        on: setup.laptop)
      var environment = setup.environment
      environment["JOBDECK_NOW"] = "2026-03-04T10:00:00Z"
      let launch = ProcessLaunch(
        setup.arguments([binary, "sync"], on: setup.laptop), environment: environment,
        standardInput: .opened(path: "/dev/null", flags: O_RDONLY),
        standardOutput: .opened(path: "/dev/null", flags: O_WRONLY),
        standardError: .opened(path: "/dev/null", flags: O_WRONLY))
      let pid = try launch.spawn()
      usleep(UInt32.random(in: 0..<400_000, using: &random))
      kill(pid, SIGKILL)
      _ = ProcessLaunch.wait(for: pid)
      let finished = try setup.jobdeck(["sync"], on: setup.laptop)
      #expect(finished.exitCode == 0, "round \(round): \(finished.standardError)")
      let listed = try setup.jobdeck(["list"], on: setup.laptop).standardOutput
      #expect(listed.contains("Firm\(round)"), "round \(round)")
    }
    try setup.jobdeck(["sync"], on: setup.desktop)
    let laptop = try String(contentsOfFile: setup.laptop, encoding: .utf8)
    let desktop = try String(contentsOfFile: setup.desktop, encoding: .utf8)
    #expect(laptop == desktop)
  }
}

/// The environment of the git tests' processes: the user's store, config and git identity kept
/// out, HOME in the test's directory.
enum GitTestEnvironment {
  static func variables(home: String) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["JOBDECK_STORE", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "JOBDECK_CONFIG"] {
      environment[name] = nil
    }
    environment["HOME"] = home
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_AUTHOR_NAME"] = "Test"
    environment["GIT_AUTHOR_EMAIL"] = "test@example.com"
    environment["GIT_COMMITTER_NAME"] = "Test"
    environment["GIT_COMMITTER_EMAIL"] = "test@example.com"
    environment["TZ"] = "UTC"
    return environment
  }
}
