import Dispatch
import Foundation
import JobDeckCore
import JobDeckTUI
import Testing

@testable import JobDeckTerminal

/// What the services were asked to do.
/// What the services were asked to do. Imports run on a thread of their own, so every access
/// goes through the lock.
final class ServiceLog: @unchecked Sendable {
  private let lock = NSLock()
  private var savedDecks: [Deck] = []
  private var importedSources: [String] = []

  var saved: [Deck] { lock.withLock { savedDecks } }

  var imported: [String] { lock.withLock { importedSources } }

  /// Appends under the lock: `imported.append` through a getter and a setter would let two
  /// import threads read the same list and the second write lose the first's entry.
  func record(saved deck: Deck) { lock.withLock { savedDecks.append(deck) } }

  func record(imported source: String) { lock.withLock { importedSources.append(source) } }
}

struct DiskFull: Error, CustomStringConvertible {
  var description: String { "disk full at /tmp/store.json" }
}

extension HeadlessCursesTests {
  static let draft = PostingDraft(
    posting: Posting(id: "", title: "Engineer", company: "Acme",
                     createdAt: Date(timeIntervalSince1970: 0)))

  func services(_ log: ServiceLog, environment: [String: String] = [:],
                failingSave: Bool = false, tickInterval: TimeInterval = 0.05,
                external: @escaping () -> Deck? = { nil }) -> TerminalServices {
    TerminalServices(
      save: { deck in
        if failingSave { throw DiskFull() }
        log.record(saved: deck)
      },
      importSource: { source in
        log.record(imported: source)
        if source == "broken" { throw DiskFull() }
        return Self.draft
      },
      checkForExternalChange: external,
      tickInterval: tickInterval,
      environment: environment)
  }

  /// Quits on `q`, and after 20 ticks (about ten seconds: a tick comes at most once per input
  /// timeout) so that a broken loop fails instead of hanging.
  static func quitting(_ action: Action, ticks: inout Int) -> [Effect]? {
    if action == .key(.character("q")) { return [.quit] }
    if case .tick = action {
      ticks += 1
      if ticks > 20 { return [.quit] }
    }
    return nil
  }

