import Foundation
import JobDeckCore

/// The views reachable with `1` to `4` and `Tab`.
public enum TopView: Int, CaseIterable, Sendable {
  case postings, pipeline, agenda, stats

  var title: String {
    switch self {
    case .postings: return "Postings"
    case .pipeline: return "Pipeline"
    case .agenda: return "Agenda"
    case .stats: return "Stats"
    }
  }
}

/// What is on top of the current view. One level only: `q`/`Esc` from any of these goes back to
/// the top view, so the user is never more than one key from the tables.
public enum Mode: Equatable, Sendable {
  case browsing
  case detail(DetailState)
  case addForm(AddForm)
  case importPrompt(TextInput)
  /// The import dialog's multi-line box, holding a pasted ad until Ctrl-D previews it.
  case importPaste(PastedAd)
  case importPreview(PostingDraft)
  /// The posting being added or imported matches one on file: update it, add anyway, cancel.
  case duplicateQuestion(DuplicateQuestion)
  case stagePicker(StagePicker)
  /// `z` was pressed on an agenda row: waiting for `d` (a day) or `w` (a week).
  case snoozePrompt(deadlineID: String)
  /// The key list; scrolled by `AppState.helpScroll`.
  case help
  /// `:` the command palette: every command, narrowed by what is typed.
  case palette(CommandPalette)
  /// The apply form or the event form.
  case fieldForm(FieldForm)
  /// A stage move waiting for its one-line note (Enter with none skips it).
  case moveNote(MoveNote)
  /// `D`: waiting for `y` to delete what the question names.
  case confirmDelete(ConfirmDelete)
  /// The edited record document has a mistake: `y`/Enter opens the editor on it again.
  case editAgain(EditAgain)
  /// `C`: an application's contacts, one selected; the last row adds one.
  case contacts(ContactList)
  /// `=`: applications' offer terms side by side.
  case offerComparison(OfferComparison)
}

public struct DuplicateQuestion: Equatable, Sendable {
  /// The posting on file and how it is named.
  public var existingID: String
  public var existingName: String
  /// What `u` and `a` do.
  public var update: PendingEdit
  public var addAnyway: PendingEdit
  /// What `update` keeps of the posting on file (`Reimport.kept`), said after the update.
  public var updateKeeps: [String] = []
  /// "Quokka GmbH · Data Engineer", the posting being added.
  public var newName: String
}

/// A pasted ad in the import dialog: the text as pasted (typing adds to it).
public struct PastedAd: Equatable, Sendable {
  public var text: String

  public init(_ text: String) { self.text = text }
}

/// The applications `=` compares: the marked one and the one in focus, else every offer.
public struct OfferComparison: Equatable, Sendable {
  public var applicationIDs: [String]
  /// The detail the comparison was opened over, shown again when it closes.
  public var detail: DetailState?
}

public struct ContactList: Equatable, Sendable {
  public var applicationID: String
  public var selection = 0
  /// The detail the list was opened over, shown again when it closes.
  public var detail: DetailState?
}

public struct EditAgain: Equatable, Sendable {
  public var reference: Deck.Reference
  public var original: String
  public var edited: String
  /// "line 5: invalid url 'x': …"
  public var mistake: String
}

public struct MoveNote: Equatable, Sendable {
  public var applicationID: String
  public var stage: Stage
  public var input = TextInput()
}

public struct ConfirmDelete: Equatable, Sendable {
  public var reference: Deck.Reference
  /// "Delete SumUp · ML Engineer and its 3 deadlines?"
  public var question: String
}

/// The `:` palette's state: what is typed and which match is selected.
public struct CommandPalette: Equatable, Sendable {
  public var input = TextInput()
  public var selection = 0
  /// The detail the palette was opened over, shown again when it closes.
  public var detail: DetailState?
}

