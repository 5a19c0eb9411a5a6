/// Which editor to run and how, from `$VISUAL`, `$EDITOR` or `vi`, the way git chooses.
///
/// The variable holds a command line such as `code -w` or `"/opt/My Editor/bin/edit" --wait`, so
/// it is split into words (spaces separate; single quotes, double quotes and backslashes group)
/// with no expansion of any kind. The file path is then appended as one more argument and is
/// never seen by a shell.
public enum EditorCommand {
  public static let fallback = "vi"

  /// The full argument vector: the editor's words, then the file to edit.
  public static func arguments(environment: [String: String], filePath: String) -> [String] {
    let candidates = [environment["VISUAL"], environment["EDITOR"]]
    for case let candidate? in candidates {
      let words = words(candidate)
      if !words.isEmpty { return words + [filePath] }
    }
    return [fallback, filePath]
  }

  /// Splits a command line into words like a shell would, without expanding anything.
  /// An unterminated quote runs to the end of the text.
  public static func words(_ commandLine: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaping = false
    for character in commandLine {
      if escaping {
        current.append(character)
        escaping = false
        continue
      }
      switch (quote, character) {
      case ("'", "'"), ("\"", "\""):
        quote = nil
      case ("'", _):
        current.append(character)
      case ("\"", "\\"), (nil, "\\"):
        escaping = true
        inWord = true
      case ("\"", _):
        current.append(character)
      case (nil, "'"), (nil, "\""):
        quote = character
        inWord = true
      case (nil, let c) where c.isWhitespace:
        if inWord { words.append(current) }
        current = ""
        inWord = false
      default:
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}
