import Foundation
import JobDeckCore
import JobDeckTestSupport
import JobDeckTUI
import Testing

@testable import JobDeckTerminal

/// The opener runs a real `$BROWSER`: a script that appends each argument it was given, one per
/// line, to a file. Whatever a store holds, only a validated link may ever reach it.
@Suite("The browser is never given a value that is not a validated link")
struct HostileURLOpenerTests {
  static let hostileURLs = [
    "--renderer-cmd-prefix=touch /tmp/jobdeck-pwned",
    "-new-window",
    " --incognito",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://example.com/a b",
    "https://example.com/\u{1B}[2J",
    "https://exa\u{202E}mple.com",
    "https://",
    "http:example.com",
    "ftp://example.com/job",
    "",
  ]

  @Test("Hostile URLs are refused before any program starts; a good one arrives as one argument")
  func hostileURLsNeverReachTheBrowser() throws {
    let directory = try TemporaryDirectory()
    let record = directory.file("argv")
    let script = directory.file("browser")
    try writeExecutable("""
      #!/bin/sh
      for argument in "$@"; do printf '%s\\n' "$argument" >> '\(record)'; done
      printf 'END\\n' >> '\(record)'
      """, to: script)
    let environment = ["BROWSER": script]
    let mailbox = ActionMailbox()

    for url in Self.hostileURLs {
      let result = URLOpener.open(url, environment: environment, mailbox: mailbox)
      guard case .openURLFailed(let failedURL, let message)? = result else {
        Issue.record("\(url.debugDescription) was not refused: \(String(describing: result))")
        continue
      }
      #expect(failedURL == url)
      #expect(message.hasPrefix("not opened: the URL "), "\(message)")
    }

    let good = "https://example.com/jobs/1?ref=a&b=c"
    #expect(URLOpener.open(good, environment: environment, mailbox: mailbox) == nil)
    for mail in ["mailto:anna@example.com", "tel:+49301234567"] {
      #expect(URLOpener.open(mail, environment: environment, mailbox: mailbox) == nil)
    }
    let deadline = Date().addingTimeInterval(10)
    var lines: [String] = []
    while Date() < deadline {
      lines = ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "")
        .split(separator: "\n").map(String.init)
      if lines.filter({ $0 == "END" }).count == 3 { break }
      usleep(20_000)
    }
    // Each run gave exactly one argument, the link, and nothing else ever ran.
    #expect(lines.sorted() == [good, "END", "END", "END", "mailto:anna@example.com",
                               "tel:+49301234567"].sorted())
    #expect(!FileManager.default.fileExists(atPath: "/tmp/jobdeck-pwned"))
  }
}
