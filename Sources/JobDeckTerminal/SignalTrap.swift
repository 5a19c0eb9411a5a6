import CNcursesw
import Foundation
import Synchronization

/// The signal the handlers saw and the loop has not yet acted on (0: none). Lock-free atomics are
/// async-signal-safe; the loop reads them between keys, at most one input timeout later.
private let pendingInterrupt = Atomic<Int32>(0)
private let pendingSuspend = Atomic<Bool>(false)

/// What the crash handler hands the signal back to (Swift's backtracer, usually). Written once
/// before the handlers are installed and only read afterwards.
nonisolated(unsafe) private var crashDispositions: [Int32: sigaction] = [:]

/// Signal handling for the UI.
///
/// SIGINT, SIGTERM and SIGHUP only set a flag: the loop turns it into `Action.interrupted`, so the
/// program saves and quits through its normal path with curses restored. SIGTSTP also only sets a
/// flag; the loop then leaves curses and stops itself with the default action, in ordinary code
/// where calling curses is safe, and redraws when continued.
///
/// Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT) are the exception: the handler calls
/// `endwin` directly. That is not async-signal-safe (it writes through stdio and may find curses
/// mid-update), but the process is dying anyway, and a terminal left in raw mode on the
/// alternate screen is worse than the small risk of a garbled restore. It then hands the signal
/// to whatever handled it before, or the default action, so the crash still happens and is still
/// reported.
enum SignalTrap {
  static let interruptSignals = [SIGINT, SIGTERM, SIGHUP]
  static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]
  static let handledSignals = interruptSignals + [SIGTSTP] + crashSignals

  typealias Dispositions = [Int32: sigaction]

  /// Records the dispositions from before curses started, for `uninstall`. Curses installs its
  /// own SIGINT/SIGTERM/SIGTSTP handlers when those are at their defaults, so ours must go in
  /// after `newterm`, and the originals must be read before it.
  static func currentDispositions() -> Dispositions {
    var result: Dispositions = [:]
    for signal in handledSignals {
      var current = sigaction()
      sigaction(signal, nil, &current)
      result[signal] = current
    }
    return result
  }

  /// Installs the handlers. Call after curses has started.
  static func install(crashFallback: Dispositions) {
    _ = pendingInterrupt.exchange(0, ordering: .relaxed)
    _ = pendingSuspend.exchange(false, ordering: .relaxed)
    crashDispositions = crashFallback.filter { crashSignals.contains($0.key) }
    let interrupt: @convention(c) (Int32) -> Void = { signal in
      pendingInterrupt.store(signal, ordering: .relaxed)
    }
    let suspend: @convention(c) (Int32) -> Void = { _ in
      pendingSuspend.store(true, ordering: .relaxed)
    }
    let crash: @convention(c) (Int32) -> Void = { signal in
      BracketedPaste.turnOffAfterCrash()
      _ = endwin()
      if var previous = crashDispositions[signal] {
        sigaction(signal, &previous, nil)
      } else {
        Foundation.signal(signal, SIG_DFL)
      }
      // Blocked until this handler returns; then the previous disposition takes it.
      raise(signal)
    }
    // SA_RESTART: without it every system call on every thread can fail with EINTR when a
    // signal arrives, and Foundation turns some of those into a crash (FileHandle's
    // readDataToEndOfFile `try!`s its read; an import reading a file on its own thread would
    // die on a resize or Ctrl-Z). The loop waits for input with a short timeout, so it still
    // sees the flag within that timeout.
    let restart = Int32(truncatingIfNeeded: SA_RESTART)
    for signal in interruptSignals { setHandler(interrupt, for: signal, flags: restart) }
    setHandler(suspend, for: SIGTSTP, flags: restart)
    for signal in crashSignals { setHandler(crash, for: signal, flags: Int32(truncatingIfNeeded: SA_RESETHAND)) }
  }

  /// Puts back what `currentDispositions` recorded.
  static func uninstall(_ original: Dispositions) {
    restoreDispositions(original)
  }

  /// The interrupting signal since the last call, if any.
  static func takeInterrupt() -> Int32? {
    let signal = pendingInterrupt.exchange(0, ordering: .relaxed)
    return signal == 0 ? nil : signal
  }

  /// Whether Ctrl-Z (or `kill -TSTP`) arrived since the last call.
  static func takeSuspend() -> Bool {
    pendingSuspend.exchange(false, ordering: .relaxed)
  }

  /// Stops the process the way the terminal asked, then returns once it is continued (`fg`).
  /// The caller has already left curses.
  static func stopUntilContinued() {
    let saved = setDisposition(SIG_DFL, for: [SIGTSTP])
    // To the process, not this thread: a stop applies to all threads anyway, and a thread that
    // blocks the signal (libdispatch's do) would leave it pending instead.
    kill(getpid(), SIGTSTP)
    restoreDispositions(saved)
  }

  /// Sets a plain disposition (`SIG_IGN`, `SIG_DFL`) and returns what was there.
  static func setDisposition(_ handler: __sighandler_t?, for signals: [Int32]) -> Dispositions {
    var saved: Dispositions = [:]
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = handler
      sigemptyset(&action.sa_mask)
      var previous = sigaction()
      sigaction(signal, &action, &previous)
      saved[signal] = previous
    }
    return saved
  }

  static func restoreDispositions(_ saved: Dispositions) {
    for (signal, var action) in saved {
      sigaction(signal, &action, nil)
    }
  }

  private static func setHandler(_ handler: @convention(c) (Int32) -> Void, for signal: Int32,
                                 flags: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    sigaction(signal, &action, nil)
  }
}
