import Foundation
import JobDeckTestSupport
import Testing

@Suite("The tmux driver")
struct TmuxSessionTests {
  @Test("Typed text and Enter reach the program, and its output is waited for")
  func typesAndWaits() throws {
    let session = try TmuxSession(command: [
      "/bin/sh", "-c", "echo ready; read line; echo \"got [$line]\"; read wait",
    ])
    try session.waitFor("ready")
    try session.sendText("it's a $HOME; test")
    try session.sendKeys("Enter")
    try session.waitFor("got [it's a $HOME; test]")
  }

  @Test("The pane has TERM=xterm-256color and the variables it was given")
  func environmentReachesThePane() throws {
    let session = try TmuxSession(
      command: ["/bin/sh", "-c", "echo \"$TERM $JOBDECK_STORE\"; read wait"],
      environment: ["JOBDECK_STORE": "/tmp/store.json"])
    try session.waitFor("xterm-256color /tmp/store.json")
  }

  @Test("A timeout names what was awaited and shows the last screen")
  func timeoutShowsTheScreen() throws {
    let session = try TmuxSession(command: ["/bin/sh", "-c", "echo visible text; read wait"])
    try session.waitFor("visible text")
    do {
      try session.waitFor("never shown", timeout: 0.3)
      Issue.record("waitFor returned for text that was never shown")
    } catch let error as TmuxError {
      let message = error.description
      #expect(message.contains("\"never shown\""))
      #expect(message.contains("visible text"))
    }
  }

  @Test("Resizing changes the window, and the program sees the new size")
  func resizes() throws {
    let session = try TmuxSession(command: [
      "/bin/sh", "-c", "while read line; do stty size; done",
    ])
    try session.waitUntil("the shell to start") { _ in true }
    #expect(try session.displayMessage("#{window_width}x#{window_height}") == "80x24")
    try session.resize(columns: 30, rows: 8)
    #expect(try session.displayMessage("#{window_width}x#{window_height}") == "30x8")
    try session.sendKeys("Enter")
    try session.waitFor("8 30")
  }

  @Test("alternate_on follows a full-screen program entering and leaving the alternate screen")
  func alternateScreen() throws {
    let session = try TmuxSession(command: [
      "/bin/sh", "-c",
      "printf 'main\\n'; read a; tput smcup; printf 'in alternate\\n'; read b; tput rmcup; read c",
    ])
    try session.waitFor("main")
    #expect(try session.displayMessage("#{alternate_on}") == "0")
    try session.sendKeys("Enter")
    try session.waitFor("in alternate")
    #expect(try session.displayMessage("#{alternate_on}") == "1")
    try session.sendKeys("Enter")
    try session.waitForAbsence(of: "in alternate")
    #expect(try session.displayMessage("#{alternate_on}") == "0")
  }

  @Test("Ctrl-C reaches the program, and its exit status is kept")
  func controlCAndExitStatus() throws {
    let session = try TmuxSession(command: [
      "/bin/sh", "-c", "trap 'echo caught; exit 3' INT; echo armed; while :; do sleep 0.05; done",
    ])
    try session.waitFor("armed")
    try session.sendKeys("C-c")
    #expect(try session.waitForExit() == 3)
    #expect(try session.capture().contains("caught"))
  }

  @Test("Releasing the session kills its tmux server")
  func deinitKillsServer() throws {
    var session: TmuxSession? = try TmuxSession(command: ["/bin/sh", "-c", "read wait"])
    let socket = try #require(session?.socketName)
    #expect(session?.isRunning == true)
    session = nil
    let check = try BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/env"))
      .run(["tmux", "-L", socket, "has-session"])
    #expect(check.exitCode != 0)
  }
}
