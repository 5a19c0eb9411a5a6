import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// A fault while the UI is open: the move stays on screen with `NOT SAVED … will retry` in the
/// status bar, and once the fault is lifted the next tick saves it, with nothing lost.
@Suite("Reliability: the UI keeps an unsaved change and retries", .serialized)
struct ReliabilityUIFaultTests {
  enum Fault: String, CaseIterable, CustomTestStringConvertible {
    case readOnlyFileSystem, diskFull, unwritableDirectory
    var testDescription: String { rawValue }
  }

  @Test(arguments: Fault.allCases)
  func aFailedSaveIsKeptShownAndRetried(fault: Fault) async throws {
    try await Reliability.offThePool { try self.aFailedSaveIsKeptShownAndRetriedBody(fault: fault) }
  }

  func aFailedSaveIsKeptShownAndRetriedBody(fault: Fault) throws {
    switch fault {
    case .readOnlyFileSystem, .diskFull:
      try #require(Reliability.canMount, "needs permission to mount a tmpfs")
    case .unwritableDirectory:
      try #require(Reliability.canDropPrivileges, "needs root to run the UI as nobody")
    }
    let workspace = CLIWorkspace()
    let mount = fault == .unwritableDirectory ? nil : try ScratchMount(sizeKilobytes: 512)
    let directory = mount?.path ?? workspace.directory + "/store"
    if mount == nil { mkdir(directory, 0o755) }
    let storePath = directory + "/store.json"
    try ReliabilityFaultTests.makeStore(at: storePath, workspace: workspace)
    var command = [try BuiltBinary.jobdeck().url.path, "--store", storePath]
    if fault == .unwritableDirectory {
      chmod(workspace.directory, 0o755)
      for path in [directory, storePath, storePath + ".lock", storePath + ".bak"] {
        chown(path, 65534, 65534)
      }
      command = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        + command
    }
    let ui = try TmuxSession(
      command: command,
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "JOBDECK_STORE": ""],
      columns: 200, rows: 24)
    try ui.waitFor("ML Engineer")
    try ui.sendKeys("2")
    try ui.waitFor("applied 1")

    let expectedMessage: String
    switch fault {
    case .readOnlyFileSystem:
      try mount?.remount(readOnly: true)
      expectedMessage = "read-only (EROFS)"
    case .diskFull:
      try mount?.fill()
      expectedMessage = "disk is full (ENOSPC)"
    case .unwritableDirectory:
      chmod(directory, 0o555)
      expectedMessage = "permission denied (EACCES)"
    }
    let before = FileManager.default.contents(atPath: storePath)
    try ui.sendKeys("L", "Enter")
    let failed = try ui.waitFor("NOT SAVED", timeout: 10)
    #expect(failed.contains(expectedMessage), "\(failed)")
    #expect(failed.contains("screening 1"), "the move must stay on screen")
    // Still failing on the next retries, and the original untouched.
    usleep(2_000_000)
    try ui.waitFor("NOT SAVED")
    #expect(FileManager.default.contents(atPath: storePath) == before)

    switch fault {
    case .readOnlyFileSystem: try mount?.remount(readOnly: false)
    case .diskFull: mount?.emptyFiller()
    case .unwritableDirectory: chmod(directory, 0o755)
    }
    try ui.waitForAbsence(of: "NOT SAVED", timeout: 10)
    try ui.waitFor("saved")
    let result = try workspace.jobdeck(["show", "sumup", "--json", "--store", storePath],
      useStoreOption: false)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let shown = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
      as? [String: Any] ?? [:]
    let stages = (shown["history"] as? [[String: Any]] ?? []).compactMap { $0["to"] as? String }
    #expect(stages == ["applied", "screening"])
    try ui.sendKeys("q")
    #expect(try ui.waitForExit(timeout: 10) == 0)
    #expect(Reliability.temporaryFiles(in: directory).isEmpty)
  }
}
