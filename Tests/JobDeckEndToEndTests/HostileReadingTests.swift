import Foundation
import JobDeckTestSupport
import Testing

/// Issue 12 §2 and the redirect of §3, through the real binary: whatever the source (a
/// directory, a FIFO, a device, an endless pipe, a NUL byte, an image, a gzip bomb, a server
/// that trickles or redirects to a file), `jobdeck import` stops with a message naming the
/// source and the limit, exits 1, and leaves the store's bytes as they were.
@Suite("Hostile sources given to jobdeck import")
struct HostileReadingTests {
  let workspace = CLIWorkspace()

  /// A store with one posting, and its bytes and the directory's listing before the import.
  private func storeBefore() throws -> (bytes: Data, listing: [String]) {
    if !FileManager.default.fileExists(atPath: workspace.storePath) {
      let added = try workspace.jobdeck(
        ["add", "posting", "--company", "Nimbus", "--title", "Data Intern"])
      #expect(added.exitCode == 0, "\(added.standardError)")
    }
    return (try workspace.storeBytes(), try listing())
  }

  private func listing() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: workspace.directory).sorted()
  }

  /// Runs the import and checks the exit status, the message and that nothing was written.
  @discardableResult
  private func expectRefused(_ arguments: [String], stdin: String = "", message: String,
                             status: Int32 = 1,
                             sourceLocation: SourceLocation = #_sourceLocation) throws
    -> ProcessResult
  {
    let before = try storeBefore()
    let result = try workspace.jobdeck(["import"] + arguments, stdin: stdin)
    try expectRefusal(result, message: message, before: before, status: status,
                      sourceLocation: sourceLocation)
    return result
  }

  private func expectRefusal(_ result: ProcessResult, message: String,
                             before: (bytes: Data, listing: [String]), status: Int32 = 1,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(result.exitCode == status, "\(result.standardError)", sourceLocation: sourceLocation)
    #expect(result.standardError == "jobdeck: " + message + "\n", sourceLocation: sourceLocation)
    #expect(try workspace.storeBytes() == before.bytes, sourceLocation: sourceLocation)
    #expect(try listing() == before.listing, sourceLocation: sourceLocation)
  }

  /// `jobdeck import ARGS` run by `/bin/sh -c SCRIPT`, where the script refers to the binary as
  /// "$JOBDECK" and the store as "$STORE" (for pipes and redirections).
  private func shell(_ script: String) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["JOBDECK"] = try BuiltBinary.jobdeck().url.path
    environment["STORE"] = workspace.storePath
    environment["HOME"] = workspace.directory
    environment["JOBDECK_NOW"] = workspace.now
    environment["JOBDECK_STORE"] = nil
    return try BuiltBinary(url: URL(fileURLWithPath: "/bin/sh"))
      .run(["-c", script], environment: environment, timeout: 120)
  }

  // MARK: - Files that are not files

  @Test func aDirectoryIsRefused() throws {
    let directory = workspace.directory + "/ads"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try expectRefused(
      [directory],
      message: "\(directory) is a directory, not a file: give a file, - for standard input, or a URL")
  }

  @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
    let fifo = workspace.directory + "/ad.fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    try expectRefused(
      [fifo],
      message: "\(fifo) is a named pipe (FIFO), not a file: give a file, - for standard input, or a URL")
  }

  @Test func aDeviceIsRefused() throws {
    try expectRefused(
      ["/dev/zero"],
      message: "/dev/zero is a device, not a file: give a file, - for standard input, or a URL")
  }

  @Test func aCSVNamedDirectoryIsRefused() throws {
    let directory = workspace.directory + "/export.csv"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try expectRefused(
      [directory],
      message: "\(directory) is a directory, not a file: give a file, - for standard input, or a URL")
  }

  // MARK: - Endless and binary input

  @Test func yesIntoStandardInputStopsAtTheCap() throws {
    let before = try storeBefore()
    let started = Date()
    let result = try shell(#"yes | "$JOBDECK" import - --store "$STORE""#)
    try expectRefusal(
      result,
      message: "standard input is larger than 10 MB, the limit for this import; stopped reading, "
        + "nothing imported (a larger limit: --max-size)",
      before: before)
    #expect(Date().timeIntervalSince(started) < 60)
  }

  @Test func maxSizeSetsTheCap() throws {
    let before = try storeBefore()
    let result = try shell(#"yes | "$JOBDECK" import - --max-size 1MB --store "$STORE""#)
    try expectRefusal(
      result,
      message: "standard input is larger than 1 MB, the limit for this import; stopped reading, "
        + "nothing imported (a larger limit: --max-size)",
      before: before)
  }

  @Test func aFileLargerThanTheCapIsRefusedBeforeItIsRead() throws {
    let path = workspace.directory + "/long-ad.txt"
    try Data(String(repeating: "Data Intern at Nimbus.\n", count: 1000).utf8)
      .write(to: URL(fileURLWithPath: path))
    try expectRefused(
      [path, "--max-size", "10KB"],
      message: "\(path) is larger than 10 KB, the limit for this import; stopped reading, "
        + "nothing imported (a larger limit: --max-size)")
  }

  @Test func devZeroAsStandardInputIsRefusedAsBinary() throws {
    let before = try storeBefore()
    let result = try shell(#""$JOBDECK" import - --store "$STORE" < /dev/zero"#)
    try expectRefusal(
      result,
      message: "standard input:1:1: a NUL byte: not a text or HTML page; nothing imported",
      before: before)
  }

  @Test func aFileWithANULByteIsRefusedWithItsPosition() throws {
    let path = workspace.directory + "/ad.txt"
    try Data("Data Intern\nNimbus GmbH\nApply by\0 3 March 2027\n".utf8)
      .write(to: URL(fileURLWithPath: path))
    try expectRefused(
      [path], message: "\(path):3:9: a NUL byte: not a text or HTML page; nothing imported")
  }

  @Test func aCSVCellWithANULByteIsABadRow() throws {
    let path = workspace.directory + "/tracker.csv"
    try Data("Company,Title,Notes\nNimbus,Data Intern,fine\nAtlas,ML Intern,bro\0ken\n".utf8)
      .write(to: URL(fileURLWithPath: path))
    let before = try storeBefore()
    let result = try workspace.jobdeck(["import", path])
    #expect(result.exitCode == 1)
    #expect(result.standardError.contains(
      "jobdeck: \(path): row 3, column 'Notes': a NUL byte: not text; the row was not imported\n"))
    #expect(result.standardError.contains("1 bad row in \(path); nothing was imported."))
    #expect(try workspace.storeBytes() == before.bytes)
    #expect(try listing() == before.listing)
  }

  // MARK: - Options

  @Test func badLimitsAreRefusedWithTheAllowedRange() throws {
    try expectRefused(
      ["-", "--max-size", "20XB"],
      message: "--max-size: '20XB' is not a size (expected a number and a unit, e.g. 20MB, 1GB, "
        + "512KB; allowed: 1 KB to 16 GB)", status: 64)
    try expectRefused(
      ["-", "--max-size", "99999999999999999GB"],
      message: "--max-size: 99999999999999999GB is out of range (allowed: 1 KB to 16 GB)", status: 64)
    try expectRefused(
      ["-", "--timeout", "0s"],
      message: "--timeout: 0s is out of range (allowed: 1 second to 3600 seconds)", status: 64)
    try expectRefused(
      ["-", "--timeout", "soon"],
      message: "--timeout: 'soon' is not a duration (expected e.g. 5s, 30s, 2m; allowed: "
        + "1 second to 3600 seconds)", status: 64)
  }

  // MARK: - Hostile web servers

  @Test func anImageIsNotAPage() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/image")
    try expectRefused(
      [address],
      message: "\(address): not a text or HTML page (Content-Type: image/png); nothing imported")
  }

  @Test func aRedirectToAFileIsReportedAsSuch() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/file-redirect")
    try expectRefused(
      [address],
      message: "\(address): the server redirects to file:///etc/passwd; only http:// and "
        + "https:// addresses are followed, nothing imported")
  }

  @Test func aGzipBombStopsAtTheCapInBoundedMemory() throws {
    let server = try LocalHTTPServer(bombMegabytes: 512)
    let address = server.url("hostile/gzip-bomb")
    let before = try storeBefore()
    // Peak resident memory of the import, from Python's view of its finished child.
    let result = try shell(
      #"python3 -c 'import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "#
        + #"print("peak-kb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)' "#
        + #""$JOBDECK" import \#(address) --store "$STORE""#)
    #expect(result.exitCode == 1)
    #expect(result.standardError == "jobdeck: \(address): the page is larger than 10 MB, the limit "
      + "for this import; stopped reading, nothing imported (a larger limit: --max-size)\n")
    let peak = Int(result.standardOutput.split(separator: " ").last?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? .max
    // The body decompresses to 512 MB; the import must stop near its 10 MB cap.
    #expect(peak < 200_000, "peak RSS \(peak) KB")
    #expect(try workspace.storeBytes() == before.bytes)
    #expect(try listing() == before.listing)
  }

  @Test func anEndlessPageStopsAtTheCap() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/endless")
    try expectRefused(
      [address],
      message: "\(address): the page is larger than 10 MB, the limit for this import; stopped "
        + "reading, nothing imported (a larger limit: --max-size)")
  }

  @Test func aTricklingServerStopsAtTheTimeout() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/trickle")
    let started = Date()
    try expectRefused(
      [address, "--timeout", "3s"],
      message: "\(address): the page did not arrive within 3 seconds; stopped, nothing imported "
        + "(a longer limit: --timeout)")
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 2.5 && elapsed < 30, "stopped after \(elapsed) s")
  }
}
