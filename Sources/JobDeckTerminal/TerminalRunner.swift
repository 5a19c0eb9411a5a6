import CNcursesw
import Foundation
import JobDeckCore
import JobDeckTUI
import Synchronization

private let exitGuardInstalled = Atomic<Bool>(false)

/// Runs a `TerminalProgram` on the terminal: draws its screens, feeds it keys, ticks and signals,
/// and performs the effects it returns, until it asks to quit.
public enum TerminalRunner {
  /// Takes over the controlling terminal until the program returns `Effect.quit` (or a second
  /// SIGINT/SIGTERM/SIGHUP arrives while the first is still unanswered), then restores it.
  /// `program` holds its final state afterwards.
  public static func run<P: TerminalProgram>(_ program: inout P,
                                             services: TerminalServices) throws(TerminalError) {
    try run(&program, services: services, device: .controllingTerminal)
  }

  static func run<P: TerminalProgram>(_ program: inout P, services: TerminalServices,
                                      device: TerminalDevice) throws(TerminalError) {
    installExitGuard()
    let originalSignals = SignalTrap.currentDispositions()
    let terminal = try CursesTerminal(device: device, environment: services.environment,
                                      enablesMouse: services.enablesMouse,
                                      theme: services.theme)
    SignalTrap.install(crashFallback: originalSignals)
    defer {
      terminal.close()
      SignalTrap.uninstall(originalSignals)
    }
    var loop = RunLoop(program: program, services: services, terminal: terminal)
    loop.run()
    program = loop.program
  }

  /// `exit` from anywhere (a library, a precondition in a dependency) still restores the
  /// terminal; `endwin` is harmless when curses is not running.
  private static func installExitGuard() {
    guard !exitGuardInstalled.exchange(true, ordering: .relaxed) else { return }
    atexit {
      BracketedPaste.turnOffAfterCrash()
      _ = endwin()
    }
  }
}

/// The loop itself: one pass per key or input timeout.
struct RunLoop<Program: TerminalProgram> {
  var program: Program
  let services: TerminalServices
  let terminal: CursesTerminal
  private var blitter: ScreenBlitter
  private let mailbox = ActionMailbox()
  private var isFinished = false
  private var hasDeliveredInterrupt = false
  private var nextTick: Date
  private var pasteDecoder: PasteDecoder

  init(program: Program, services: TerminalServices, terminal: CursesTerminal) {
    self.program = program
    self.services = services
    self.terminal = terminal
    self.blitter = ScreenBlitter(palette: terminal.palette)
    self.nextTick = services.now().addingTimeInterval(services.tickInterval)
    self.pasteDecoder = PasteDecoder(byteLimit: services.pasteByteLimit)
  }

  mutating func run() {
    draw()
    dispatch(.idle)
    while !isFinished {
      if SignalTrap.takeInterrupt() != nil {
        // A second signal while the program is still busy with the first means the user wants
        // out now; the terminal is restored all the same.
        if hasDeliveredInterrupt { break }
        hasDeliveredInterrupt = true
        dispatch(.interrupted)
        continue
      }
      if SignalTrap.takeSuspend() {
        suspend()
      }
      let input = terminal.readInput()
      // What arrived while waiting goes first: a key may need what a background job prepared.
      takeMail()
      if input.status != KeyDecoder.textStatus, input.status != KeyDecoder.keyCodeStatus,
        !pasteDecoder.isHoldingKeys
      {
        dispatch(.idle)
      }
      deliver(pasteDecoder.feed(status: input.status, value: input.value))
      // An Esc may start a paste marker or a key's sequence: the rest follows at once if so.
      while pasteDecoder.isHoldingKeys, !isFinished {
        let next = terminal.readInput(waitingAtMost: CursesTerminal.escapeDelayMilliseconds * 2)
        if next.status == KeyDecoder.textStatus || next.status == KeyDecoder.keyCodeStatus {
          deliver(pasteDecoder.feed(status: next.status, value: next.value))
        } else {
          deliver(pasteDecoder.flush())
        }
      }
      takeMail()
      tickIfDue()
      if !isFinished { draw() }
    }
  }

  private mutating func takeMail() {
    for action in mailbox.takeAll() where !isFinished {
      dispatch(action)
    }
  }

