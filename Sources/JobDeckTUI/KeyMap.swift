/// Where a key acts: one of the three list views, or the detail on top of them.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
  case postings, pipeline, agenda, stats, detail

  public var title: String {
    switch self {
    case .postings: return "Postings"
    case .pipeline: return "Pipeline"
    case .agenda: return "Agenda"
    case .stats: return "Stats"
    case .detail: return "Detail"
    }
  }

  /// The top views: the lists and the Stats view (which has no rows to select or open).
  static let views: Set<KeyContext> = [.postings, .pipeline, .agenda, .stats]
  static let lists: Set<KeyContext> = [.postings, .pipeline, .agenda]
  static let everywhere = Set(KeyContext.allCases)
}

/// The help's sections, in the order shown.
public enum KeyGroup: String, CaseIterable, Sendable {
  case everywhere, moving, postings, pipeline, agenda, stats, detail

  public var title: String {
    switch self {
    case .everywhere: return "Everywhere"
    case .moving: return "Moving and finding"
    case .postings: return "Postings"
    case .pipeline: return "Pipeline"
    case .agenda: return "Agenda"
    case .stats: return "Stats"
    case .detail: return "Detail"
    }
  }
}

/// Everything a key can ask the UI to do. The palette runs these by name, so each is a whole
/// request (`z` opens the snooze prompt; its `d`/`w` answer belongs to the prompt).
public enum AppCommand: String, CaseIterable, Sendable {
  case showPostings, showPipeline, showAgenda, showStats, nextView, previousView
  case help, palette, undo, redo, addPosting, importPosting, sync, quit
  case selectNext, selectPrevious, selectFirst, selectLast, pageDown, pageUp, open
  case filter, nextMatch, previousMatch, clearFilter
  case cycleSort
  case previousColumn, nextColumn, moveToNextStage, moveToPreviousStage, pickStage, toggleClosed
  case markDone, snooze, acceptSuggestion
  case back, editNotes, openURL
  case apply, addEvent, editEvent, delete, archive, showArchived, editRecord, contacts
  case offerTerms, compareOffers, markForComparison, editFields
  case cycleBreakdown, cyclePeriod
}

/// One row of the keymap: what a command is called, which keys run it and where.
public struct KeyBinding: Equatable, Sendable {
  public let command: AppCommand
  public let keys: [KeyPress]
  public let contexts: Set<KeyContext>
  public let group: KeyGroup
  /// One line for the help, the palette and the README.
  public let summary: String
  /// A word or two for the hint bar; nil keeps the command out of it.
  public let hint: String?

  /// The keys as the help writes them: `j ↓`, `Ctrl-R`.
  public var keyLabel: String { keys.map(KeyMap.label).joined(separator: " ") }

  /// The contexts in the table's order.
  public var orderedContexts: [KeyContext] { KeyContext.allCases.filter(contexts.contains) }
}

