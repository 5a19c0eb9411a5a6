import ArgumentParser
import Foundation
import JobDeckCore
import JobDeckStore

/// The `jobdeck` command. With no subcommand it opens the full-screen UI on the user's store.
@main
struct JobDeck: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobdeck",
    abstract: "Track job postings, applications and the deadlines that come with them.",
    discussion: """
      With no command, opens the full-screen UI on your store. Every command takes \
      --store PATH; otherwise $JOBDECK_STORE, the config file's store \
      (jobdeck config path), $XDG_DATA_HOME/jobdeck/store.json or \
      ~/.local/share/jobdeck/store.json is used. Ids accept any unique prefix.

      Exit status: 0 success, 1 a request that cannot be done (unknown or ambiguous id), \
      2 a problem with the store (unreadable, locked, written by a newer JobDeck) or the \
      config file (a value it does not accept, with file:line:column), 64 a \
      mistake in the command line (unknown option, a value that does not parse, a date \
      outside 1900-01-01 … 2199-12-31).
      """,
    version: "0.1.0",
    subcommands: [
      UICommand.self, DemoCommand.self, AddCommand.self, ApplyCommand.self, ListCommand.self,
      ShowCommand.self, MoveCommand.self, NoteCommand.self, RemoveCommand.self,
      CheckCommand.self, CompactCommand.self, AgendaCommand.self, RemindCommand.self, DeadlineCommand.self,
      SetCommand.self, ImportCommand.self, ExportCommand.self, EventCommand.self,
      ContactCommand.self, EditCommand.self, ArchiveCommand.self, UnarchiveCommand.self,
      OffersCommand.self, ConfigCommand.self, SuggestCommand.self, StatsCommand.self,
      ReportCommand.self, ConflictsCommand.self, MergeDriverCommand.self, SyncCommand.self,
      CalDAVCommand.self,
    ],
    defaultSubcommand: UICommand.self
  )

  /// Runs a command and turns every failure into a message and the documented exit status:
  /// a mistake in the command line (an option, a value) is 64, as ArgumentParser has it.
  static func main() {
    // Past RLIMIT_FSIZE the kernel kills the process with SIGXFSZ, mid-save and without a word
    // (leaving its temporary file); ignored, the write fails with EFBIG and the store says so.
    signal(SIGXFSZ, SIG_IGN)
    ProcessMemory.returnLargeBlocksWhenFreed()
    // Before ArgumentParser: with a default subcommand it would take an unknown command for an
    // argument of `ui` and answer with the UI's usage (and `--help` after it with the UI's help).
    if let unknown = UnknownCommand(arguments: Array(CommandLine.arguments.dropFirst()),
                                    known: commandNames) {
      printError(unknown.message)
      Foundation.exit(UnknownCommand.exitCode)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as CommandFailure {
      printError(error.message)
      Foundation.exit(error.exitCode)
    } catch let error as DeckError {
      printError(error.description)
      switch error {
      case .invalidValue, .valueOutOfRange, .outsideSupportedDates: Foundation.exit(ExitStatus.usage)
      default: Foundation.exit(ExitStatus.userError)
      }
    } catch let error as StoreFailure {
      printError(error.description)
      Foundation.exit(ExitStatus.storeProblem)
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is CleanExit {
        exit(withError: error)
      }
      printError(fullMessage(for: error))
      Foundation.exit(ExitStatus.usage)
    }
  }

  /// Every name a first argument may be: the subcommands, their aliases and ArgumentParser's
  /// own `help`.
  static var commandNames: [String] {
    configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases } + ["help"]
  }
}

/// A first argument that names no command: `jobdeck sync`.
struct UnknownCommand {
  /// EX_USAGE: the command line itself is wrong.
  static let exitCode: Int32 = 64

  let name: String
  let known: [String]

  /// Nil when the first word that is not an option is a known command, or when there is none
  /// (`jobdeck`, `jobdeck --store x.json`: the UI).
  init?(arguments: [String], known: [String]) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { return nil }
      if argument.hasPrefix("-") {
        // `--store PATH` and `--config PATH` are the root options with a value.
        if argument == "--store" || argument == "--config" { index += 1 }
        index += 1
        continue
      }
      guard !known.contains(argument) else { return nil }
      name = argument
      self.known = known
      return
    }
    return nil
  }

  /// The known command nearest to `name`: a command it begins, else the fewest edits.
  var suggestion: String? {
    let commands = known.filter { $0 != "help" }
    if let prefixed = commands.first(where: { $0.hasPrefix(name.lowercased()) }) {
      return prefixed
    }
    return commands.min { editDistance(name.lowercased(), $0) < editDistance(name.lowercased(), $1) }
  }

  var message: String {
    var text = "unknown command '\(name)'"
    if let suggestion { text += "; did you mean '\(suggestion)'?" }
    text += "\ncommands: " + known.filter { $0 != "help" }.joined(separator: ", ")
    text += "\n(jobdeck --help describes them; jobdeck with no command opens the UI)"
    return text
  }

  /// Levenshtein distance over Characters.
  private func editDistance(_ left: String, _ right: String) -> Int {
    let a = Array(left)
    let b = Array(right)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1,
                         previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
