import Foundation
import JobDeckTestSupport
import Testing

/// `jobdeck merge-driver` under real git: two clones of a bare repository in a temporary
/// directory, each with a store changed by the real binary, merged by `git pull`.
@Suite("Git merge driver")
struct GitMergeDriverTests {
  /// A bare remote and two clones (`laptop`, `desktop`) whose store.json is merged by JobDeck.
  final class Machines: Sendable {
    let directory: TemporaryDirectory
    var laptop: String { directory.file("laptop") }
    var desktop: String { directory.file("desktop") }
    var remote: String { directory.file("remote.git") }

    init() throws {
      directory = try TemporaryDirectory(prefix: "jobdeck-git")
      try git(["init", "--bare", "--initial-branch=main", remote], in: directory.path)
      try git(["clone", remote, laptop], in: directory.path)
      try configure(laptop)
      try Data("store.json merge=jobdeck\n".utf8)
        .write(to: URL(fileURLWithPath: laptop + "/.gitattributes"))
      try jobdeck(["add", "posting", "--company", "Acme", "--title", "ML Intern"], on: laptop,
                  at: "2026-03-01T10:00:00Z")
      try jobdeck(["apply", "acme"], on: laptop, at: "2026-03-01T10:00:00Z")
      try git(["add", "store.json", ".gitattributes"], in: laptop)
      try git(["commit", "-m", "start"], in: laptop)
      try git(["push", "origin", "HEAD:main"], in: laptop)
      try git(["clone", remote, desktop], in: directory.path)
      try configure(desktop)
    }

    var environment: [String: String] { GitTestEnvironment.variables(home: directory.path) }

    private func configure(_ clone: String) throws {
      let binary = try BuiltBinary.jobdeck().url.path
      try git(["config", "merge.jobdeck.name", "JobDeck store merge"], in: clone)
      try git(["config", "merge.jobdeck.driver", "'\(binary)' merge-driver %O %A %B"], in: clone)
      try git(["config", "pull.rebase", "false"], in: clone)
    }

    @discardableResult
    func git(_ arguments: [String], in directory: String) throws -> ProcessResult {
      let result = try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/git"))
        .run(["-C", directory] + arguments, environment: environment)
      #expect(result.exitCode == 0, "git \(arguments): \(result.standardError)")
      return result
    }

    @discardableResult
    func jobdeck(_ arguments: [String], on clone: String, at now: String = "2026-03-02T10:00:00Z",
                 expecting status: Int32 = 0) throws -> ProcessResult {
      var environment = environment
      environment["JOBDECK_NOW"] = now
      let result = try BuiltBinary.jobdeck().run(arguments + ["--store", clone + "/store.json"],
                                                 environment: environment)
      #expect(result.exitCode == status, "jobdeck \(arguments): \(result.standardError)")
      return result
    }

    /// Commits the clone's store and pushes it, pulling (and so merging) first.
    @discardableResult
    func commitAndSync(_ clone: String, _ message: String) throws -> ProcessResult {
      try git(["commit", "-am", message], in: clone)
      let pulled = try git(["pull", "origin", "main"], in: clone)
      try git(["push", "origin", "HEAD:main"], in: clone)
      return pulled
    }

    func store(of clone: String) throws -> String {
      try String(contentsOfFile: clone + "/store.json", encoding: .utf8)
    }
  }

  @Test func changesToDifferentRecordsBothArrive() throws {
    let machines = try Machines()
    try machines.jobdeck(["add", "posting", "--company", "Zalando", "--title", "Data"],
                         on: machines.laptop)
    try machines.jobdeck(["note", "acme", "called Ana"], on: machines.desktop)
    try machines.commitAndSync(machines.laptop, "laptop")
    try machines.commitAndSync(machines.desktop, "desktop")
    try machines.git(["pull", "origin", "main"], in: machines.laptop)
    for clone in [machines.laptop, machines.desktop] {
      let shown = try machines.jobdeck(["show", "acme-ml-intern"], on: clone).standardOutput
      #expect(shown.contains("called Ana"))
      #expect(try machines.jobdeck(["list"], on: clone).standardOutput.contains("Zalando"))
    }
  }

  @Test func aFieldChangedOnBothMachinesKeepsTheLaterAndListsTheOther() throws {
    let machines = try Machines()
    try machines.jobdeck(["note", "acme", "laptop note"], on: machines.laptop,
                         at: "2026-03-02T10:00:00Z")
    try machines.jobdeck(["note", "acme", "desktop note"], on: machines.desktop,
                         at: "2026-03-02T11:00:00Z")
    try machines.commitAndSync(machines.laptop, "laptop")
    let merge = try machines.commitAndSync(machines.desktop, "desktop")
    #expect(merge.exitCode == 0)
    let text = try machines.store(of: machines.desktop)
    #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"))
    let shown = try machines.jobdeck(["show", "acme-ml-intern"], on: machines.desktop)
      .standardOutput
    #expect(shown.contains("desktop note"))
    #expect(shown.contains("Conflicts"))
    let listed = try machines.jobdeck(["conflicts"], on: machines.desktop).standardOutput
    #expect(listed.contains("application acme-ml-intern  notes: lost"))
    #expect(listed.contains("laptop note"))

    try machines.jobdeck(["conflicts", "resolve", "acme-ml-intern", "notes", "--keep", "theirs"],
                         on: machines.desktop)
    let resolved = try machines.jobdeck(["show", "acme-ml-intern"], on: machines.desktop)
      .standardOutput
    #expect(resolved.contains("laptop note"))
    #expect(!resolved.contains("desktop note"))
    #expect(try machines.jobdeck(["conflicts"], on: machines.desktop).standardOutput
      == "No conflicts.\n")
  }

  @Test func anEditBeatsADeleteThroughGit() throws {
    let machines = try Machines()
    try machines.jobdeck(["rm", "acme-ml-intern", "--yes"], on: machines.laptop)
    try machines.jobdeck(["note", "acme", "second interview"], on: machines.desktop)
    try machines.commitAndSync(machines.laptop, "laptop")
    let merge = try machines.commitAndSync(machines.desktop, "desktop")
    #expect(merge.standardError.contains("deleted on the other"))
    let shown = try machines.jobdeck(["show", "acme-ml-intern"], on: machines.desktop)
    #expect(shown.standardOutput.contains("second interview"))
  }

  @Test func aStageMovedOnBothMachinesKeepsBothMovesInTimeOrder() throws {
    let machines = try Machines()
    try machines.jobdeck(["move", "acme", "interview"], on: machines.laptop,
                         at: "2026-03-03T10:00:00Z")
    try machines.jobdeck(["move", "acme", "screening"], on: machines.desktop,
                         at: "2026-03-02T10:00:00Z")
    try machines.commitAndSync(machines.laptop, "laptop")
    try machines.commitAndSync(machines.desktop, "desktop")
    let json = try machines.jobdeck(["show", "acme-ml-intern", "--json"], on: machines.desktop)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let history = try #require(object["history"] as? [[String: Any]])
    #expect(history.compactMap { $0["to"] as? String } == ["applied", "screening", "interview"])
    #expect(object["stage"] as? String == "interview")
  }
}