/// The one keymap: the dispatcher, the `?` help, the hint bar, the `:` palette and the README's
/// key table all read it, so none of them can disagree with the keys.
public enum KeyMap {
  public static let bindings: [KeyBinding] = [
    // Everywhere
    row(.showPostings, ["1"], KeyContext.views, .everywhere, "show the postings table"),
    row(.showPipeline, ["2"], KeyContext.views, .everywhere, "show the pipeline by stage"),
    row(.showAgenda, ["3"], KeyContext.views, .everywhere, "show the agenda of deadlines"),
    row(.showStats, ["4"], KeyContext.views, .everywhere,
        "show the statistics: funnel, answers, applications per week, breakdown"),
    row(.nextView, [.tab], KeyContext.views, .everywhere, "next view"),
    row(.previousView, [.backTab], KeyContext.views, .everywhere, "previous view"),
    row(.help, ["?"], KeyContext.everywhere, .everywhere, "show every key (this help)",
        hint: "help"),
    row(.palette, [":"], KeyContext.everywhere, .everywhere,
        "command palette: type to find any command, Enter runs it", hint: "commands"),
    row(.undo, ["u"], KeyContext.everywhere, .everywhere, "undo the last change", hint: "undo"),
    row(.redo, [.control("r")], KeyContext.everywhere, .everywhere, "redo what was undone"),
    row(.addPosting, ["a"], KeyContext.views, .everywhere, "add a posting by hand", hint: "add"),
    row(.importPosting, ["i"], KeyContext.views, .everywhere,
        "import a posting from a file, a URL or a paste", hint: "import"),
    row(.sync, ["S"], KeyContext.views, .everywhere,
        "sync the store with its git remote, as jobdeck sync (saves first, reloads after)"),
    row(.quit, ["q"], KeyContext.views, .everywhere, "save and quit", hint: "quit"),
    row(.delete, ["D"], KeyContext.everywhere, .everywhere,
        "delete the selected record (asks first, naming it and what goes with it)"),
    row(.archive, ["X"], KeyContext.everywhere, .everywhere,
        "archive the posting or application, or bring it back (Agenda: dismiss the deadline or suggestion)",
        hint: "archive"),
    row(.showArchived, ["V"], [.postings, .pipeline], .everywhere,
        "show or hide archived postings and applications"),
    row(.editFields, ["e"], [.postings, .pipeline, .detail], .everywhere,
        "edit the posting's or application's fields in a form: company, title, location, URL, "
          + "type, workplace, tags, salary, dates, stage date and note", hint: "edit"),
    row(.editRecord, ["E"], [.postings, .pipeline, .detail], .everywhere,
        "edit every field of the posting in $EDITOR (a mistake is shown with its line)"),
    // Moving and finding
    row(.selectNext, ["j", .down], KeyContext.everywhere, .moving,
        "next row (detail: scroll down)"),
    row(.selectPrevious, ["k", .up], KeyContext.everywhere, .moving,
        "previous row (detail: scroll up)"),
    row(.selectFirst, ["g", .home], KeyContext.everywhere, .moving, "first row (detail: top)"),
    row(.selectLast, ["G", .end], KeyContext.everywhere, .moving, "last row (detail: end)"),
    row(.pageDown, [.pageDown, " "], KeyContext.everywhere, .moving, "one page down"),
    row(.pageUp, [.pageUp], KeyContext.everywhere, .moving, "one page up"),
    row(.open, [.enter], KeyContext.lists, .moving, "open the selected record's detail",
        hint: "open"),
    row(.filter, ["/"], KeyContext.everywhere, .moving,
        "filter the list (detail: search the text); Enter keeps it, Esc clears", hint: "filter"),
    row(.nextMatch, ["n"], KeyContext.everywhere, .moving, "next match of the filter or search"),
    row(.previousMatch, ["N"], KeyContext.everywhere, .moving,
        "previous match of the filter or search"),
    row(.clearFilter, [.escape], KeyContext.views, .moving, "clear the filter"),
    // Postings
    row(.cycleSort, ["s"], [.postings], .postings, "sort by deadline, posted date or company",
        hint: "sort"),
    row(.apply, ["A"], [.postings, .detail], .postings,
        "apply to the posting: stage, date and a note", hint: "apply"),
    row(.addEvent, ["t"], [.pipeline, .agenda, .detail], .pipeline,
        "add an event to the application: interview, call, take-home… with date, time, place, link",
        hint: "event"),
    row(.contacts, ["C"], [.pipeline, .detail], .pipeline,
        "the application's contacts: a adds, e edits, D deletes, o writes or calls",
        hint: "contacts"),
    row(.offerTerms, ["O"], [.pipeline, .detail], .pipeline,
        "the offer's terms: salary, start, contract, probation, notice, answer-by date",
        hint: "offer"),
    row(.markForComparison, ["M"], [.pipeline, .detail], .pipeline,
        "mark the application to compare with another (M again unmarks)"),
    row(.compareOffers, ["="], [.pipeline, .detail], .pipeline,
        "compare the marked application's offer with this one (nothing marked: every offer)"),
    // Pipeline
    row(.previousColumn, ["h", .left], [.pipeline], .pipeline, "previous stage column"),
    row(.nextColumn, ["l", .right], [.pipeline], .pipeline, "next stage column"),
    row(.moveToNextStage, ["L", ">"], [.pipeline], .pipeline,
        "move the application to the next stage (then a note; Enter skips it)", hint: "next stage"),
    row(.moveToPreviousStage, ["H", "<"], [.pipeline], .pipeline,
        "move the application to the previous stage (then a note; Enter skips it)", hint: "back a stage"),
    row(.pickStage, ["m"], [.pipeline], .pipeline, "move the application to any stage (then a note; Enter skips it)",
        hint: "move to…"),
    row(.toggleClosed, ["c"], [.pipeline], .pipeline, "show or hide closed applications",
        hint: "closed"),
    // Agenda
    row(.markDone, ["x"], [.agenda], .agenda, "mark the deadline done", hint: "done"),
    row(.snooze, ["z"], [.agenda], .agenda,
        "snooze the deadline or suggestion (then d: a day, w: a week)", hint: "snooze"),
    row(.acceptSuggestion, ["y"], [.agenda], .agenda,
        "accept the selected suggestion (follow up, no response, next stage, started…)"),
    row(.editEvent, ["r"], [.agenda], .agenda,
        "edit or reschedule the event or deadline: date, time, place, link, note",
        hint: "reschedule"),
    // Stats
    row(.cycleBreakdown, ["b"], [.stats], .stats,
        "break the numbers down by source, method, type, tag or month", hint: "breakdown"),
    row(.cyclePeriod, ["p"], [.stats], .stats,
        "period: all, the last 4, 13 or 52 weeks", hint: "period"),
    // Detail
    row(.back, ["q", .escape], [.detail], .detail, "back to the list", hint: "back"),
    row(.editNotes, [.control("e")], [.detail], .detail,
        "edit the application's notes in $EDITOR (Ctrl-E in the field form too)", hint: "notes"),
    row(.openURL, ["o"], [.detail], .detail, "open the posting's URL in the browser",
        hint: "open URL"),
  ]

