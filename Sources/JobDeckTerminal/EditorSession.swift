import Foundation

/// Editing text in the user's editor, like `git commit`: the text goes to a private temporary
/// file, the editor runs on the terminal, and whatever it saved comes back.
///
/// The caller has already stepped curses aside (`def_prog_mode` + `endwin`) and restores it after.
public enum EditorSession {
  /// - Parameter terminalPath: the terminal the UI runs on, given to the editor as its standard
  ///   streams (JobDeck's own may be redirected); nil to let it inherit ours.
  /// - Returns: the edited text, or nil if the editor could not start or exited with an error
  ///   (git, too, treats a failing editor as an abort).
  public static func edit(_ text: String, environment: [String: String],
                   terminalPath: String?) -> String? {
    guard let directory = makePrivateDirectory() else { return nil }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/jobdeck-edit.md"
    guard writePrivateFile(path, contents: text) else { return nil }

    let arguments = EditorCommand.arguments(environment: environment, filePath: path)
    // While the editor owns the terminal, Ctrl-C belongs to it (as in git); Ctrl-Z stops the
    // editor and JobDeck together, and `fg` resumes both.
    let ignored = [SIGINT, SIGQUIT]
    let saved = SignalTrap.setDisposition(SIG_IGN, for: ignored)
    let savedStop = SignalTrap.setDisposition(SIG_DFL, for: [SIGTSTP])
    defer {
      SignalTrap.restoreDispositions(saved)
      SignalTrap.restoreDispositions(savedStop)
    }
    let streams: ChildProcess.Streams = terminalPath.map { .allOpened(path: $0) } ?? .inherited
    guard let pid = try? ChildProcess.spawn(
      arguments, streams: streams, newProcessGroup: false,
      defaultSignals: [SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP]),
      ChildProcess.waitForExit(pid) == 0
    else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// A directory only we can enter, so another user cannot swap the file under the editor.
  private static func makePrivateDirectory() -> String? {
    let base = NSTemporaryDirectory()
    var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
    template += Array("jobdeck-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let baseAddress = buffer.baseAddress, mkdtemp(baseAddress) != nil else { return nil }
      return String(cString: baseAddress)
    }
  }

  private static func writePrivateFile(_ path: String, contents: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let bytes = Array(contents.utf8)
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR { continue }
        return false
      }
      written += result
    }
    return true
  }
}