  private mutating func deliver(_ outputs: [PasteDecoder.Output]) {
    for output in outputs where !isFinished {
      switch output {
      case .paste(let text):
        dispatch(.paste(text))
      case .key(let key):
        dispatch(.key(key))
      case .input(let status, let value):
        if KeyDecoder.isMouse(status: status, value: value) {
          if let event = terminal.readMouse() { dispatch(.mouse(event)) }
        } else if let key = KeyDecoder.keyPress(status: status, value: value,
                                                size: terminal.size) {
          dispatch(.key(key))
        }
      }
    }
  }

  private mutating func tickIfDue() {
    let now = services.now()
    guard !isFinished, now >= nextTick else { return }
    nextTick = now.addingTimeInterval(services.tickInterval)
    dispatch(.tick(now))
    if !isFinished, let deck = services.checkForExternalChange() {
      dispatch(.storeChangedOnDisk(deck))
    }
  }

  /// Delivers an action and, breadth first, the actions its effects produce. Once the program
  /// has quit, only saves still run (they come before `.quit` in a well-formed list anyway).
  private mutating func dispatch(_ action: Action) {
    var queue = [action]
    while !queue.isEmpty, !isFinished {
      let next = queue.removeFirst()
      for effect in program.update(next) {
        if isFinished, case .save = effect {} else if isFinished { continue }
        if let result = perform(effect) { queue.append(result) }
      }
    }
  }

  private mutating func perform(_ effect: Effect) -> Action? {
    switch effect {
    case .save(let deck):
      do {
        try services.save(deck)
        return .saveSucceeded(deck)
      } catch {
        return .saveFailed(message: String(describing: error))
      }
    case .editText(let text, let purpose):
      terminal.stepAside()
      let edited = EditorSession.edit(text, environment: services.environment,
                                      terminalPath: terminal.terminalPath)
      terminal.takeBack()
      blitter.invalidate()
      return .editorFinished(purpose, text: edited)
    case .openURL(let url):
      return URLOpener.open(url, environment: services.environment, mailbox: mailbox)
    case .sync:
      // A remote over SSH can take seconds: as an import, on a thread of its own.
      let sync = services.sync
      inBackground({ .syncFinished(try sync()) }, failed: { .syncFailed(message: $0) })
      return nil
    case .importSource(let source):
      // A page can take seconds to arrive: fetch on a thread of its own and deliver the result
      // through the mailbox, so the screen (showing "importing…") stays responsive.
      importInBackground(source, with: services.importSource)
      return nil
    case .importText(let text):
      importInBackground(text, with: services.importText)
      return nil
    case .readClipboard:
      // A clipboard helper waiting for a display that never answers must not freeze the UI.
      let environment = services.environment
      let limit = services.pasteByteLimit
      let mailbox = self.mailbox
      Thread.detachNewThread {
        mailbox.post(.clipboardRead(Clipboard.read(environment: environment, limit: limit)))
      }
      return nil
    case .prepareAgenda(let preparation):
      let mailbox = self.mailbox
      Thread.detachNewThread { mailbox.post(preparation.prepare()) }
      return nil
    case .quit:
      isFinished = true
      return nil
    }
  }

  private func importInBackground(
    _ input: String, with importer: @escaping @Sendable (String) throws -> PostingDraft
  ) {
    inBackground({ .importFinished(try importer(input)) },
                 failed: { .importFailed(message: $0) })
  }

  /// Runs `work` on a thread of its own and posts its action, or `failed` with the error.
  private func inBackground(_ work: @escaping @Sendable () throws -> Action,
                            failed: @escaping @Sendable (String) -> Action) {
    let mailbox = self.mailbox
    Thread.detachNewThread {
      do {
        mailbox.post(try work())
      } catch {
        mailbox.post(failed(String(describing: error)))
      }
    }
  }


  /// Ctrl-Z: give the shell its terminal back, stop, and on `fg` redraw everything.
  private mutating func suspend() {
    terminal.stepAside()
    SignalTrap.stopUntilContinued()
    terminal.takeBack()
    blitter.invalidate()
    // The window may have been resized while we were stopped, and SIGWINCH only reaches the
    // foreground job: ask curses to look again (it answers with KEY_RESIZE).
    kill(getpid(), SIGWINCH)
  }

  private mutating func draw() {
    let size = terminal.size
    guard size.rows > 0, size.columns > 0 else { return }
    blitter.draw(program.view(size: size), in: terminal.window)
    terminal.refresh()
  }
}
