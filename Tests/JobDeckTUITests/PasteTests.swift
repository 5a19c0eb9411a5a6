import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// A bracketed paste is text, never keys: the ad goes into the import dialog's box, a one-line
/// paste into the field being typed, and nowhere does a pasted letter run a command.
@Suite("Pasting in the UI")
struct PasteTests {
  static let ad = """
    Data Engineer (m/f/d)
    Quokka GmbH · Berlin
    Apply by 2025-03-20. Questions? Don't hesitate: x, q, D and A are just letters.
    """

  @Test func aPastedAdFillsTheImportBoxAndCtrlDImportsItAsText() {
    var app = Fixtures.app()
    app.press(.character("i"))
    #expect(app.send(.paste(PasteTests.ad)) == [])
    #expect(app.state.mode == .importPaste(PastedAd(PasteTests.ad)))
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.press(.control("d")) == [.importText(PasteTests.ad)])
    #expect(app.state.mode == .browsing)
  }

  @Test func typingInTheBoxAddsTextAndLettersRunNoCommand() {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.send(.paste("line one\n"))
    app.type("qDxA")
    app.press(.enter, .backspace, .character("!"))
    #expect(app.state.mode == .importPaste(PastedAd("line one\nqDxA!")))
    #expect(app.state.deck == Fixtures.deck)
    app.press(.escape)
    #expect(app.state.mode == .browsing)
  }

  @Test func ctrlDOnAnEmptyBoxSaysHowToPaste() {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.send(.paste("\n"))
    #expect(app.press(.control("d")) == [])
    #expect(app.state.message?.contains("nothing pasted yet") == true)
  }

  @Test func aOneLinePasteAtThePromptIsTheSourceToImport() {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.send(.paste("https://jobs.example/42"))
    #expect(app.state.mode == .importPrompt(TextInput("https://jobs.example/42")))
    #expect(app.press(.enter) == [.importSource("https://jobs.example/42")])
  }

  @Test func aDashAtThePromptSaysHowToPasteInsteadOfRefusing() {
    var app = Fixtures.app()
    app.press(.character("i"))
    #expect(app.type("-") == [])
    #expect(app.press(.enter) == [])
    #expect(app.state.mode == .importPrompt(TextInput()))
    let message = app.state.message ?? ""
    #expect(message.contains("paste the ad here"))
    #expect(message.contains("Ctrl-V") && message.contains("Ctrl-E"))
    #expect(!app.state.messageIsError)
  }

  @Test func ctrlVReadsTheClipboardAndItsTextGoesToThePreview() {
    var app = Fixtures.app()
    app.press(.character("i"))
    #expect(app.press(.control("v")) == [.readClipboard])
    let effects = app.send(.clipboardRead(.text(PasteTests.ad, tool: "xclip")))
    #expect(effects == [.importText(PasteTests.ad)])
    #expect(app.state.message?.contains("xclip") == true)
  }

  @Test func noClipboardToolIsReportedAndTheDialogStays() {
    var app = Fixtures.app()
    app.press(.character("i"))
    app.press(.control("v"))
    app.send(.clipboardRead(.failed("no clipboard tool found")))
    #expect(app.state.message == "no clipboard tool found")
    #expect(app.state.messageIsError)
    #expect(app.state.mode == .importPrompt(TextInput()))
  }

  @Test func ctrlEOpensAnEmptyEditorBufferWhoseTextIsImported() {
    var app = Fixtures.app()
    app.press(.character("i"))
    #expect(app.press(.control("e")) == [.editText("", purpose: .pastedAd)])
    #expect(app.send(.editorFinished(.pastedAd, text: PasteTests.ad))
      == [.importText(PasteTests.ad)])
  }

  @Test func anEmptyOrAbortedEditorBufferImportsNothing() {
    var app = Fixtures.app()
    app.press(.character("i"), .control("e"))
    #expect(app.send(.editorFinished(.pastedAd, text: "\n")) == [])
    #expect(app.send(.editorFinished(.pastedAd, text: nil)) == [])
    #expect(app.state.message?.contains("cancelled") == true)
  }

  @Test func aPasteIntoTheFilterLineIsFilterText() {
    var app = Fixtures.app()
    app.press(.character("/"))
    app.send(.paste("qDx\nA"))
    #expect(app.state.filter == "qDx A")
    #expect(app.state.isEditingFilter)
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func aPasteIntoAFormFieldIsOneLineOfText() {
    var app = Fixtures.app()
    app.press(.character("a"))
    app.send(.paste("Quokka\nGmbH\tq"))
    guard case .addForm(let form) = app.state.mode else {
      Issue.record("the add form closed")
      return
    }
    #expect(form.value(.company) == "Quokka GmbH q")
  }

  @Test(arguments: [TopView.postings, .pipeline, .agenda])
  func aPasteWhileBrowsingRunsNoCommand(_ view: TopView) {
    var app = Fixtures.app()
    app.state.view = view
    let before = app.state
    #expect(app.send(.paste("qDxAazLHmu")) == [])
    #expect(app.state.deck == before.deck)
    #expect(app.state.mode == .browsing)
    #expect(!app.state.wantsQuit)
    #expect(app.state.message?.contains("press i") == true)
  }

  @Test func aPasteIntoTheMoveNoteIsTheNote() {
    var app = Fixtures.app()
    app.press(.character("2"), .character("l"), .character("L"))
    guard case .moveNote = app.state.mode else {
      Issue.record("no move note open")
      return
    }
    app.send(.paste("called back\n"))
    guard case .moveNote(let note) = app.state.mode else {
      Issue.record("the note closed")
      return
    }
    #expect(note.input.text == "called back ")
  }

  @Test func thePastedAdSnapshot() {
    var screens: [(size: String, screen: Screen)] = []
    for (rows, columns) in [(24, 80), (15, 60)] {
      var app = Fixtures.app()
      app.press(.resize(TerminalSize(rows: rows, columns: columns)), .character("i"))
      app.send(.paste(PasteTests.ad))
      screens.append(("\(columns)x\(rows)", app.view(size: TerminalSize(rows: rows, columns: columns))))
    }
    assertSnapshots(screens, scene: "pasted-ad")
  }
}
