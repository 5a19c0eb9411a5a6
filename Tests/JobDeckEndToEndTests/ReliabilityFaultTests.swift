import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// Faults around the store: a full disk, a read-only file system, a directory that is missing or
/// not writable, a directory where the file should be, a dangling symlink. Every one gives a
/// clear message and exit status 2, and leaves the original file byte for byte as it was.
///
/// Mount-based tests need root outside a locked-down container (they are skipped otherwise, and
/// the RLIMIT_FSIZE and unwritable-directory tests still run); permission tests run `jobdeck` as
/// `nobody`, because CI runs as root.
@Suite("Reliability: faults give a clear message and keep the original", .serialized)
struct ReliabilityFaultTests {
  /// A store with two postings, one applied, made by the CLI at `storePath`.
  static func makeStore(at storePath: String, workspace: CLIWorkspace) throws {
    for arguments in [
      ["add", "posting", "--company", "SumUp", "--title", "ML Engineer"],
      ["add", "posting", "--company", "DeepL", "--title", "Research Intern"],
      ["apply", "sumup", "--stage", "applied"],
    ] {
      let result = try workspace.jobdeck(arguments + ["--store", storePath], useStoreOption: false)
      #expect(result.exitCode == 0, "\(result.standardError)")
    }
  }

  static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  /// A write that must fail: exit 2, a message with `fragment`, the original unchanged and no
  /// temporary file left beside it.
  static func expectRefusedWrite(
    _ run: () throws -> ProcessResult, storePath: String, fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = bytes(storePath)
    let result = try run()
    #expect(result.exitCode == 2, "exit \(result.exitCode): \(result.standardError)",
      sourceLocation: sourceLocation)
    #expect(result.standardError.contains(fragment), "\(result.standardError)",
      sourceLocation: sourceLocation)
    #expect(result.standardError.hasPrefix("jobdeck: "), sourceLocation: sourceLocation)
    #expect(bytes(storePath) == before, "the original changed", sourceLocation: sourceLocation)
    let directory = (storePath as NSString).deletingLastPathComponent
    #expect(Reliability.temporaryFiles(in: directory).isEmpty, sourceLocation: sourceLocation)
  }

  // MARK: - Disk full

  @Test(.enabled(if: Reliability.canMount, "needs permission to mount a tmpfs"))
  func aFullDiskIsReportedAndTheOriginalKept() throws {
    let workspace = CLIWorkspace()
    let mount = try ScratchMount(sizeKilobytes: 256)
    let storePath = mount.path + "/store.json"
    try Self.makeStore(at: storePath, workspace: workspace)
    try mount.fill()
    try Self.expectRefusedWrite({
      try workspace.jobdeck(["add", "posting", "--company", "Zalando", "--title", "Data Engineer",
        "--description", String(repeating: "x", count: 20_000), "--store", storePath],
        useStoreOption: false)
    }, storePath: storePath, fragment: "the disk is full (ENOSPC)")
    // Space again: the same command now works and nothing earlier was lost.
    mount.emptyFiller()
    let retried = try workspace.jobdeck(["add", "posting", "--company", "Zalando", "--title",
      "Data Engineer", "--store", storePath], useStoreOption: false)
    #expect(retried.exitCode == 0, "\(retried.standardError)")
    let listed = try workspace.jobdeck(["list", "--store", storePath], useStoreOption: false)
    #expect(listed.standardOutput.contains("sumup-ml-engineer"))
    #expect(listed.standardOutput.contains("zalando-data-engineer"))
  }

  @Test func theFileSizeLimitIsReportedAndTheOriginalKept() throws {
    let workspace = CLIWorkspace()
    try Self.makeStore(at: workspace.storePath, workspace: workspace)
    let binary = try BuiltBinary.jobdeck().url.path
    // RLIMIT_FSIZE below the store's size: write() fails with EFBIG (or the process would be
    // killed by SIGXFSZ, which jobdeck ignores for exactly this reason).
    try Self.expectRefusedWrite({
      try Reliability.run(["/usr/bin/prlimit", "--fsize=600", binary, "move", "sumup",
        "screening", "--store", workspace.storePath],
        environment: Reliability.environment(for: workspace))
    }, storePath: workspace.storePath, fragment: "maximum file size allowed (EFBIG)")
  }

  // MARK: - Read-only file system

  @Test(.enabled(if: Reliability.canMount, "needs permission to mount a tmpfs"))
  func aReadOnlyFileSystemRefusesWritesButStillReads() throws {
    let workspace = CLIWorkspace()
    let mount = try ScratchMount(sizeKilobytes: 1024)
    let storePath = mount.path + "/store.json"
    try Self.makeStore(at: storePath, workspace: workspace)
    try mount.remount(readOnly: true)
    defer { try? mount.remount(readOnly: false) }
    try Self.expectRefusedWrite({
      try workspace.jobdeck(["move", "sumup", "screening", "--store", storePath],
        useStoreOption: false)
    }, storePath: storePath, fragment: "the file system is read-only (EROFS)")
    let listed = try workspace.jobdeck(["list", "--store", storePath], useStoreOption: false)
    #expect(listed.exitCode == 0, "\(listed.standardError)")
    #expect(listed.standardOutput.contains("sumup-ml-engineer"))
  }

  // MARK: - Missing or unwritable directory

  @Test(.enabled(if: Reliability.canDropPrivileges, "needs root to run jobdeck as nobody"))
  func aStoreInADirectoryNobodyMayWriteIsRefused() throws {
    let workspace = CLIWorkspace()
    let directory = workspace.directory + "/locked"
    mkdir(directory, 0o755)
    let storePath = directory + "/store.json"
    try Self.makeStore(at: storePath, workspace: workspace)
    // The file is nobody's, the directory root's: the file could be read, but no temporary file
    // or lock can be created beside it.
    chown(storePath, 65534, 65534)
    chown(storePath + ".lock", 65534, 65534)
    chmod(workspace.directory, 0o755)
    try Self.expectRefusedWrite({
      try Reliability.jobdeckAsNobody(["move", "sumup", "screening", "--store", storePath],
        workspace: workspace)
    }, storePath: storePath, fragment: "cannot create a temporary file in \(directory):"
      + " permission denied (EACCES)")
  }

  @Test(.enabled(if: Reliability.canDropPrivileges, "needs root to run jobdeck as nobody"))
  func aMissingDirectoryThatCannotBeCreatedIsRefused() throws {
    let workspace = CLIWorkspace()
    chmod(workspace.directory, 0o755)
    let storePath = workspace.directory + "/missing/deeper/store.json"
    let result = try Reliability.jobdeckAsNobody(
      ["add", "posting", "--company", "SumUp", "--title", "ML Engineer", "--store", storePath],
      workspace: workspace)
    #expect(result.exitCode == 2, "\(result.standardError)")
    #expect(result.standardError.contains(
      "cannot create the directory \(workspace.directory)/missing: permission denied (EACCES)"),
      "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: workspace.directory + "/missing"))
  }

  @Test(.enabled(if: Reliability.canDropPrivileges, "needs root to run jobdeck as nobody"))
  func aStoreFileNobodyMayReadIsRefusedForReadingToo() throws {
    let workspace = CLIWorkspace()
    chmod(workspace.directory, 0o755)
    try Self.makeStore(at: workspace.storePath, workspace: workspace)
    chmod(workspace.storePath, 0o600)
    let before = Self.bytes(workspace.storePath)
    let result = try Reliability.jobdeckAsNobody(["list", "--store", workspace.storePath],
      workspace: workspace)
    #expect(result.exitCode == 2, "\(result.standardError)")
    #expect(result.standardError.contains("permission denied (EACCES)"), "\(result.standardError)")
    #expect(Self.bytes(workspace.storePath) == before)
  }

  // MARK: - Wrong kinds of path

  @Test func aDirectoryWhereTheStoreShouldBeIsReported() throws {
    let workspace = CLIWorkspace()
    let storePath = workspace.directory + "/store.json"
    mkdir(storePath, 0o700)
    for arguments in [["list"], ["add", "posting", "--company", "SumUp", "--title", "ML"]] {
      let result = try workspace.jobdeck(arguments)
      #expect(result.exitCode == 2, "\(arguments): \(result.standardError)")
      #expect(result.standardError.contains("it is a directory, not a file (EISDIR)"),
        "\(result.standardError)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: storePath).isEmpty)
  }

  @Test func aDanglingSymlinkToAMissingDirectoryIsReportedNotSilentlyEmpty() throws {
    let workspace = CLIWorkspace()
    // A store kept on a drive that is not mounted: reading it as empty, or creating the drive's
    // folders on the local disk, would both mislead.
    let target = workspace.directory + "/unmounted-drive/jobdeck/store.json"
    #expect(symlink(target, workspace.storePath) == 0)
    for arguments in [["list"], ["add", "posting", "--company", "SumUp", "--title", "ML"]] {
      let result = try workspace.jobdeck(arguments)
      #expect(result.exitCode == 2, "\(arguments): \(result.standardError)")
      #expect(result.standardError.contains("symbolic link"), "\(result.standardError)")
      #expect(result.standardError.contains(target), "\(result.standardError)")
    }
    #expect(!FileManager.default.fileExists(atPath: workspace.directory + "/unmounted-drive"))
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: workspace.storePath))
      == target)
  }

  @Test func aSymlinkLoopIsReported() throws {
    let workspace = CLIWorkspace()
    #expect(symlink("store.json", workspace.storePath) == 0)
    let result = try workspace.jobdeck(["list"])
    #expect(result.exitCode == 2, "\(result.standardError)")
    #expect(result.standardError.contains("symbolic link loop (ELOOP)"), "\(result.standardError)")
  }
}
