import Foundation
import Glibc
import JobDeckTestSupport
import Testing

/// However the UI ends (SIGTERM, SIGHUP, Ctrl-C, a crash), the shell it was started from gets a
/// normal terminal back: canonical input and echo on, the alternate screen off. And what was
/// changed is on disk, except after a crash, which by definition saves nothing more.
///
/// The UI runs from an interactive bash (`--norc --noprofile -i`) in tmux, so the terminal
/// settings are those the shell sees afterwards: readline keeps whatever mode it finds at the
/// prompt, so raw mode left behind would show in `stty -a`.
@Suite("Reliability: the terminal is restored however the UI ends", .serialized)
struct ReliabilityTerminalRestoreTests {
  enum Ending: String, CaseIterable, CustomTestStringConvertible {
    case sigterm, sighup, controlC, crash
    var testDescription: String { rawValue }
  }

  @Test(arguments: Ending.allCases)
  func theShellGetsANormalTerminalBack(ending: Ending) async throws {
    try await Reliability.offThePool { try self.theShellGetsANormalTerminalBackBody(ending: ending) }
  }

  func theShellGetsANormalTerminalBackBody(ending: Ending) throws {
    let workspace = CLIWorkspace()
    try workspace.jobdeck(["add", "posting", "--company", "SumUp", "--title", "ML Engineer"])
    try workspace.jobdeck(["apply", "sumup", "--stage", "applied"])
    let binary = try BuiltBinary.jobdeck().url.path
    let shell = try TmuxSession(
      command: ["/bin/bash", "--norc", "--noprofile", "-i"],
      environment: ["HOME": workspace.directory, "TZ": "Europe/Berlin", "PS1": "READY$ "],
      columns: 160, rows: 30)
    try shell.waitFor("READY$")
    // The crash goes on to Swift's backtracer, which would wait for commands on a terminal.
    let crash = ending == .crash
      ? "JOBDECK_DEBUG_CRASH_AFTER_START=1 SWIFT_BACKTRACE=interactive=no,color=no " : ""
    // Quoted apart, so the typed command line itself never shows the marker.
    try shell.sendText("\(crash)\(binary) --store \(workspace.storePath); echo \"EXIT\"\"=$?\"")
    try shell.sendKeys("Enter")
    try shell.waitFor("ML Engineer", timeout: 20)
    #expect(try shell.displayMessage("#{alternate_on}") == "1")
    if ending != .crash {
      // A change just before the end: it must be on disk afterwards.
      try shell.sendKeys("2")
      try shell.waitFor("applied 1")
      try shell.sendKeys("L", "Enter")
      try shell.waitFor("screening 1")
    }
    let shellPID = try #require(pid_t(try shell.displayMessage("#{pane_pid}")))
    let uiPID = try #require(Self.children(of: shellPID).first, "the UI is not running")
    switch ending {
    case .sigterm: kill(uiPID, SIGTERM)
    case .sighup: kill(uiPID, SIGHUP)
    case .controlC: try shell.sendKeys("C-c")
    case .crash: break  // it crashes by itself on its first tick
    }
    let screen = try shell.waitFor("EXIT=", timeout: 60)
    let status = screen.split(separator: "\n").last { $0.hasPrefix("EXIT=") }
      .flatMap { Int($0.dropFirst(5).prefix { $0.isNumber }) }
    if ending == .crash {
      #expect((status ?? 0) > 128, "a crash should end by a signal: \(screen)")
    } else {
      #expect(status == 0, "\(screen)")
    }
    #expect(try shell.displayMessage("#{alternate_on}") == "0")
    try shell.sendText("for f in $(stty -a | tr ';' ' '); do case $f in icanon|-icanon|echo|-echo"
      + "|ixon|-ixon) printf '%s,' $f;; esac; done; echo :STTY")
    try shell.sendKeys("Enter")
    let settings = try shell.waitUntil("stty's answer") { $0.contains(",:STTY") }
    // Flow control too: the UI turns it off so that Ctrl-S reaches it, and gives it back.
    #expect(settings.contains("ixon,icanon,echo,:STTY"), "\(settings)")
    // Typed text echoes again, as a shell user would see it.
    try shell.sendText("echo typed-back")
    try shell.waitFor("echo typed-back")

    let shown = try workspace.json(["show", "sumup", "--json"])
    let stages = (shown["history"] as? [[String: Any]] ?? []).compactMap { $0["to"] as? String }
    #expect(stages == (ending == .crash ? ["applied"] : ["applied", "screening"]))
  }

  static func children(of pid: pid_t) -> [pid_t] {
    let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8))
      ?? ""
    return text.split(separator: " ").compactMap { pid_t($0) }
  }
}
