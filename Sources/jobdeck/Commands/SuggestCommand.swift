import ArgumentParser
import Foundation
import JobDeckConfig
import JobDeckCore

struct SuggestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "suggest",
    abstract: "What JobDeck proposes: follow up, no response, next stage, started, answer the offer.",
    discussion: """
      JobDeck never closes or moves an application on its own: it proposes, and you accept, \
      snooze or dismiss (a dismissed suggestion is never made again for that item). Silent \
      for --follow-up-days after applying (default 14): add a follow-up task. Silent for \
      --no-response-days (default 30): move to "no response". An interview, call or \
      assessment is over: move to the next stage. The start date of an accepted job has \
      passed: mark it started. An offer must be answered within 2 days: answer it.
      """,
    subcommands: [ListSuggestions.self, AcceptSuggestion.self, SnoozeSuggestion.self,
                  DismissSuggestion.self],
    defaultSubcommand: ListSuggestions.self
  )
}

/// `--follow-up-days` and `--no-response-days`, with the precedence every setting has:
/// option, then `$JOBDECK_FOLLOW_UP_DAYS` / `$JOBDECK_NO_RESPONSE_DAYS`, then `[reminders]` in
/// the config file, then (follow-up only) the store's `followUpAfterDays`, then the default.
struct SuggestionOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Days of silence after applying before a follow-up is suggested (0: never).",
                             valueName: "days"))
  var followUpDays: Int?
  @Option(help: ArgumentHelp("Days of silence before \"no response\" is suggested (0: never).",
                             valueName: "days"))
  var noResponseDays: Int?

  func validate() throws {
    for (value, option) in [(followUpDays, "--follow-up-days"), (noResponseDays, "--no-response-days")] {
      if let value, !SuggestionRules.dayRange.contains(value) {
        throw ValidationError("invalid \(option) '\(value)': allowed \(Self.rangeText)")
      }
    }
  }

  static var rangeText: String {
    "a whole number of days from \(SuggestionRules.dayRange.lowerBound) (never) to \(SuggestionRules.dayRange.upperBound)"
  }

  func rules(for deck: Deck, configuration: StoreOptions) throws -> SuggestionRules {
    try days(configuration: configuration.configOptions.configuration).rules(for: deck)
  }

  func days(configuration config: Configuration) throws -> SuggestionDays {
    try Self.days(followUp: followUpDays, noResponse: noResponseDays, configuration: config)
  }

  /// The option, else the environment, else the config file (the UI has no options).
  static func days(followUp: Int?, noResponse: Int?, configuration config: Configuration) throws
    -> SuggestionDays
  {
    let fromEnvironment = try environmentDays()
    return SuggestionDays(
      followUp: followUp ?? fromEnvironment.followUp ?? config.followUpDays,
      noResponse: noResponse ?? fromEnvironment.noResponse ?? config.noResponseDays)
  }

  /// `$JOBDECK_FOLLOW_UP_DAYS` and `$JOBDECK_NO_RESPONSE_DAYS`; empty is unset.
  static func environmentDays() throws -> SuggestionDays {
    let environment = ProcessInfo.processInfo.environment
    func days(_ name: String) throws -> Int? {
      guard let text = environment[name], !text.isEmpty else { return nil }
      guard let days = Int(text), SuggestionRules.dayRange.contains(days) else {
        throw ValidationError("invalid $\(name) '\(text)': allowed \(Self.rangeText)")
      }
      return days
    }
    return SuggestionDays(followUp: try days("JOBDECK_FOLLOW_UP_DAYS"),
                          noResponse: try days("JOBDECK_NO_RESPONSE_DAYS"))
  }
}

struct ListSuggestions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the open suggestions (the default).",
    discussion: """
      --json prints an array: id, kind (followUp, noResponse, nextStage, started, \
      answerOffer), applicationID, deadlineID, company, title, proposedStage, reason, proposal.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var suggestionOptions: SuggestionOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let deck = try storeOptions.session.open().deck
    let suggestions = deck.suggestions(
      clock: storeOptions.clock,
      rules: try suggestionOptions.rules(for: deck, configuration: storeOptions))
    if json {
      sayRendered(try JSONOutput.encode(suggestions))
    } else if suggestions.isEmpty {
      say("No suggestions.")
    } else {
      sayRendered(SuggestionText.render(suggestions))
    }
  }
}

/// The id argument and options of `suggest accept|snooze|dismiss`, and the one way they find
/// the suggestion: in the store as it is when the lock is held, so an answer never lands on a
/// suggestion that has gone meanwhile.
struct SuggestionAnswerArguments: ParsableArguments {
  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var suggestionOptions: SuggestionOptions
  @Argument(help: "The suggestion's id, or a unique prefix of it.") var id: String

  func answer<T>(_ body: (inout Deck, Suggestion) throws -> T) throws -> T {
    let clock = storeOptions.clock
    return try storeOptions.session.update { deck in
      let suggestion = try deck.suggestions(
        clock: clock, rules: try suggestionOptions.rules(for: deck, configuration: storeOptions)
      ).resolve(id)
      return try body(&deck, suggestion)
    }
  }
}

struct AcceptSuggestion: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept",
    abstract: "Do what a suggestion proposes (recorded like any change: a move, a task, done).")

  @OptionGroup var arguments: SuggestionAnswerArguments

  func run() throws {
    let clock = arguments.storeOptions.clock
    say(try arguments.answer { deck, suggestion in
      try deck.accept(suggestion, at: clock.now, today: clock.today)
    })
  }
}

struct SnoozeSuggestion: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snooze",
    abstract: "Ask again about a suggestion later (default: in a week).")

  @OptionGroup var arguments: SuggestionAnswerArguments
  @Option(name: .customLong("for"), help: ArgumentHelp("How long (3d, 2w).", valueName: "duration"))
  var duration = "7d"

  func run() throws {
    let until = try OptionValue.duration(duration, option: "--for")
      .added(to: arguments.storeOptions.clock.today)
    let id = try arguments.answer { deck, suggestion in
      deck.answerSuggestion(suggestion.id, .snoozed, until: until)
      return suggestion.id
    }
    say("Snoozed \(id) until \(until)")
  }
}

struct DismissSuggestion: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dismiss",
    abstract: "Never make this suggestion again for this item.")

  @OptionGroup var arguments: SuggestionAnswerArguments

  func run() throws {
    let id = try arguments.answer { deck, suggestion in
      deck.answerSuggestion(suggestion.id, .dismissed)
      return suggestion.id
    }
    say("Dismissed \(id)")
  }
}

/// Suggestions as text, for `suggest` and the agenda's "Suggestions" section.
enum SuggestionText {
  static func render(_ suggestions: [Suggestion]) -> String {
    // The id is what `suggest accept` takes: never shortened.
    let idWidth = suggestions.map { TerminalText.displayWidth(of: $0.id) }.max() ?? 40
    var table = TextTable(header: ["", "", "", ""], maximumWidths: [idWidth, 22, 30, 90])
    for suggestion in suggestions {
      table.append([suggestion.id, suggestion.company, suggestion.title,
                    suggestion.reason + ": " + suggestion.proposal + "?"])
    }
    return "Suggestions\n" + table.render(includingHeader: false, indent: "  ")
      + "\n  (jobdeck suggest accept|snooze|dismiss ID)"
  }
}
