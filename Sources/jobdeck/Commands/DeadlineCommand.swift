import ArgumentParser
import Foundation
import JobDeckCore

struct DeadlineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deadline",
    abstract: "Add, complete, dismiss, snooze or move deadlines.",
    subcommands: [AddDeadline.self, DoneDeadline.self, DismissDeadline.self, SnoozeDeadline.self,
                  RescheduleDeadline.self]
  )
}

struct AddDeadline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a deadline to a posting or application; prints its id.",
    discussion: "Kinds: " + DeadlineKind.allValueStrings.joined(separator: ", ")
      + ".\nDates: " + DateInput.acceptedForms
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The posting or application it belongs to.") var id: String
  @Argument(help: "What kind of date it is.") var kind: DeadlineKind
  @Argument(help: "When it is due.") var date: String
  @Option(help: ArgumentHelp("A time of day (14:30), making it a timed event.", valueName: "HH:MM"))
  var at: String?
  @Option(help: ArgumentHelp("The time zone of --at (default: yours).", valueName: "zone"))
  var timeZone: String?
  @Option(help: ArgumentHelp("Reminder lead times, e.g. 7d,2d,0d (default: the kind's own): 1 to 8, each 0d to 366d.",
                             valueName: "list"))
  var lead: String?
  @Option(help: "A note.") var note: String?

  func run() throws {
    let clock = storeOptions.clock
    let day = try OptionValue.date(date, option: "date", today: clock.today)
    let leadTimes = try lead.map { try OptionValue.leadTimes($0, option: "--lead") }
    let due = try EventTimeInput.due(on: day, at: at, timeZone: timeZone, clock: clock)
    let deadlineID = try storeOptions.session.update { deck -> String in
      let owner: DeadlineOwner
      switch try deck.resolve(id) {
      case .posting(let postingID): owner = .posting(postingID)
      case .application(let applicationID): owner = .application(applicationID)
      case .deadline: throw CommandFailure.user("'\(id)' is a deadline; name a posting or an application")
      }
      return deck.add(Deadline(id: "", kind: kind, due: due, leadTimes: leadTimes, owner: owner,
                               origin: .manual, note: note))
    }
    say(deadlineID)
  }
}

/// The shared shape of done / dismiss: resolve, change, save, say.
private func changeDeadline(
  _ text: String, storeOptions: StoreOptions, verb: String,
  _ change: (inout Deck, String, Date) throws -> Void
) throws {
  let now = storeOptions.clock.now
  let deadlineID = try storeOptions.session.update { deck -> String in
    let deadlineID = try deck.resolveDeadline(text)
    try change(&deck, deadlineID, now)
    return deadlineID
  }
  say("\(deadlineID): \(verb)")
}

struct DoneDeadline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "done", abstract: "Mark a deadline or event done; it leaves the agenda.")
  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The deadline, or a record with one pending deadline.") var id: String

  func run() throws {
    try changeDeadline(id, storeOptions: storeOptions, verb: "done") { deck, id, now in
      try deck.markDone(id, at: now)
    }
  }
}

struct DismissDeadline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dismiss",
    abstract: "Dismiss a deadline or event that does not apply; it leaves the agenda.")
  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The deadline, or a record with one pending deadline.") var id: String

  func run() throws {
    try changeDeadline(id, storeOptions: storeOptions, verb: "dismissed") { deck, id, now in
      try deck.dismiss(id, at: now)
    }
  }
}

struct SnoozeDeadline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snooze", abstract: "Hide a deadline from the agenda until a date (default: tomorrow).")
  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The deadline, or a record with one pending deadline.") var id: String
  @Option(parsing: .unconditional,
          help: ArgumentHelp("The day it comes back (tomorrow, +1w, mon).", valueName: "date"))
  var until: String = "tomorrow"

  func run() throws {
    let day = try OptionValue.date(until, option: "--until", today: storeOptions.clock.today)
    try changeDeadline(id, storeOptions: storeOptions, verb: "snoozed until \(day)") { deck, id, _ in
      try deck.snooze(id, until: day)
    }
  }
}

struct RescheduleDeadline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "move", abstract: "Move a deadline to another date.")
  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The deadline, or a record with one pending deadline.") var id: String
  @Argument(help: "The new date.") var date: String

  func run() throws {
    let day = try OptionValue.date(date, option: "date", today: storeOptions.clock.today)
    try changeDeadline(id, storeOptions: storeOptions, verb: "moved to \(day)") { deck, id, now in
      try deck.reschedule(id, to: .allDay(day), at: now)
    }
  }
}
