import ArgumentParser
import Foundation
import JobDeckCore

struct EventCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "event",
    abstract: "Add, edit (reschedule), complete, dismiss or remove events: interviews, calls, take-homes.",
    discussion: """
      Events are deadlines with a time, a place and a link; they share the agenda, reminders \
      and calendar export with every other deadline. Kinds: \
      \(DeadlineKind.allValueStrings.joined(separator: ", ")). An event that has happened is \
      not overdue: it stays under Today on its day and then leaves the agenda (see show).
      """,
    subcommands: [AddEvent.self, EditEvent.self, DoneDeadline.self, DismissDeadline.self,
                  RemoveEvent.self]
  )
}

/// The details `event add` and `event edit` share.
struct EventDetailOptions: ParsableArguments {
  @Option(help: ArgumentHelp("A time of day (14:30); without it the event is all-day.",
                             valueName: "HH:MM"))
  var at: String?
  @Option(help: ArgumentHelp("The time zone of --at (default: $TZ or the system's).",
                             valueName: "zone"))
  var timeZone: String?
  @Option(help: ArgumentHelp("How long it lasts (45min, 1h, 2h); calendars get 1h without it.",
                             valueName: "duration"))
  var duration: String?
  @Option(help: "Where it happens: an address, a room.") var place: String?
  @Option(help: ArgumentHelp("The video call or page: an http(s) link.", valueName: "url"))
  var link: String?
  @Option(help: "Its own name (a custom event's title).") var title: String?
  @Option(help: "A note.") var note: String?
  @Option(help: ArgumentHelp("Reminder lead times, e.g. 1d,2h (default: the kind's own).",
                             valueName: "list"))
  var lead: String?

  /// The checked values, or the first mistake naming its option.
  func details() throws -> (duration: Period?, link: String?, leads: [Period]?) {
    let duration = try self.duration.map { try EventTimeInput.duration($0) }
    let link: String?
    do {
      link = try self.link.map(EventLink.validated)
    } catch let error as DeckError {
      throw CommandFailure.usage("--link: \(error)")
    }
    for (option, value) in [("--place", place), ("--title", title)] {
      if let value, value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        throw CommandFailure.usage("invalid \(option) \(value.debugDescription): expected one line without control characters")
      }
    }
    return (duration, link, try lead.map { try OptionValue.leadTimes($0, option: "--lead") })
  }
}

struct AddEvent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add an event to an application (or a posting); prints its id.",
    discussion: "Dates: " + DateInput.acceptedForms
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application (or posting) it belongs to.") var id: String
  @Argument(help: "What kind of event: interview, phone-screen, take-home, assessment, call, offer-response, start-date, custom …")
  var kind: DeadlineKind
  @Argument(help: "The day it happens.") var date: String
  @OptionGroup var options: EventDetailOptions

  func validate() throws {
    if kind == .custom, options.title?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
      throw ValidationError("a custom event needs --title")
    }
  }

  func run() throws {
    let clock = storeOptions.clock
    let day = try OptionValue.date(date, option: "date", today: clock.today)
    let due = try EventTimeInput.due(on: day, at: options.at, timeZone: options.timeZone,
                                     clock: clock)
    let (duration, link, leads) = try options.details()
    let eventID = try storeOptions.session.update { deck -> String in
      let owner: DeadlineOwner
      switch try deck.resolve(id) {
      case .posting(let postingID):
        let applications = deck.applications(forPosting: postingID)
        owner = applications.count == 1 ? .application(applications[0].id) : .posting(postingID)
      case .application(let applicationID): owner = .application(applicationID)
      case .deadline: throw CommandFailure.user("'\(id)' is a deadline; name an application or a posting")
      }
      let eventID = deck.add(Deadline(
        id: "", kind: kind, due: due, leadTimes: leads, owner: owner, origin: .manual,
        note: options.note, title: options.title, duration: duration, place: options.place,
        link: link))
      return eventID
    }
    say(safe(eventID))
  }
}