  @Test("The loop decodes typed bytes, arrows and Shift-Tab into key presses")
  func loopDeliversKeys() throws {
    let device = try HeadlessDevice()
    // xterm in keypad-transmit mode: Up is ESC O A, Shift-Tab is ESC [ Z, Enter is CR.
    device.type("j\u{1B}OA\u{1B}[Z\ré\u{12}q")
    var ticks = 0
    var program = ScriptedProgram { action in Self.quitting(action, ticks: &ticks) ?? [] }
    try TerminalRunner.run(&program, services: services(ServiceLog()), device: device.device)
    #expect(program.keys == [
      .character("j"), .up, .backTab, .enter, .character("é"), .control("r"), .character("q"),
    ])
  }

  @Test("Saves report success with the deck, or failure with the error's description")
  func savesReportBack() throws {
    let device = try HeadlessDevice()
    device.type("sq")
    let log = ServiceLog()
    let deck = Deck()
    var ticks = 0
    var program = ScriptedProgram { action in
      if action == .key(.character("s")) { return [.save(deck)] }
      return Self.quitting(action, ticks: &ticks) ?? []
    }
    try TerminalRunner.run(&program, services: services(log), device: device.device)
    #expect(log.saved == [deck])
    #expect(program.received.contains(.saveSucceeded(deck)))

    let failingDevice = try HeadlessDevice()
    failingDevice.type("sq")
    var failing = program
    failing.received = []
    try TerminalRunner.run(&failing, services: services(log, failingSave: true),
                           device: failingDevice.device)
    #expect(failing.received.contains(.saveFailed(message: "disk full at /tmp/store.json")))
  }

  @Test("Imports run off the UI thread and report the draft or the failure")
  func importsReportBack() throws {
    let device = try HeadlessDevice()
    device.type("ib")
    let log = ServiceLog()
    var ticks = 0
    var results = 0
    var program = ScriptedProgram { action in
      if action == .key(.character("i")) { return [.importSource("ad.html")] }
      if action == .key(.character("b")) { return [.importSource("broken")] }
      switch action {
      case .importFinished, .importFailed:
        // Results arrive through the mailbox, in whatever order the threads finish.
        results += 1
        return results == 2 ? [.quit] : []
      default:
        return Self.quitting(action, ticks: &ticks) ?? []
      }
    }
    try TerminalRunner.run(&program, services: services(log), device: device.device)
    #expect(Set(log.imported) == ["ad.html", "broken"])
    #expect(program.received.contains(.importFinished(Self.draft)))
    #expect(program.received.contains(.importFailed(message: "disk full at /tmp/store.json")))
  }

  @Test("The screen keeps answering keys while an import is still loading")
  func importDoesNotBlockKeys() throws {
    let device = try HeadlessDevice()
    device.type("ix")
    let release = DispatchSemaphore(value: 0)
    var ticks = 0
    var program = ScriptedProgram { action in
      if action == .key(.character("i")) { return [.importSource("slow")] }
      // The key typed after the import started arrives while the import is still blocked.
      if action == .key(.character("x")) { release.signal() }
      if case .importFinished = action { return [.quit] }
      return Self.quitting(action, ticks: &ticks) ?? []
    }
    var services = services(ServiceLog())
    services.importSource = { _ in
      // Bounded, so a loop that blocks on imports fails this test instead of hanging it.
      _ = release.wait(timeout: .now() + 5)
      return Self.draft
    }
    try TerminalRunner.run(&program, services: services, device: device.device)
    let order = program.received.filter {
      if case .importFinished = $0 { return true }
      return $0 == .key(.character("x"))
    }
    #expect(order == [.key(.character("x")), .importFinished(Self.draft)])
  }

  @Test("The editor gets a file holding the text, and what it saved comes back")
  func editorRoundTrip() throws {
    let device = try HeadlessDevice()
    device.type("eq")
    let purpose = EditPurpose.applicationNotes(applicationID: "a1")
    // The path arrives as "$1": one argument, however the temporary directory is spelt.
    let editor = "sh -c 'test \"$(stat -c %a \"$1\")\" = 600 && printf \" edited\" >> \"$1\"' ed"
    var ticks = 0
    var program = ScriptedProgram { action in
      if action == .key(.character("e")) { return [.editText("notes", purpose: purpose)] }
      return Self.quitting(action, ticks: &ticks) ?? []
    }
    try TerminalRunner.run(&program, services: services(ServiceLog(), environment: [
      "VISUAL": editor,
    ]), device: device.device)
    #expect(program.received.contains(.editorFinished(purpose, text: "notes edited")))
  }

  @Test("An editor that fails or cannot start gives back no text")
  func failingEditor() throws {
    let purpose = EditPurpose.applicationNotes(applicationID: "a1")
    for editor in ["false", "/nonexistent/jobdeck-editor"] {
      let device = try HeadlessDevice()
      device.type("eq")
      var ticks = 0
      var program = ScriptedProgram { action in
        if action == .key(.character("e")) { return [.editText("notes", purpose: purpose)] }
        return Self.quitting(action, ticks: &ticks) ?? []
      }
      try TerminalRunner.run(&program, services: services(ServiceLog(), environment: [
        "EDITOR": editor,
      ]), device: device.device)
      #expect(program.received.contains(.editorFinished(purpose, text: nil)), "\(editor)")
    }
  }

  @Test("A browser that cannot start is reported at once, one that fails is reported later")
  func browserFailures() throws {
    let url = "https://example.com/jobs/1"
    for browser in ["/nonexistent/jobdeck-browser", "false"] {
      let device = try HeadlessDevice()
      device.type("o")
      var ticks = 0
      var program = ScriptedProgram { action in
        if action == .key(.character("o")) { return [.openURL(url)] }
        if case .openURLFailed = action { return [.quit] }
        return Self.quitting(action, ticks: &ticks) ?? []
      }
      try TerminalRunner.run(&program, services: services(ServiceLog(), environment: [
        "BROWSER": browser,
      ]), device: device.device)
      let failure = program.received.first { if case .openURLFailed = $0 { true } else { false } }
      guard case .openURLFailed(let failedURL, let message)? = failure else {
        Issue.record("no openURLFailed for \(browser): \(program.received)")
        continue
      }
      #expect(failedURL == url)
      #expect(message.contains(browser), "\(message)")
      if browser.hasPrefix("/nonexistent") {
        #expect(message.contains("was not found (set $BROWSER"), "\(message)")
      }
    }
  }

  @Test("Ticks carry the time, and a changed store arrives as storeChangedOnDisk")
  func ticksCheckTheStore() throws {
    let device = try HeadlessDevice()
    var changed = Deck()
    changed.settings = Deck().settings
    var checks = 0
    let external: () -> Deck? = {
      checks += 1
      return checks == 2 ? changed : nil
    }
    var ticks = 0
    var program = ScriptedProgram { action in
      if case .storeChangedOnDisk = action { return [.quit] }
      return Self.quitting(action, ticks: &ticks) ?? []
    }
    try TerminalRunner.run(&program, services: services(ServiceLog(), external: external),
                           device: device.device)
    let tickCount = program.received.filter { if case .tick = $0 { true } else { false } }.count
    #expect(tickCount == 2)
    #expect(program.received.last == .storeChangedOnDisk(changed))
  }

  @Test("SIGTERM becomes .interrupted, whose save and quit run, and the handler is removed")
  func terminationSavesAndQuits() throws {
    let device = try HeadlessDevice()
    device.type("k")
    let before = Self.disposition(of: SIGTERM)
    let log = ServiceLog()
    var ticks = 0
    var program = ScriptedProgram { action in
      if action == .key(.character("k")) { kill(getpid(), SIGTERM) }
      if action == .interrupted { return [.save(Deck()), .quit] }
      return Self.quitting(action, ticks: &ticks) ?? []
    }
    try TerminalRunner.run(&program, services: services(log), device: device.device)
    #expect(program.received.contains(.interrupted))
    #expect(log.saved == [Deck()])
    #expect(Self.disposition(of: SIGTERM) == before)
  }

  @Test("A second interrupt while the first is unanswered ends the loop anyway")
  func secondInterruptForcesExit() throws {
    let device = try HeadlessDevice()
    device.type("k")
    var program = ScriptedProgram { action in
      if action == .key(.character("k")) || action == .interrupted { kill(getpid(), SIGHUP) }
      return []
    }
    try TerminalRunner.run(&program, services: services(ServiceLog()), device: device.device)
    #expect(program.received.filter { $0 == .interrupted }.count == 1)
  }

  static func disposition(of signal: Int32) -> Int {
    var current = sigaction()
    sigaction(signal, nil, &current)
    return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
  }
}

