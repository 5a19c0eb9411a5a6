import CNcursesw
import Foundation
import JobDeckTUI
import JobDeckTestSupport
import Testing

@testable import JobDeckTerminal

@Suite("Bracketed paste arrives as one paste")
struct PasteDecoderTests {
  static func inputs(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
  static let start = "\u{1B}[200~"
  static let end = "\u{1B}[201~"

  /// Feeds `reads` one read at a time (each a run of characters) and collects what comes out.
  func decode(_ reads: [String], limit: Int = 1000) -> [PasteDecoder.Output] {
    var decoder = PasteDecoder(byteLimit: limit)
    var outputs: [PasteDecoder.Output] = []
    for read in reads {
      for value in Self.inputs(read) {
        outputs += decoder.feed(status: KeyDecoder.textStatus, value: value)
      }
    }
    return outputs + decoder.flush()
  }

  @Test func aPasteIsOneTextWithNoKeys() {
    let outputs = decode([Self.start + "qDx\rA line\r\nend" + Self.end])
    #expect(outputs == [.paste("qDx\nA line\nend")])
  }

  @Test(arguments: [1, 2, 3, 5, 7])
  func markersSplitAcrossReadsStillMakeOnePaste(_ cut: Int) {
    let whole = Self.start + "Quokka q" + Self.end
    let characters = Array(whole)
    var reads: [String] = []
    var index = 0
    while index < characters.count {
      reads.append(String(characters[index..<min(characters.count, index + cut)]))
      index += cut
    }
    #expect(decode(reads) == [.paste("Quokka q")])
  }

  @Test func keysAroundAPasteStayKeys() {
    let outputs = decode(["i" + Self.start + "ad" + Self.end + "\u{04}"])
    #expect(outputs == [
      .input(status: KeyDecoder.textStatus, value: 0x69), .paste("ad"),
      .input(status: KeyDecoder.textStatus, value: 4),
    ])
  }

  @Test func aLoneEscIsGivenBackWhenNothingFollows() {
    var decoder = PasteDecoder(byteLimit: 100)
    #expect(decoder.feed(status: KeyDecoder.textStatus, value: 27) == [])
    #expect(decoder.isHoldingKeys)
    #expect(decoder.flush() == [.input(status: KeyDecoder.textStatus, value: 27)])
    #expect(!decoder.isHoldingKeys)
  }

  @Test func escapeThenSomethingThatStartsNoSequenceIsKeys() {
    for text in ["\u{1B}x", "\u{1B}[\u{04}", "\u{1B}O1", "\u{1B}[2;\u{1B}"] {
      #expect(decode([text]) == Self.inputs(text).map {
        .input(status: KeyDecoder.textStatus, value: $0)
      }, "\(text.debugDescription)")
    }
  }

  /// Keys whose sequence curses did not know (`TERM` naming another terminal) arrive whole:
  /// never an Esc that closes a form followed by characters typed into it.
  @Test(arguments: [
    ("\u{1B}[1~", KeyPress.home), ("\u{1B}[7~", .home), ("\u{1B}OH", .home), ("\u{1B}[H", .home),
    ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}OF", .end), ("\u{1B}[F", .end),
    ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
    ("\u{1B}[D", .left), ("\u{1B}OC", .right), ("\u{1B}[1;5D", .left), ("\u{1B}[A", .up),
    ("\u{1B}OB", .down), ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)),
    ("\u{1B}[15~", .function(5)), ("\u{1B}[24~", .function(12)), ("\u{1B}OM", .enter),
  ])
  func aKeysSequenceIsThatKey(_ sequence: String, _ key: KeyPress) {
    #expect(decode([sequence]) == [.key(key)])
    // Split across reads, as a slow link delivers it.
    #expect(decode(sequence.map { String($0) }) == [.key(key)])
  }

  @Test func aSequenceOfAKeyTheUIDoesNotUseIsDroppedWhole() {
    // Insert, F13, a focus report, an SGR mouse report, a device report.
    for text in ["\u{1B}[2~", "\u{1B}[25~", "\u{1B}[I", "\u{1B}[<0;10;5M", "\u{1B}[2x", "\u{1B}OX"] {
      #expect(decode([text + "q"]) == [.input(status: KeyDecoder.textStatus, value: 0x71)],
              "\(text.debugDescription)")
    }
  }

  @Test func aFalseEndMarkerInsideThePasteIsText() {
    let outputs = decode([Self.start + "a\u{1B}[20x\u{1B}" + Self.end])
    #expect(outputs == [.paste("a[20x")])
  }

  @Test func aPasteBeyondTheLimitIsCutAndTheKeysAfterItStillWork() {
    let outputs = decode([Self.start + String(repeating: "z", count: 50) + Self.end + "q"],
                         limit: 10)
    #expect(outputs == [.paste(String(repeating: "z", count: 10)),
                        .input(status: KeyDecoder.textStatus, value: 0x71)])
  }

  @Test func aPasteWhoseEndNeverCameEndsWhenInputPauses() {
    var decoder = PasteDecoder(byteLimit: 100)
    for value in Self.inputs(Self.start + "half") {
      _ = decoder.feed(status: KeyDecoder.textStatus, value: value)
    }
    #expect(decoder.feed(status: ERR, value: 0) == [.paste("half")])
    #expect(decoder.feed(status: KeyDecoder.textStatus, value: 0x71)
      == [.input(status: KeyDecoder.textStatus, value: 0x71)])
  }
}

