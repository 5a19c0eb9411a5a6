import Foundation
import JobDeckCore
import JobDeckTUI

/// Opens a URL in the user's browser without ever blocking the UI or letting the browser's
/// output scribble over it.
enum URLOpener {
  /// `$BROWSER` (the first entry of its colon-separated list, `%s` standing for the URL when
  /// present) or `xdg-open`, with the URL as one argument.
  static func arguments(for link: WebLink, environment: [String: String]) -> [String] {
    let url = link.text
    let browser = (environment["BROWSER"] ?? "")
      .split(separator: ":").map(String.init)
      .first { !EditorCommand.words($0).isEmpty }
    guard let browser else { return ["xdg-open", url] }
    let words = EditorCommand.words(browser)
    if words.contains(where: { $0.contains("%s") }) {
      return words.map { $0.replacingOccurrences(of: "%s", with: url) }
    }
    return words + [url]
  }

  /// Starts the browser detached (its own process group, streams on /dev/null). A failure to
  /// start is returned at once; a non-zero exit arrives later through the mailbox.
  ///
  /// Only a link `WebLink` accepts (http, https, mailto, tel; never one starting with `-`) is
  /// handed on: a store written by an older JobDeck, or edited by hand, may hold anything.
  static func open(_ url: String, environment: [String: String],
                   mailbox: ActionMailbox) -> Action? {
    let link: WebLink
    do {
      link = try WebLink(url, for: .contact)
    } catch {
      return .openURLFailed(url: url, message: "not opened: the URL \(error)")
    }
    let arguments = arguments(for: link, environment: environment)
    let pid: pid_t
    do {
      pid = try ChildProcess.spawn(
        arguments, streams: .allOpened(path: "/dev/null"), newProcessGroup: true,
        defaultSignals: SignalTrap.interruptSignals + [SIGTSTP, SIGQUIT])
    } catch {
      guard error.code == ENOENT else {
        return .openURLFailed(url: url, message: error.description)
      }
      return .openURLFailed(
        url: url, message: "no program to open it: '\(error.program)' was not found "
          + "(set $BROWSER, or install xdg-utils for xdg-open)")
    }
    let program = arguments[0]
    // Reaped on its own thread so no zombie is left and the UI never waits for a browser.
    Thread.detachNewThread {
      let status = ChildProcess.waitForExit(pid)
      if status != 0 {
        let reason = status.map { "exited with status \($0)" } ?? "was killed by a signal"
        mailbox.post(.openURLFailed(url: url, message: "'\(program)' \(reason)"))
      }
    }
    return nil
  }
}