extension HeadlessCursesTests {
  @Test("A bracketed paste reaches the program as one paste, its letters never as keys")
  func bracketedPasteIsOnePasteAction() throws {
    let device = try HeadlessDevice()
    device.type("\u{1B}[200~Data Engineer\rquit? D x\u{1B}[201~")
    device.type("\u{1B}")  // a lone Esc after it is still a key
    device.type("q")
    let log = ServiceLog()
    var ticks = 0
    var program = ScriptedProgram { action in Self.quitting(action, ticks: &ticks) ?? [] }
    try TerminalRunner.run(&program, services: services(log), device: device.device)
    let keysAndPastes = program.received.filter {
      if case .tick = $0 { return false }
      if case .idle = $0 { return false }
      if case .key(.resize) = $0 { return false }
      return true
    }
    #expect(keysAndPastes == [.paste("Data Engineer\nquit? D x"), .key(.escape),
                              .key(.character("q"))])
  }

  @Test("The terminal brackets pastes while the UI runs and stops when it steps aside or ends")
  func bracketedPasteIsOnOnlyWhileTheUIRuns() throws {
    let path = NSTemporaryDirectory() + "/jobdeck-tty-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: path) }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0, let input = fdopen(ends[0], "r"), let output = fopen(path, "w")
    else { throw HeadlessError(message: "no pipe or file") }
    defer {
      close(ends[1])
      fclose(input)
      fclose(output)
    }
    let terminal = try CursesTerminal(
      device: .streams(input: input, output: output, terminalType: "xterm-256color",
                       size: TerminalSize(rows: 24, columns: 80)),
      environment: [:])
    terminal.stepAside()
    terminal.takeBack()
    terminal.close()
    fflush(output)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    let switches = written.components(separatedBy: "\u{1B}[?2004").dropFirst().map { $0.prefix(1) }
    #expect(switches == ["h", "l", "h", "l"])
    #expect(BracketedPaste.activeDescriptor.load(ordering: .relaxed) == -1)
  }
}
