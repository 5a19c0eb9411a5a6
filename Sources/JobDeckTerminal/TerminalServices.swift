import Foundation
import JobDeckCore
import JobDeckTUI

/// What the terminal layer needs from the rest of JobDeck, as closures the app fills in, so this
/// module depends on neither the store nor the importer.
public struct TerminalServices {
  /// Writes the deck; a thrown error's description becomes `Action.saveFailed(message:)`.
  public var save: (Deck) throws -> Void
  /// Reads a file or URL into a draft; errors become `Action.importFailed(message:)`. Runs on a
  /// thread of its own, so the UI stays responsive while a page loads.
  public var importSource: @Sendable (String) throws -> PostingDraft
  /// Reads a pasted ad (the import dialog's box, the clipboard, an editor buffer) into a draft,
  /// as `jobdeck import -` reads standard input; runs on a thread of its own too.
  public var importText: @Sendable (String) throws -> PostingDraft
  /// Bytes a bracketed paste or the clipboard may bring; beyond it a paste is cut and the
  /// clipboard refused (the importer refuses what is over its own cap, which is smaller).
  public var pasteByteLimit: Int
  /// Called on every tick: the deck now on disk if another process changed it, else nil.
  public var checkForExternalChange: () -> Deck?
  /// How often `Action.tick` is sent and the store checked.
  public var tickInterval: TimeInterval
  /// Read for `VISUAL`, `EDITOR`, `BROWSER`, `NO_COLOR` and `TERM`.
  public var environment: [String: String]
  /// The clock the ticks carry.
  public var now: () -> Date
  /// Clicks and the wheel reach the UI only when asked for (config `mouse = true`, or
  /// `JOBDECK_MOUSE=1`, which beats the file as `JOBDECK_MOUSE=0` does): with mouse reporting
  /// on, the terminal's own selection needs Shift.
  public var enablesMouse: Bool
  /// The config file's theme and colours.
  public var theme: ColorTheme
  /// `jobdeck sync` for `Effect.sync`; runs on a thread of its own (a remote can be slow).
  public var sync: @Sendable () throws -> SyncReport = {
    throw CommandUnavailable(what: "syncing")
  }

  public init(
    save: @escaping (Deck) throws -> Void,
    importSource: @escaping @Sendable (String) throws -> PostingDraft,
    importText: @escaping @Sendable (String) throws -> PostingDraft = { _ in
      throw PastedTextUnsupported()
    },
    pasteByteLimit: Int = 16_000_000,
    checkForExternalChange: @escaping () -> Deck? = { nil },
    tickInterval: TimeInterval = 1.5,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    now: @escaping () -> Date = Date.init,
    mouseByDefault: Bool = false,
    theme: ColorTheme = ColorTheme()
  ) {
    self.save = save
    self.importSource = importSource
    self.importText = importText
    self.pasteByteLimit = pasteByteLimit
    self.checkForExternalChange = checkForExternalChange
    self.tickInterval = tickInterval
    self.environment = environment
    self.now = now
    switch environment["JOBDECK_MOUSE"] {
    case "1": enablesMouse = true
    case "0": enablesMouse = false
    default: enablesMouse = mouseByDefault
    }
    self.theme = theme
  }
}

/// The services were built without what a command needs (a test of something else).
public struct CommandUnavailable: Error, CustomStringConvertible {
  public var what: String
  public var description: String { "this program does no \(what)" }
}

/// The services were built without a reader for pasted text (a test of something else).
public struct PastedTextUnsupported: Error, CustomStringConvertible {
  public init() {}
  public var description: String { "this program does not import pasted text" }
}