  /// The binding of `command` in the shipped table; every command has exactly one (a test
  /// checks). The app reads its own `KeyTable`, which may hold the user's rebindings.
  public static func binding(for command: AppCommand) -> KeyBinding? {
    KeyTable.standard.binding(for: command)
  }

  /// The command `key` runs in `context` with the shipped keys, if any.
  public static func command(for key: KeyPress, in context: KeyContext) -> AppCommand? {
    KeyTable.standard.command(for: key, in: context)
  }

  /// The shipped bindings of `context` with a hint, in the hint bar's order.
  public static func hints(in context: KeyContext) -> [KeyBinding] {
    KeyTable.standard.hints(in: context)
  }

  private static func row(
    _ command: AppCommand, _ keys: [KeyPress], _ contexts: Set<KeyContext>, _ group: KeyGroup,
    _ summary: String, hint: String? = nil
  ) -> KeyBinding {
    KeyBinding(command: command, keys: keys, contexts: contexts, group: group, summary: summary,
               hint: hint)
  }

  /// A key as people write it.
  public static func label(_ key: KeyPress) -> String {
    switch key {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let letter): return "Ctrl-" + letter.uppercased()
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .function(let number): return "F\(number)"
    case .resize: return "resize"
    }
  }

  /// The README's key table, one row per command, grouped as the help is.
  public static func markdownTable() -> String {
    var lines = ["| Keys | Where | What it does |", "|---|---|---|"]
    for group in KeyGroup.allCases {
      for binding in bindings where binding.group == group {
        let keys = binding.keys.map { "`" + label($0) + "`" }.joined(separator: " ")
        let contexts = binding.contexts == KeyContext.everywhere
          ? "everywhere"
          : binding.contexts == KeyContext.views
            ? "views" : binding.orderedContexts.map(\.title).joined(separator: ", ")
        let summary = binding.summary.replacingOccurrences(of: "|", with: "\\|")
        lines.append("| \(keys) | \(contexts) | \(summary) |")
      }
    }
    for edit in TextEdit.allCases {
      let keys = edit.keys.map { "`" + label($0) + "`" }.joined(separator: " ")
      lines.append("| \(keys) | text fields | \(edit.summary) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension KeyPress: ExpressibleByExtendedGraphemeClusterLiteral {
  /// `"j"` in the keymap stands for `.character("j")`.
  public init(extendedGraphemeClusterLiteral value: Character) {
    self = .character(value)
  }
}