/// Which record the detail shows: a posting (with its applications) or an application.
public struct DetailState: Equatable, Sendable {
  public var postingID: String?
  public var applicationID: String?
  /// First line shown; clamped when drawn.
  public var scroll: Int = 0
}

public struct StagePicker: Equatable, Sendable {
  public var applicationID: String
  public var selection: Int
}

/// Whether the deck on screen is on disk.
public enum SaveState: Equatable, Sendable {
  case saved
  case saving
  case failed(String)
}

public enum PostingSort: CaseIterable, Sendable {
  case deadline, posted, company

  var title: String {
    switch self {
    case .deadline: return "deadline"
    case .posted: return "posted"
    case .company: return "company"
    }
  }
}

/// Everything the UI shows, apart from the deck itself a matter of where the user is looking.
public struct AppState: Equatable, Sendable {
  public var deck: Deck
  public var storePath: String
  public var readOnlyReason: String?
  /// The latest time seen (from the clock, then from ticks): decides "today".
  public var now: Date
  public var timeZone: TimeZone
  /// The store's sync repository, shown in the status bar; nil when the store does not sync.
  public var syncStatus: SyncStatus?
  /// The keymap in force: the shipped one, or the one the config file rebinds.
  public var keys = KeyTable.standard
  public var size = TerminalSize(rows: 24, columns: 80)

  public var view: TopView = .postings
  public var mode: Mode = .browsing

  public var postingSort: PostingSort = .deadline
  public var postingSelection = 0
  /// The `/` text of each list view, and of the detail's search (cleared when it closes).
  public var filters: [KeyContext: String] = [:]
  /// The `/` line is open: every printable key goes to the filter of the current context.
  public var isEditingFilter = false
  public var helpScroll = 0
  /// The detail the help was opened over, shown again when it closes.
  public var detailUnderHelp: DetailState?

  /// 0..<Stage.active.count for the active stages, Stage.active.count for the closed column.
  public var pipelineColumn = 0
  public var pipelineRow = 0
  public var showsClosedApplications = false
  /// `V`: archived postings and applications are listed too.
  public var showsArchived = false
  /// `M`: the application `=` compares with the one in focus.
  public var markedForComparison: String?

  /// Entries first, then the suggestions below them (`AgendaLines`).
  public var agendaSelection = 0
  /// The days of silence set outside the store (`Deck.suggestions`).
  public var suggestionDays = SuggestionDays()

  /// The Stats view: its first line shown, its breakdown (`b`) and its period (`p`).
  public var statsScroll = 0
  public var statsGrouping: SearchStatistics.Grouping = .source
  public var statsPeriod: StatsPeriod = .all

  public var undoStack: [UndoStep] = []
  public var redoStack: [UndoStep] = []
  /// The user's changes not yet confirmed on disk, replayed onto the disk's version if another
  /// process changes the store meanwhile.
  public var pendingEdits: [PendingEdit] = []
  public var saveState: SaveState = .saved
  public var message: String?
  public var messageIsError = false
  public var wantsQuit = false
  /// Derived lists (agenda, sorted and filtered postings), recomputed only when their inputs change.
  var viewCache = ViewCacheBox()

  public var today: CivilDate { CivilDate(containing: now, in: timeZone) }

  /// The postings table's filter.
  public var filter: String {
    get { filters[.postings] ?? "" }
    set { filters[.postings] = newValue }
  }

  /// Where keys act now: the detail when it is open, else the current view.
  public var keyContext: KeyContext {
    if case .detail = mode { return .detail }
    if case .palette(let palette) = mode, palette.detail != nil { return .detail }
    switch view {
    case .postings: return .postings
    case .pipeline: return .pipeline
    case .agenda: return .agenda
    case .stats: return .stats
    }
  }

  /// The filter (or the detail's search) of the current context.
  public var activeFilter: String {
    get { filters[keyContext] ?? "" }
    set { filters[keyContext] = newValue }
  }
  public var isReadOnly: Bool { readOnlyReason != nil }
}
