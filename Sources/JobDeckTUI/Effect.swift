import JobDeckCore

/// Work the pure `update` asks the outside world to do. The terminal layer performs it and
/// reports back with an `Action`, so every decision stays testable without a terminal or disk.
public enum Effect: Equatable, Sendable {
  /// Persist this deck (the whole document; the store decides how much to write).
  case save(Deck)
  /// Suspend the UI and edit `text` in `$EDITOR`; the result comes back as
  /// `Action.editorFinished(purpose:text:)`.
  case editText(String, purpose: EditPurpose)
  /// Open a URL with `$BROWSER` or `xdg-open`, arguments passed directly (never a shell).
  case openURL(String)
  /// Read a file or URL and extract a posting; the result comes back as an `Action`.
  case importSource(String)
  /// Extract a posting from pasted text, as `jobdeck import -` does with its standard input
  /// (same size cap); the result comes back as `importFinished` or `importFailed`.
  case importText(String)
  /// Read the desktop clipboard (`wl-paste`, `xclip` or `xsel`); the result comes back as
  /// `Action.clipboardRead`.
  case readClipboard
  /// Sync the store with its git remote as `jobdeck sync` does (after the saves before it);
  /// the result comes back as `Action.syncFinished` or `Action.syncFailed`.
  case sync
  /// Run `AgendaPreparation.prepare()` on a thread of its own and deliver the action it
  /// returns; the UI stays responsive meanwhile.
  case prepareAgenda(AgendaPreparation)
  /// Leave the UI after saving whatever is pending.
  case quit
}

/// What an editor session was for, so its result lands in the right field.
public enum EditPurpose: Hashable, Sendable {
  case applicationNotes(applicationID: String)
  /// Every field of a posting (or of an application without one) as the Core record
  /// document, `original` being the text first opened (left as it was: nothing changes).
  case recordDocument(Deck.Reference, original: String)
  /// An empty buffer for an ad: what is saved is imported.
  case pastedAd
}
