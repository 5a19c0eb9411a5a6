import Foundation
import JobDeckTUI
import Synchronization

/// Bracketed paste (`ESC[200~` … `ESC[201~`): the terminal wraps pasted text in these markers
/// once the program asks with `ESC[?2004h`, so a pasted ad arrives as one piece of text instead
/// of keys that would run commands.
enum BracketedPaste {
  static let enable = "\u{1B}[?2004h"
  static let disable = "\u{1B}[?2004l"
  static let end: [UInt32] = [27, 91, 50, 48, 49, 126]  // ESC [ 2 0 1 ~

  /// The terminal's descriptor while bracketed paste is on, -1 otherwise: a crash or `exit`
  /// turns it off with a plain `write`, so the shell is not left receiving paste markers.
  static let activeDescriptor = Atomic<Int32>(-1)

  /// Async-signal-safe: one `write` of a constant.
  static func turnOffAfterCrash() {
    let descriptor = activeDescriptor.load(ordering: .relaxed)
    guard descriptor >= 0 else { return }
    disableBytes.withUnsafeBufferPointer { _ = write(descriptor, $0.baseAddress, $0.count) }
  }

  private static let disableBytes: [UInt8] = Array(disable.utf8)
}

/// Sorts what curses hands over into keys and pastes. Curses knows no paste markers, so they
/// arrive as separate characters, possibly split across reads: the decoder holds back what
/// follows an Esc until it is a whole escape sequence or plainly something else.
///
/// The same holding catches the key sequences curses did not recognise, which happens whenever
/// `TERM` names another terminal than the one in use (`xterm-256color` inside tmux sends Home
/// as `ESC [ 1 ~`, which xterm's entry spells `ESC O H`). Given back as keys they would be an
/// Esc, which closes a form, and then `[`, `1`, `~`, which type into a field or run commands; as
/// a whole sequence they are the key they stand for, or nothing when it is one the UI has no
/// use for.
struct PasteDecoder {
  /// What one input turned into.
  enum Output: Equatable {
    /// A `wget_wch` result to decode as a key, as it came.
    case input(status: Int32, value: UInt32)
    /// A key sent as an escape sequence that curses passed on character by character.
    case key(KeyPress)
    /// Everything between the markers; carriage returns (what terminals send for a newline)
    /// become line feeds.
    case paste(String)
  }

  /// Pasted text beyond this many bytes is dropped (the paste still ends normally), so a huge
  /// paste cannot fill memory; the importer refuses what is over its own cap.
  let byteLimit: Int
  /// Characters of an escape sequence seen so far (idle), or of an end marker (pasting).
  private(set) var pendingMarker: [UInt32] = []
  private(set) var isPasting = false
  private var pasted = String.UnicodeScalarView()
  private var pastedBytes = 0

  init(byteLimit: Int) { self.byteLimit = byteLimit }

  /// True while the decoder holds back the start of an escape sequence: the caller should read
  /// again soon, and call `flush` if nothing more arrives.
  var isHoldingKeys: Bool { !isPasting && !pendingMarker.isEmpty }

  mutating func feed(status: Int32, value: UInt32) -> [Output] {
    if isPasting { return feedPasting(status: status, value: value) }
    guard status == KeyDecoder.textStatus else {
      return flush() + [.input(status: status, value: value)]
    }
    guard !pendingMarker.isEmpty || value == EscapeSequence.escape else {
      return [.input(status: status, value: value)]
    }
    let candidate = pendingMarker + [value]
    switch EscapeSequence.reading(candidate) {
    case .incomplete:
      pendingMarker = candidate
      return []
    case .pasteStart:
      pendingMarker = []
      isPasting = true
      return []
    case .key(let key):
      pendingMarker = []
      return [.key(key)]
    case .ignored:
      pendingMarker = []
      return []
    case .notASequence:
      let held = flush()
      // The key that broke a held sequence may itself start a new one (ESC, ESC, …).
      return held + (value == EscapeSequence.escape
        ? feed(status: status, value: value) : [.input(status: status, value: value)])
    }
  }

  /// Gives back the held keys of a start marker that never completed (a lone Esc).
  mutating func flush() -> [Output] {
    guard !isPasting else { return [] }
    defer { pendingMarker = [] }
    return pendingMarker.map { .input(status: KeyDecoder.textStatus, value: $0) }
  }

  private mutating func feedPasting(status: Int32, value: UInt32) -> [Output] {
    // A function key inside a paste (curses recognised a sequence in the text) is dropped.
    if status == KeyDecoder.keyCodeStatus { return [] }
    let candidate = pendingMarker + [value]
    // No input for a while (`ERR`) with the paste still open: the end marker got lost, and
    // waiting on would swallow every key after it. The text so far is the paste.
    if status != KeyDecoder.textStatus || candidate == BracketedPaste.end {
      defer {
        pendingMarker = []
        isPasting = false
        pasted = String.UnicodeScalarView()
        pastedBytes = 0
      }
      return [.paste(Self.withLineFeeds(String(pasted)))]
    }
    if BracketedPaste.end.starts(with: candidate) {
      pendingMarker = candidate
      return []
    }
    for held in pendingMarker { append(held) }
    pendingMarker = []
    if value == EscapeSequence.escape {
      pendingMarker = [value]
    } else {
      append(value)
    }
    return []
  }

  /// CR LF and lone CR (what a terminal sends for Enter) as LF.
  static func withLineFeeds(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  private mutating func append(_ value: UInt32) {
    guard let scalar = Unicode.Scalar(value) else { return }
    // Escape characters of a partial marker or of colour codes are never text.
    guard scalar.value != 27 else { return }
    let size = String(scalar).utf8.count
    guard pastedBytes + size <= byteLimit else { return }
    pastedBytes += size
    pasted.append(scalar)
  }
}