@Suite("The clipboard is read through a helper program")
struct ClipboardTests {
  /// A fake `xclip` on PATH: a real process printing an ad, as the real one prints the clipboard.
  func pathWithFakeTool(_ name: String, script: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobdeck-clip-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + name
    try writeExecutable("#!/bin/sh\n" + script + "\n", to: path)
    return directory
  }

  @Test func aFakeXclipIsRunAndNamed() throws {
    let directory = try pathWithFakeTool(
      "xclip", script: #"[ "$*" = "-o -selection clipboard" ] || exit 3; printf 'Data Engineer\nQuokka GmbH\n'"#)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let reading = Clipboard.read(environment: ["PATH": directory], limit: 1000)
    #expect(reading == .text("Data Engineer\nQuokka GmbH\n", tool: "xclip"))
  }

  @Test func xselIsUsedWhenXclipIsMissing() throws {
    let directory = try pathWithFakeTool("xsel", script: #"[ "$*" = "-ob" ] && echo ad"#)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(Clipboard.read(environment: ["PATH": directory], limit: 1000)
      == .text("ad\n", tool: "xsel"))
  }

  @Test func noToolInstalledSaysWhichWereLookedFor() {
    let reading = Clipboard.read(environment: ["PATH": "/nonexistent"], limit: 1000)
    guard case .failed(let message) = reading else {
      Issue.record("expected a failure, got \(reading)")
      return
    }
    #expect(message.contains("no clipboard tool found"))
    #expect(message.contains("xclip, xsel"))
  }

  @Test func aFailingToolAndAnEmptyClipboardAreReported() throws {
    let failing = try pathWithFakeTool("xclip", script: "exit 1")
    defer { try? FileManager.default.removeItem(atPath: failing) }
    #expect(Clipboard.read(environment: ["PATH": failing], limit: 1000)
      == .failed("xclip exited with status 1: is the clipboard empty, or no display set?"))
    let empty = try pathWithFakeTool("xclip", script: "printf '\\n'")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    #expect(Clipboard.read(environment: ["PATH": empty], limit: 1000)
      == .failed("the clipboard is empty (read with xclip)"))
  }

  @Test func tooMuchClipboardIsRefusedWithTheLimit() throws {
    let directory = try pathWithFakeTool("xclip", script: "head -c 5000 /dev/zero | tr '\\0' a")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    guard case .failed(let message) = Clipboard.read(environment: ["PATH": directory], limit: 100)
    else {
      Issue.record("a clipboard over the limit was accepted")
      return
    }
    #expect(message.contains("more than 100 bytes"))
  }
}
