import JobDeckCore
import Testing

@Suite("TerminalText: sanitizing untrusted text")
struct TerminalTextSanitizingTests {
  func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }

  @Test func escapeSequencesAreShownInCaretNotation() {
    #expect(TerminalText.sanitized("\u{1B}[2Jhi") == "^[[2Jhi")
    #expect(TerminalText.sanitized("a\u{1B}]52;c;aGk=\u{07}b") == "a^[]52;c;aGk=^Gb")
    #expect(TerminalText.sanitized("x\u{1B}P1;2|data\u{1B}\\y") == "x^[P1;2|data^[\\y")
  }

  @Test func carriageReturnAndBackspaceAreVisible() {
    #expect(TerminalText.sanitized("safe\rEVIL\u{08}") == "safe^MEVIL^H")
  }

  @Test func tabAndNewlineBecomeSpaces() {
    #expect(TerminalText.sanitized("a\tb\nc") == "a b c")
  }

  @Test func deleteAndC1ControlsAreVisible() {
    #expect(TerminalText.sanitized("a\u{7F}b") == "a^?b")
    #expect(TerminalText.sanitized("\u{9B}31mred") == "^[[31mred")
    #expect(TerminalText.sanitized("\u{85}") == "^[E")
  }

  @Test func bidiControlsAndZeroWidthCharactersAreRemoved() {
    let text = "inv\u{202E}oice\u{2066}.\u{2069}pdf\u{200B}\u{200C}\u{2060}\u{FEFF}\u{200E}\u{200F}\u{061C}"
    #expect(TerminalText.sanitized(text) == "invoice.pdf")
  }

  @Test func zeroWidthJoinerSurvivesOnlyInsideEmoji() {
    let technologist = "👩\u{200D}💻"
    #expect(TerminalText.sanitized(technologist) == technologist)
    #expect(TerminalText.sanitized("ad\u{200D}min") == "admin")
    #expect(TerminalText.sanitized("👩\u{200D}") == "👩")
  }

  @Test func plainTextAndCombiningMarksAreUntouched() {
    let text = "Café ☕ Zürich 東京 e\u{301}"
    #expect(TerminalText.sanitized(text) == text)
  }

  @Test(arguments: [
    "\u{1B}[2J\u{1B}]52;c;x\u{07}", "\r\u{08}\u{7F}\u{9B}", "a\u{200D}\u{200B}\u{200D}b",
    "👩\u{200B}\u{200D}💻", "\u{1B}\u{301}", "^[[x", "\u{0}\u{1F}", "\u{2028}x\u{2029}",
  ])
  func sanitizingIsIdempotentAndLeavesNoControls(_ text: String) {
    let once = TerminalText.sanitized(text)
    #expect(TerminalText.sanitized(once) == once)
    #expect(!hasControl(once))
  }

  @Test func everyControlScalarIsNeutralized() {
    var all = ""
    for value in UInt32(0)...0xA0 { all.unicodeScalars.append(Unicode.Scalar(value)!) }
    let once = TerminalText.sanitized(all)
    #expect(!hasControl(once))
    #expect(TerminalText.sanitized(once) == once)
  }

  @Test func multiLineTextIsSplitOnLineBreaks() {
    #expect(TerminalText.sanitizedLines("one\r\ntwo\nthree\rX") == ["one", "two", "three^MX"])
  }
}

@Suite("TerminalText: widths")
struct TerminalTextWidthTests {
  @Test func asciiIsOneColumnPerCharacter() {
    #expect(TerminalText.displayWidth(of: "hello") == 5)
  }

  @Test func cjkAndFullwidthAreTwoColumns() {
    #expect(TerminalText.displayWidth(of: "東京") == 4)
    #expect(TerminalText.displayWidth(of: "メルカリ") == 8)
    #expect(TerminalText.displayWidth(of: "한국어") == 6)
    #expect(TerminalText.displayWidth(of: "ＡＢ") == 4)
  }

  @Test func emojiArePicturesTwoColumnsWide() {
    #expect(TerminalText.displayWidth(of: "🍰") == 2)
    #expect(TerminalText.displayWidth(of: "👩‍💻") == 2)
    #expect(TerminalText.displayWidth(of: "❤️") == 2)
    #expect(TerminalText.displayWidth(of: "🇩🇪") == 2)
    #expect(TerminalText.displayWidth(of: "👍🏽") == 2)
  }

  @Test func combiningMarksAndZeroWidthCharactersTakeNoColumn() {
    #expect(TerminalText.displayWidth(of: "e\u{301}") == 1)
    #expect(TerminalText.displayWidth(of: "\u{200B}") == 0)
    #expect(TerminalText.displayWidth(of: "☺") == 1)
  }

  @Test func truncationAddsAnEllipsisAndNeverSplitsAGrapheme() {
    #expect(TerminalText.truncated("Backend Engineer", toWidth: 8) == "Backend…")
    #expect(TerminalText.truncated("東京都", toWidth: 4) == "東…")
    #expect(TerminalText.truncated("👩‍💻👩‍💻", toWidth: 3) == "👩‍💻…")
    #expect(TerminalText.truncated("short", toWidth: 10) == "short")
    #expect(TerminalText.truncated("abc", toWidth: 0) == "")
    #expect(TerminalText.truncated("abc", toWidth: 1) == "…")
  }

  @Test func paddingFillsToAnExactWidth() {
    #expect(TerminalText.padded("東京", toWidth: 6) == "東京  ")
    #expect(TerminalText.displayWidth(of: TerminalText.padded("東京都庁", toWidth: 5)) == 5)
    #expect(TerminalText.rightAligned("3d", toWidth: 4) == "  3d")
  }

  @Test func wrappingBreaksAtWordsAndInsideLongWords() {
    #expect(TerminalText.wrapped("one two three", toWidth: 7) == ["one two", "three"])
    #expect(TerminalText.wrapped("abcdefghij", toWidth: 4) == ["abcd", "efgh", "ij"])
    #expect(TerminalText.wrapped("東京東京東", toWidth: 5) == ["東京", "東京", "東"])
  }
}

@Suite("TerminalText: unsafe scalars for escaping callers")
struct TerminalTextUnsafeScalarTests {
  @Test func controlsBidiAndInvisiblesAreUnsafe() {
    for value: UInt32 in [0x00, 0x07, 0x08, 0x0D, 0x1B, 0x7F, 0x85, 0x9B, 0x202E, 0x2066,
                          0x200B, 0x200D, 0xFEFF, 0x2028] {
      #expect(TerminalText.isUnsafeForTerminal(Unicode.Scalar(value)!), "U+\(value)")
    }
  }

  @Test func lineFeedTabAndVisibleTextAreSafe() {
    for scalar in "\n\ta Zé東🍰^[".unicodeScalars {
      #expect(!TerminalText.isUnsafeForTerminal(scalar), "U+\(scalar.value)")
    }
  }

  @Test func sanitizedTextHasNoUnsafeScalarButTheEmojiJoiner() {
    let text = "\u{1B}[2J\u{202E}x\u{200B}\r👩\u{200D}💻"
    let unsafe = TerminalText.sanitized(text).unicodeScalars.filter(TerminalText.isUnsafeForTerminal)
    #expect(unsafe.map(\.value) == [0x200D])
  }
}
