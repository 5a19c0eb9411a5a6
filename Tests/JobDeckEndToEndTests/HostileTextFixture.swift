import Foundation
import JobDeckTestSupport
import Testing

/// A job ad written to take over a terminal, and the checks that prove it could not.
enum HostileText {
  /// Every trick of the issue in one ad: `ESC [2J` (clear screen), an OSC 52 clipboard write,
  /// an OSC 8 hyperlink, a DCS string, the 8-bit CSI (U+009B, bytes C2 9B in UTF-8), `\r` and
  /// `\b` overwrites, and U+202E (right-to-left override).
  static let clearScreen = "\u{1B}[2J\u{1B}[H"
  static let clipboardWrite = "\u{1B}]52;c;cHduZWQ=\u{07}"  // "pwned"
  static let clipboardWriteST = "\u{1B}]52;p;cHduZWQy\u{1B}\\"
  static let hyperlink = "\u{1B}]8;;https://evil.example/\u{1B}\\click me\u{1B}]8;;\u{1B}\\"
  static let deviceControl = "\u{1B}P1$r0m\u{1B}\\"
  static let eightBitCSI = "\u{9B}2J\u{9B}31m"
  static let overwrite = "Salary 50k\rSalary 99k\u{8}\u{8}\u{8}"
  static let rightToLeft = "\u{202E}fdp.exe"
  static let windowTitle = "\u{1B}]0;title\u{07}"

  static let company = "Evil\(clearScreen)Corp\(clipboardWrite)"
  static let title = "Intern\(eightBitCSI)\(rightToLeft)"
  static let description = """
    Data Intern at Evil Corp \(clearScreen)
    Clipboard: \(clipboardWrite)\(clipboardWriteST) end
    Link: \(hyperlink)
    Device control: \(deviceControl)
    CSI: \(eightBitCSI) done
    \(overwrite)
    Reversed: \(rightToLeft)
    Window title: \(windowTitle)
    Apply by 3 March 2027.
    """
  /// The ad as a person would save a page and import it: the hostile text in the title line,
  /// the company line and the body.
  static let ad = """
    Data Intern \(clearScreen)\(eightBitCSI)
    Company: Evil\(clipboardWrite) GmbH\(rightToLeft)
    Location: Berlin\(hyperlink)
    Salary: 3000 EUR per month\(overwrite)

    \(description)
    """
  static let note = "note\(clipboardWrite)\(clearScreen)\u{8}\r\(rightToLeft)"

  /// Imports the ad through `jobdeck import` and adds a posting whose every field is hostile,
  /// with an application (a hostile note), a note and deadlines, so that every view and command
  /// has hostile text to show. Returns the added posting's and its application's ids.
  static func storeHostileRecords(in workspace: CLIWorkspace) throws
    -> (posting: String, application: String)
  {
    let adPath = workspace.directory + "/hostile-ad.txt"
    try Data(ad.utf8).write(to: URL(fileURLWithPath: adPath))
    let imported = try workspace.jobdeck(["import", adPath])
    #expect(imported.exitCode == 0, "\(imported.standardError)")
    let added = try workspace.jobdeck([
      "add", "posting", "--company", company, "--title", title,
      "--location", "Berlin\(hyperlink)", "--tag", "x\(deviceControl)",
      "--url", "https://example.com/\(clipboardWrite)", "--description", description,
    ])
    #expect(added.exitCode == 0, "\(added.standardError)")
    let postings = try workspace.jsonArray(["list", "--json"])
    let posting = try #require(
      postings.first { ($0["company"] as? String) == company }?["id"] as? String)
    let applied = try workspace.jobdeck(["apply", posting, "--stage", "interview", "--note", note])
    #expect(applied.exitCode == 0, "\(applied.standardError)")
    let application = try #require(
      try workspace.jsonArray(["list", "applications", "--json"]).first?["id"] as? String)
    // A task, not an event: it stays overdue (an interview that has happened leaves the agenda),
    // so the hostile job keeps the most pressing entry whatever day the UI's clock says.
    try workspace.jobdeck(["deadline", "add", application, "assessment", "2026-11-23", "--note", note])
    try workspace.jobdeck(["deadline", "add", posting, "applicationCutoff", "2026-11-22",
                           "--note", note])
    try workspace.jobdeck(["note", application, description])
    return (posting, application)
  }

  /// Scalars that must never be written to a terminal as they are: C0 controls other than line
  /// feed and tab, DEL, C1 controls (in UTF-8, C2 80 – C2 9F), bidi controls and the other
  /// invisible format characters, and the Unicode line separators.
  static func rawControls(in text: String) -> [String] {
    text.unicodeScalars.compactMap { scalar -> String? in
      let value = scalar.value
      let unsafe = (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
        || value == 0x2028 || value == 0x2029
        || (scalar.properties.generalCategory == .format && value != 0x200D)
      return unsafe ? String(format: "U+%04X", value) : nil
    }
  }

  /// `capture-pane -e` writes the screen with its attributes as SGR sequences (`ESC [ … m`) and
  /// nothing else; any other escape in it came from the program.
  static func escapesOtherThanSGR(in capture: String) -> [String] {
    var found: [String] = []
    let scalars = Array(capture.unicodeScalars)
    var index = 0
    while index < scalars.count {
      defer { index += 1 }
      guard scalars[index] == "\u{1B}" else { continue }
      var end = index + 1
      if end < scalars.count, scalars[end] == "[" {
        end += 1
        while end < scalars.count, "0123456789;:".unicodeScalars.contains(scalars[end]) { end += 1 }
        if end < scalars.count, scalars[end] == "m" {
          index = end
          continue
        }
      }
      let shown = scalars[index..<min(scalars.count, index + 12)].map { String($0) }.joined()
      found.append(shown.debugDescription)
    }
    return found
  }

  /// A tmux pane that holds `command` back until `start()`, so that the clipboard option and a
  /// known paste buffer are in place before the program writes anything.
  static func pane(_ command: [String], environment: [String: String], columns: Int = 120,
                   rows: Int = 30) throws -> TmuxSession {
    let session = try TmuxSession(
      command: ["/bin/sh", "-c", "read go; exec \"$0\" \"$@\""] + command,
      environment: environment, columns: columns, rows: rows)
    // "on": tmux accepts OSC 52 from programs and stores it as a paste buffer (the default,
    // "external", would ignore it and the check would prove nothing).
    try session.command(["set-option", "-g", "set-clipboard", "on"])
    try session.command(["set-buffer", "-b", "sentinel", "untouched"])
    return session
  }

  /// The paste buffers: exactly the sentinel, unchanged, while nothing wrote the clipboard.
  static func buffers(of session: TmuxSession) throws -> String {
    try session.command(["list-buffers", "-F", "#{buffer_name}=#{buffer_sample}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func capturedWithAttributes(_ session: TmuxSession) throws -> String {
    try session.command(["capture-pane", "-p", "-e", "-t", session.sessionName])
  }
}