struct EditEvent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change an event's details, or reschedule it with --date / --at.",
    discussion: """
      Only the options given change. An empty value (--place "") clears a detail; --all-day \
      drops the time. Rescheduling brings a done or snoozed event back to the agenda and bumps \
      its revision, so calendars replace it on the next export.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The event (any unique prefix of its id).") var id: String
  @Option(parsing: .unconditional, help: ArgumentHelp("Move it to this day.", valueName: "date")) var date: String?
  @Flag(help: "Make it an all-day event (drop its time).") var allDay = false
  @Option(help: ArgumentHelp("Change its kind.", valueName: "kind")) var kind: DeadlineKind?
  @OptionGroup var options: EventDetailOptions

  func validate() throws {
    if allDay, options.at != nil { throw ValidationError("use --at or --all-day, not both") }
  }

  func run() throws {
    let clock = storeOptions.clock
    let today = clock.today
    let newDay = try date.map { try OptionValue.date($0, option: "--date", today: today) }
    let clearsLink = options.link?.isEmpty ?? false
    var checked = options
    if clearsLink { checked.link = nil }
    let (duration, link, leads) = try checked.details()
    let now = clock.now
    let eventID = try storeOptions.session.update { deck -> String in
      let eventID = try deck.resolveDeadline(id)
      guard let current = deck.deadline(withID: eventID) else {
        throw DeckError.notFound(id, expected: .deadline)
      }
      let due = try rescheduled(current, to: newDay, clock: clock, in: deck)
      try deck.editDeadline(eventID, at: now) { event in
        if let due { event.due = due }
        if let kind { event.kind = kind }
        if let duration { event.duration = duration }
        if let leads { event.leadTimes = leads }
        if clearsLink { event.link = nil } else if let link { event.link = link }
        if let place = options.place { event.place = place.isEmpty ? nil : place }
        if let title = options.title { event.title = title.isEmpty ? nil : title }
        if let note = options.note { event.note = note.isEmpty ? nil : note }
      }
      if let edited = deck.deadline(withID: eventID), edited.kind == .custom, edited.title == nil {
        throw CommandFailure.usage("a custom event needs a title; give --title")
      }
      return eventID
    }
    say(safe("\(eventID): updated"))
  }

  /// The new due date, or nil when neither the day nor the time changes. A new time keeps the
  /// day (and a new day keeps the time of day, in the event's own zone).
  private func rescheduled(_ event: Deadline, to newDay: CivilDate?, clock: WallClock,
                           in deck: Deck) throws -> DeadlineDue?
  {
    guard newDay != nil || options.at != nil || options.timeZone != nil || allDay else {
      return nil
    }
    let (currentDay, currentTime, currentZone) = try parts(of: event, clock: clock, in: deck)
    let day = newDay ?? currentDay
    if allDay { return .allDay(day) }
    let at = options.at ?? currentTime
    let zoneName = options.timeZone ?? currentZone
    if at == nil, options.timeZone != nil {
      throw CommandFailure.usage("--time-zone needs --at: '\(event.id)' is all-day")
    }
    return try EventTimeInput.due(on: day, at: at, timeZone: at == nil ? nil : zoneName,
                                  clock: clock)
  }

  private func parts(of event: Deadline, clock: WallClock, in deck: Deck) throws
    -> (CivilDate, String?, String?)
  {
    switch event.due {
    case .allDay(let day): return (day, nil, nil)
    case .timed(let instant, let zoneName):
      let zone = TimeZone(identifier: zoneName) ?? clock.timeZone
      return (CivilDate(containing: instant, in: zone), DeadlineText.clockTime(instant, in: zone),
              zoneName)
    case .relative:
      switch deck.resolvedDue(of: event) {
      case .day(let day): return (day, nil, nil)
      default:
        throw CommandFailure.user("'\(event.id)' waits for another date; give --date to fix its day")
      }
    }
  }
}

struct RemoveEvent: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm", abstract: "Delete an event for good (dismiss keeps it on file).")
  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The event (any unique prefix of its id).") var id: String

  func run() throws {
    let removed = try storeOptions.session.update { deck -> String in
      let eventID = try deck.resolveDeadline(id)
      _ = try deck.removeDeadline(eventID)
      return eventID
    }
    say(safe("\(removed): removed"))
  }
}
