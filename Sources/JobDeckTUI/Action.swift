import Foundation
import JobDeckCore

/// Everything that can happen to the UI: keys from the user, and results of the effects the
/// terminal layer performed. `update` is a function of (state, action) alone.
public enum Action: Equatable, Sendable {
  case key(KeyPress)
  /// Text the terminal delivered as one bracketed paste: inserted as text where text is typed,
  /// never read as keys, so letters in a pasted ad run no commands.
  case paste(String)
  /// The answer to `Effect.readClipboard`.
  case clipboardRead(ClipboardReading)
  /// Sent at least once a minute, so the date shown rolls over at midnight and the store file is
  /// checked for changes made by another process.
  case tick(Date)
  case saveSucceeded(Deck)
  /// The save did not happen (disk full, read-only): the UI keeps the change and retries.
  case saveFailed(message: String)
  /// Another process (`jobdeck move` in another shell) changed the store; this is what is on disk
  /// now. The UI adopts it and re-applies its own unsaved edits.
  case storeChangedOnDisk(Deck)
  /// The editor closed; nil text means it failed or the user aborted.
  case editorFinished(EditPurpose, text: String?)
  case importFinished(PostingDraft)
  case importFailed(message: String)
  /// What `Effect.sync` did, or why it failed; the store's new version arrives as a change
  /// on disk (`storeChangedOnDisk`) on the next tick.
  case syncFinished(SyncReport)
  case syncFailed(message: String)
  /// The sync repository read at start (nil: the store does not sync).
  case syncStatusRead(SyncStatus?)
  /// SIGINT, SIGTERM or SIGHUP: save what is pending and quit.
  case interrupted
  /// A click or a wheel turn, sent only when the user turned the mouse on.
  case mouse(MouseEvent)
  /// The first screen is up, or no input came for a while: time for work a later key would
  /// otherwise wait for (`Effect.prepareAgenda`).
  case idle
  /// The result of `Effect.prepareAgenda`.
  case agendaPrepared(PreparedAgenda)

  // Cases added by the terminal layer (JobDeckTerminal) for results of its effects.

  /// `Effect.openURL` failed: the browser could not be started or exited with an error. The
  /// message says which program and why, for the status bar.
  case openURLFailed(url: String, message: String)
}

/// What reading the clipboard gave: its text and the helper that read it, or why not.
public enum ClipboardReading: Equatable, Sendable {
  case text(String, tool: String)
  case failed(String)
}

/// What the terminal layer runs: the pure UI, seen from outside.
public protocol TerminalProgram {
  mutating func update(_ action: Action) -> [Effect]
  func view(size: TerminalSize) -> Screen
}
