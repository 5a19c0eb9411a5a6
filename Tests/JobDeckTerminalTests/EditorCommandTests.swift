import JobDeckCore
import Testing

@testable import JobDeckTerminal

@Suite("The editor and browser command lines")
struct EditorCommandTests {
  @Test("An editor with options is split on spaces and the file comes last")
  func editorWithOptions() {
    #expect(EditorCommand.arguments(environment: ["EDITOR": "code -w"], filePath: "/tmp/a b.md")
      == ["code", "-w", "/tmp/a b.md"])
  }

  @Test("VISUAL wins over EDITOR, and vi is the fallback")
  func precedence() {
    #expect(EditorCommand.arguments(environment: ["VISUAL": "nano", "EDITOR": "ed"],
                                    filePath: "f") == ["nano", "f"])
    #expect(EditorCommand.arguments(environment: ["VISUAL": "  ", "EDITOR": "ed"],
                                    filePath: "f") == ["ed", "f"])
    #expect(EditorCommand.arguments(environment: [:], filePath: "f") == ["vi", "f"])
  }

  @Test("Quotes and backslashes group words; nothing is expanded")
  func quoting() {
    #expect(EditorCommand.words("\"/opt/My Editor/bin/edit\" --wait")
      == ["/opt/My Editor/bin/edit", "--wait"])
    #expect(EditorCommand.words("sh -c 'printf x >> \"$1\"' editor")
      == ["sh", "-c", "printf x >> \"$1\"", "editor"])
    #expect(EditorCommand.words("my\\ editor $HOME ~") == ["my editor", "$HOME", "~"])
    #expect(EditorCommand.words("  vim   -u  NONE ") == ["vim", "-u", "NONE"])
    #expect(EditorCommand.words("''") == [""])
  }

  @Test("A URL is one argument to xdg-open or to $BROWSER")
  func browserArguments() throws {
    let url = "https://example.com/job?id=1&x=a%20b;rm%20-rf%20~$(reboot)"
    let link = try WebLink(url)
    #expect(URLOpener.arguments(for: link, environment: [:]) == ["xdg-open", url])
    #expect(URLOpener.arguments(for: link, environment: ["BROWSER": "firefox --new-tab"])
      == ["firefox", "--new-tab", url])
    #expect(URLOpener.arguments(for: link, environment: ["BROWSER": "lynx:w3m"]) == ["lynx", url])
    #expect(URLOpener.arguments(for: link, environment: ["BROWSER": "open %s"]) == ["open", url])
  }
}
