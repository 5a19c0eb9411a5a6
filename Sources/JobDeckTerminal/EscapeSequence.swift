import JobDeckTUI

/// What the characters after an Esc say, read as the terminal's control sequences are written
/// (ECMA-48): CSI `ESC [`, parameter bytes `0`–`?`, intermediate bytes space–`/`, one final
/// byte `@`–`~`; SS3 `ESC O` and one final byte. The keys are the spellings of xterm, the VT220
/// and rxvt, and of screen and tmux, so a key reaches the UI whichever of them `TERM` names.
enum EscapeSequence {
  static let escape: UInt32 = 27

  enum Reading: Equatable {
    /// A prefix of a sequence: wait for more.
    case incomplete
    /// `ESC [ 2 0 0 ~`, the start of a bracketed paste.
    case pasteStart
    case key(KeyPress)
    /// A whole sequence of a key the UI has no use for (Insert, F13, a focus report).
    case ignored
    /// Not a sequence: the characters are keys as they came.
    case notASequence
  }

  /// Longer than any key's sequence; a run past it is not one the terminal sent.
  static let maximumLength = 16

  /// Reads `characters`, which start with Esc.
  static func reading(_ characters: [UInt32]) -> Reading {
    guard characters.count >= 2 else { return .incomplete }
    switch characters[1] {
    case 0x5B:  // [
      return controlSequence(characters)
    case 0x4F:  // O
      guard characters.count >= 3 else { return .incomplete }
      guard characters.count == 3, isFinal(characters[2]) else { return .notASequence }
      return singleShift(final: characters[2])
    default:
      return .notASequence
    }
  }

  private static func isFinal(_ character: UInt32) -> Bool { (0x40...0x7E).contains(character) }

  private static func controlSequence(_ characters: [UInt32]) -> Reading {
    guard characters.count > 2 else { return .incomplete }
    for index in 2..<characters.count {
      let character = characters[index]
      if isFinal(character) {
        guard index == characters.count - 1 else { return .notASequence }
        let parameters = characters[2..<index]
        return controlSequence(parameters: parameters, final: character)
      }
      guard (0x20...0x3F).contains(character) else { return .notASequence }
    }
    return characters.count < maximumLength ? .incomplete : .notASequence
  }

  private static func controlSequence(parameters: ArraySlice<UInt32>, final: UInt32) -> Reading {
    // The first parameter; a second one (`1;5`) names modifiers, which the UI does not tell
    // apart: Ctrl-← moves as ← does.
    var first = 0
    for character in parameters {
      guard (0x30...0x39).contains(character) else { break }
      first = min(first * 10 + Int(character - 0x30), 10_000)
    }
    let letter = Unicode.Scalar(final).map(Character.init)
    if let key = sharedKey(letter) { return .key(key) }
    switch letter {
    case "Z": return .key(.backTab)
    case "~": return tilde(first)
    default: return .ignored
    }
  }

  /// `ESC [ n ~`: the VT220's editing and function keys.
  private static func tilde(_ number: Int) -> Reading {
    switch number {
    case 1, 7: return .key(.home)
    case 4, 8: return .key(.end)
    case 3: return .key(.delete)
    case 5: return .key(.pageUp)
    case 6: return .key(.pageDown)
    case 11...15: return .key(.function(number - 10))
    case 17...21: return .key(.function(number - 11))
    case 23, 24: return .key(.function(number - 12))
    case 200: return .pasteStart
    default: return .ignored
    }
  }

  /// `ESC O x`: cursor and keypad keys in the terminal's application mode, F1–F4.
  private static func singleShift(final: UInt32) -> Reading {
    let letter = Unicode.Scalar(final).map(Character.init)
    if let key = sharedKey(letter) { return .key(key) }
    return letter == "M" ? .key(.enter) : .ignored
  }

  /// The final letters both kinds of sequence use alike: cursor keys, Home, End, F1–F4.
  private static func sharedKey(_ letter: Character?) -> KeyPress? {
    switch letter {
    case "A": return .up
    case "B": return .down
    case "C": return .right
    case "D": return .left
    case "H": return .home
    case "F": return .end
    case "P": return .function(1)
    case "Q": return .function(2)
    case "R": return .function(3)
    case "S": return .function(4)
    default: return nil
    }
  }
}
