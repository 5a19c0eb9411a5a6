import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// The keymap is the one source of the keys: each command does what its line says, shows up in
/// the help, the palette and the README, and no two commands share a key where both act.
@Suite("Keymap")
struct KeyMapTests {
  /// How to test one command: where to stand, and what must hold after its key.
  struct CommandCheck: Sendable {
    var context: KeyContext
    var setUp: @Sendable (inout App) -> Void = { _ in }
    var holds: @Sendable (_ before: App, _ after: App, _ effects: [Effect]) -> Bool
  }

  static func inPipeline(_ app: inout App) { app.press(.character("2")) }
  static func inAgenda(_ app: inout App) { app.press(.character("3")) }
  static func inStats(_ app: inout App) { app.press(.character("4")) }
  static func inDetail(_ app: inout App) {
    app.state.mode = .detail(
      DetailState(postingID: "soundcloud-ml-intern", applicationID: "soundcloud-ml-intern"))
  }
  static func saves(_ effects: [Effect]) -> Bool {
    effects.contains { if case .save = $0 { return true } else { return false } }
  }
  static func scroll(_ app: App) -> Int? {
    if case .detail(let detail) = app.state.mode { return detail.scroll }
    return nil
  }
  static func stage(_ app: App, _ id: String) -> Stage? { app.state.deck.application(withID: id)?.stage }

  /// One entry per command of the keymap; `everyCommandHasAnUpdateTest` fails for a command
  /// added to the table without one.
  static let checks: [AppCommand: CommandCheck] = [
    .showPostings: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, _ in
      app.state.view == .postings
    },
    .showPipeline: CommandCheck(context: .postings) { _, app, _ in app.state.view == .pipeline },
    .showAgenda: CommandCheck(context: .postings) { _, app, _ in app.state.view == .agenda },
    .nextView: CommandCheck(context: .postings) { _, app, _ in app.state.view == .pipeline },
    .showStats: CommandCheck(context: .postings) { _, app, _ in app.state.view == .stats },
    .previousView: CommandCheck(context: .postings) { _, app, _ in app.state.view == .stats },
    .cycleBreakdown: CommandCheck(context: .stats, setUp: inStats) { _, app, _ in
      app.state.statsGrouping == .method && app.state.message == "broken down by method"
    },
    .cyclePeriod: CommandCheck(context: .stats, setUp: inStats) { _, app, _ in
      app.state.statsPeriod == .last4Weeks
        && app.screenText().contains("Applications 2025-02-04 – 2025-03-03")
    },
    .help: CommandCheck(context: .postings) { _, app, _ in app.state.mode == .help },
    .palette: CommandCheck(context: .agenda, setUp: inAgenda) { _, app, _ in
      if case .palette = app.state.mode { return true } else { return false }
    },
    .undo: CommandCheck(context: .pipeline, setUp: { app in
      inPipeline(&app)
      app.press(.character("L"), .enter)
    }) { before, app, effects in
      app.state.deck == Fixtures.deck && before.state.deck != Fixtures.deck && saves(effects)
    },
    .redo: CommandCheck(context: .pipeline, setUp: { app in
      inPipeline(&app)
      app.press(.character("L"), .enter, .character("u"))
    }) { _, app, effects in
      stage(app, "acme-backend") == .applied && saves(effects)
    },
    .addPosting: CommandCheck(context: .postings) { _, app, _ in
      if case .addForm = app.state.mode { return true } else { return false }
    },
    .importPosting: CommandCheck(context: .postings) { _, app, _ in
      if case .importPrompt = app.state.mode { return true } else { return false }
    },
    .sync: CommandCheck(context: .postings) { _, app, effects in
      effects == [.sync] && app.state.message == "syncing…"
    },
    .quit: CommandCheck(context: .postings) { _, app, effects in
      effects == [.quit] && app.state.wantsQuit
    },
    .selectNext: CommandCheck(context: .postings) { _, app, _ in app.state.postingSelection == 1 },
    .selectPrevious: CommandCheck(context: .postings, setUp: { app in
      app.press(.character("j"), .character("j"))
    }) { _, app, _ in app.state.postingSelection == 1 },
    .selectFirst: CommandCheck(context: .agenda, setUp: { app in
      inAgenda(&app)
      app.press(.character("j"), .character("j"))
    }) { _, app, _ in app.state.agendaSelection == 0 },
    .selectLast: CommandCheck(context: .postings) { _, app, _ in
      app.state.postingSelection == Fixtures.deck.postings.count - 1
    },
    .pageDown: CommandCheck(context: .detail, setUp: inDetail) { _, app, _ in
      (scroll(app) ?? 0) > 1
    },
    .pageUp: CommandCheck(context: .postings, setUp: { app in app.press(.character("G")) }) {
      before, app, _ in app.state.postingSelection < before.state.postingSelection
    },
    .open: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, _ in
      app.state.mode == .detail(DetailState(postingID: "acme-backend", applicationID: "acme-backend"))
    },
    .filter: CommandCheck(context: .agenda, setUp: inAgenda) { _, app, _ in
      app.state.isEditingFilter && app.state.keyContext == .agenda
    },
    .nextMatch: CommandCheck(context: .postings) { _, app, _ in app.state.postingSelection == 1 },
    .previousMatch: CommandCheck(context: .postings) { _, app, _ in
      app.state.postingSelection == Fixtures.deck.postings.count - 1
    },
    .clearFilter: CommandCheck(context: .pipeline, setUp: { app in
      inPipeline(&app)
      app.press(.character("/"))
      app.type("acme")
      app.press(.enter)
    }) { before, app, _ in
      before.state.filters[.pipeline] == "acme" && app.state.filters[.pipeline] == nil
    },
    .cycleSort: CommandCheck(context: .postings) { _, app, _ in app.state.postingSort == .posted },
    .previousColumn: CommandCheck(context: .pipeline, setUp: { app in
      inPipeline(&app)
      app.press(.character("l"))
    }) { before, app, _ in app.state.pipelineColumn == before.state.pipelineColumn - 1 },
    .nextColumn: CommandCheck(context: .pipeline, setUp: inPipeline) { before, app, _ in
      app.state.pipelineColumn == before.state.pipelineColumn + 1
    },
    .moveToNextStage: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, effects in
      // The move waits for its note; Enter with none records it (PipelineViewTests).
      app.state.mode == .moveNote(MoveNote(applicationID: "acme-backend", stage: .applied))
        && stage(app, "acme-backend") == .saved && effects.isEmpty
    },
    .moveToPreviousStage: CommandCheck(context: .pipeline, setUp: { app in
      inPipeline(&app)
      app.press(.character("l"))
    }) { _, app, effects in
      app.state.mode == .moveNote(MoveNote(applicationID: "soundcloud-ml-intern", stage: .saved))
        && effects.isEmpty
    },
    .pickStage: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, _ in
      app.state.mode == .stagePicker(StagePicker(applicationID: "acme-backend", selection: 0))
    },
    .toggleClosed: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, _ in
      app.state.showsClosedApplications && app.state.pipelineColumn == App.closedColumn
    },
    .markDone: CommandCheck(context: .agenda, setUp: inAgenda) { before, app, effects in
      let id = before.selectedAgendaEntry?.id ?? ""
      return app.state.deck.deadlines.first { $0.id == id }?.status == .done && saves(effects)
    },
    .snooze: CommandCheck(context: .agenda, setUp: inAgenda) { before, app, _ in
      app.state.mode == .snoozePrompt(deadlineID: before.selectedAgendaEntry?.id ?? "")
    },
    .acceptSuggestion: CommandCheck(context: .agenda, setUp: { app in
      // Silent for 10 days: with a follow-up after 7, the last rows are suggestions.
      app.state.suggestionDays = SuggestionDays(followUp: 7)
      app.press(.character("3"), .character("G"))
    }) { before, app, effects in
      guard let suggestion = before.selectedSuggestion else { return false }
      return app.state.deck.deadlines.contains {
        $0.kind == .followUp && $0.owner == .application(suggestion.applicationID)
      } && saves(effects)
    },
    .back: CommandCheck(context: .detail, setUp: inDetail) { _, app, _ in
      app.state.mode == .browsing
    },
    .editNotes: CommandCheck(context: .detail, setUp: inDetail) { _, _, effects in
      effects == [.editText("", purpose: .applicationNotes(applicationID: "soundcloud-ml-intern"))]
    },
    .openURL: CommandCheck(context: .detail, setUp: inDetail) { _, _, effects in
      effects == [.openURL("https://example.com/jobs/1")]
    },
    .apply: CommandCheck(context: .postings) { before, app, _ in
      guard case .fieldForm(let form) = app.state.mode, let id = before.selectedPosting?.id
      else { return false }
      return form.purpose == .apply(postingID: id) && form.value("Stage") == "applied"
        && form.value("Date") == "today"
    },
    .addEvent: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, _ in
      guard case .fieldForm(let form) = app.state.mode else { return false }
      return form.purpose == .event(owner: .application("acme-backend"), editing: nil)
        && form.value("Kind") == "interview"
    },
    .editEvent: CommandCheck(context: .agenda, setUp: inAgenda) { before, app, _ in
      guard case .fieldForm(let form) = app.state.mode,
        let entry = before.selectedAgendaEntry,
        case .event(_, let editing) = form.purpose
      else { return false }
      return editing == entry.id && !form.value("Date").isEmpty
    },
    .delete: CommandCheck(context: .postings) { before, app, effects in
      guard case .confirmDelete(let confirm) = app.state.mode,
        let posting = before.selectedPosting
      else { return false }
      return confirm.reference == .posting(posting.id) && confirm.question.hasPrefix("Delete ")
        && confirm.question.hasSuffix("? y/N") && effects.isEmpty
        && app.state.deck == before.state.deck
    },
    .archive: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, effects in
      app.state.deck.application(withID: "acme-backend")?.isArchived == true && saves(effects)
        && app.state.selectedApplicationID != "acme-backend"
    },
    .showArchived: CommandCheck(context: .postings) { _, app, _ in app.state.showsArchived },
    .contacts: CommandCheck(context: .detail, setUp: inDetail) { _, app, _ in
      guard case .contacts(let list) = app.state.mode else { return false }
      return list.applicationID == "soundcloud-ml-intern" && list.selection == 0
        && list.detail != nil
    },
    .offerTerms: CommandCheck(context: .detail, setUp: inDetail) { _, app, _ in
      guard case .fieldForm(let form) = app.state.mode else { return false }
      return form.purpose == .offerTerms(applicationID: "soundcloud-ml-intern")
    },
    .compareOffers: CommandCheck(context: .pipeline, setUp: { app in
      for id in ["soundcloud-ml-intern", "evil-corp"] {
        _ = try? app.state.deck.move(applicationID: id, to: .offer, at: Fixtures.clock.now)
      }
      inPipeline(&app)
    }) { _, app, _ in
      guard case .offerComparison(let comparison) = app.state.mode else { return false }
      return Set(comparison.applicationIDs) == ["soundcloud-ml-intern", "evil-corp"]
    },
    .markForComparison: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, effects in
      app.state.markedForComparison == "acme-backend" && effects.isEmpty
        && app.state.message?.hasPrefix("Marked Acme · Backend Engineer") == true
    },
    .editFields: CommandCheck(context: .pipeline, setUp: inPipeline) { _, app, effects in
      guard case .fieldForm(let form) = app.state.mode else { return false }
      return form.purpose == .editFields(.application("acme-backend"))
        && form.value("Company") == "Acme" && form.value("Apply by") == "2025-04-30"
        && form.value("Stage date") == "2025-02-21" && effects.isEmpty
    },
    .editRecord: CommandCheck(context: .postings) { before, _, effects in
      guard let posting = before.selectedPosting else { return false }
      let text = RecordDocument.render(
        posting, application: before.state.deck.onlyApplication(toPosting: posting.id))
      return effects == [.editText(text, purpose: .recordDocument(.posting(posting.id), original: text))]
    },
  ]

  static func freshApp(rows: Int = 12, columns: Int = 80) -> App {
    var app = Fixtures.app()
    app.press(.resize(TerminalSize(rows: rows, columns: columns)))
    return app
  }

  @Test func everyCommandHasAnUpdateTestAndEachOfItsKeysPassesIt() {
    for binding in KeyMap.bindings {
      guard let check = KeyMapTests.checks[binding.command] else {
        Issue.record("no update test for \(binding.command): add one to KeyMapTests.checks")
        continue
      }
      #expect(binding.contexts.contains(check.context), "\(binding.command) in \(check.context)")
      for key in binding.keys {
        var app = KeyMapTests.freshApp()
        check.setUp(&app)
        #expect(app.state.keyContext == check.context, "\(binding.command): set-up context")
        let before = app
        let effects = app.press(key)
        #expect(check.holds(before, app, effects),
                "\(binding.command) with \(KeyMap.label(key)): \(app.state.message ?? "")")
      }
    }
  }

  @Test func theSameCommandRunsFromThePalette() {
    for binding in KeyMap.bindings where binding.command != .palette {
      guard let check = KeyMapTests.checks[binding.command] else { continue }
      var app = KeyMapTests.freshApp()
      check.setUp(&app)
      let before = app
      app.press(.character(":"))
      app.type(PaletteMatcher.searchText(binding))
      let chosen = PaletteMatcher.matches(app.paletteText, context: app.state.keyContext).first
      #expect(chosen?.command == binding.command, "palette finds \(binding.command)")
      let effects = app.press(.enter)
      #expect(check.holds(before, app, effects), "\(binding.command) from the palette")
    }
  }

  @Test func everyCommandHasOneBindingAndNoKeyMeansTwoThingsInOnePlace() {
    for command in AppCommand.allCases {
      #expect(KeyMap.bindings.filter { $0.command == command }.count == 1, "\(command)")
    }
    for context in KeyContext.allCases {
      var seen: [KeyPress: AppCommand] = [:]
      for binding in KeyMap.bindings where binding.contexts.contains(context) {
        for key in binding.keys {
          #expect(seen[key] == nil,
                  "\(KeyMap.label(key)) in \(context): \(seen[key].map { "\($0)" } ?? "") and \(binding.command)")
          seen[key] = binding.command
        }
      }
    }
  }

  @Test func everyCommandIsInTheHelpThePaletteAndTheREADME() throws {
    let help = Renderer.helpLines(width: 400).map(\.text).joined(separator: "\n")
    let palette = PaletteMatcher.matches("", context: .postings).map(\.command)
    let readme = try KeyMapTests.readme()
    for binding in KeyMap.bindings {
      #expect(help.contains(binding.summary) && help.contains(binding.keyLabel),
              "help lacks \(binding.command)")
      #expect(palette.contains(binding.command), "palette lacks \(binding.command)")
      #expect(readme.contains(binding.summary), "README lacks \(binding.command)")
    }
  }

  static let readmeStart = "<!-- keys: generated from KeyMap.bindings; do not edit -->\n"
  static let readmeEnd = "<!-- end of keys -->"

  static var readmePath: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
  }

  static func readme() throws -> String { try String(contentsOf: readmePath, encoding: .utf8) }

  /// `JOBDECK_RECORD_SNAPSHOTS=1` rewrites the section from the table.
  @Test func theREADMEKeyTableIsTheKeymap() throws {
    let readme = try KeyMapTests.readme()
    let start = try #require(readme.range(of: KeyMapTests.readmeStart), "README lacks the marker")
    let end = try #require(readme.range(of: KeyMapTests.readmeEnd, range: start.upperBound..<readme.endIndex))
    let section = String(readme[start.upperBound..<end.lowerBound])
    let table = KeyMap.markdownTable()
    if ProcessInfo.processInfo.environment["JOBDECK_RECORD_SNAPSHOTS"] == "1" {
      let updated = readme.replacingCharacters(in: start.upperBound..<end.lowerBound, with: table)
      try updated.write(to: KeyMapTests.readmePath, atomically: true, encoding: .utf8)
      return
    }
    #expect(section == table, "README key table differs from KeyMap; record with JOBDECK_RECORD_SNAPSHOTS=1")
  }

  @Test func withTheFilterLineOpenNoPrintableKeyChangesData() {
    let printable = (0x20...0x7E).compactMap { Unicode.Scalar($0).map(Character.init) }
    let setUps: [(KeyContext, (inout App) -> Void)] = [
      (.postings, { _ in }), (.pipeline, KeyMapTests.inPipeline), (.agenda, KeyMapTests.inAgenda),
      (.detail, KeyMapTests.inDetail), (.stats, { $0.press(.character("4")) }),
    ]
    for (context, setUp) in setUps {
      var app = KeyMapTests.freshApp()
      setUp(&app)
      let mode = app.state.mode
      app.press(.character("/"))
      var effects: [Effect] = []
      for character in printable { effects += app.press(.character(character)) }
      #expect(app.state.deck == Fixtures.deck, "\(context)")
      #expect(effects.isEmpty, "\(context): \(effects)")
      #expect(app.state.mode == mode, "\(context)")
      #expect(app.state.activeFilter == String(printable), "\(context)")
      #expect(app.state.isEditingFilter, "\(context)")
    }
  }

  @Test func lettersTypedAfterSlashInTheAgendaFilterInsteadOfSnoozing() {
    var app = KeyMapTests.freshApp()
    app.press(.character("3"), .character("/"))
    let effects = app.type("xzdL")
    #expect(effects.isEmpty)
    #expect(app.state.deck == Fixtures.deck)
    #expect(app.state.mode == .browsing)
    #expect(app.state.filters[.agenda] == "xzdL")
    #expect(app.screenText().contains("No deadline matches 'xzdL'"))
  }

  @Test func theAgendaFilterNarrowsRowsByCompanyTitleOrKind() {
    var app = KeyMapTests.freshApp(rows: 24)
    app.press(.character("3"), .character("/"))
    app.type("assessment")
    app.press(.enter)
    let entries = AgendaModel(state: app.state).flattened()
    #expect(!entries.isEmpty)
    #expect(entries.allSatisfy { $0.kind == .assessment })
    app.press(.character("x"))
    #expect(app.state.deck.deadlines.first { $0.id == entries[0].id }?.status == .done)
  }

  @Test func typingLetterByLetterGivesTheSameAgendaRowsAsTheWholeFilterAtOnce() {
    for needle in ["apply", "soundcloud", "in", "eng"] {
      var typed = KeyMapTests.freshApp()
      typed.press(.character("3"), .character("/"))
      typed.type("x")
      typed.press(.backspace)
      typed.type(needle)
      var whole = KeyMapTests.freshApp()
      whole.state.filters[.agenda] = needle
      #expect(AgendaModel(state: typed.state).flattened().map(\.id)
        == AgendaModel(state: whole.state).flattened().map(\.id), "\(needle)")
    }
  }

  @Test func thePipelineFilterNarrowsCards() {
    var app = KeyMapTests.freshApp(rows: 24, columns: 120)
    app.press(.character("2"), .character("/"))
    app.type("sound")
    app.press(.enter, .character("l"))
    #expect(app.selectedApplication?.id == "soundcloud-ml-intern")
    #expect(app.screenText(rows: 24, columns: 120).contains("applied 1/1"))
    #expect(!app.screenText(rows: 24, columns: 120).contains("Acme"))
  }

  @Test func slashInTheDetailSearchesItsTextAndNFindsTheNextHit() {
    var app = KeyMapTests.freshApp(rows: 12)
    KeyMapTests.inDetail(&app)
    app.press(.character("/"))
    app.type("pytorch")
    app.press(.enter)
    let lines = Renderer(state: app.state).detailLines(
      DetailState(postingID: "soundcloud-ml-intern", applicationID: "soundcloud-ml-intern"),
      width: 80)
    let hit = lines.firstIndex { $0.text.contains("PyTorch") } ?? -1
    #expect(KeyMapTests.scroll(app) == min(hit, lines.count - Renderer.contentHeight(rows: 12)))
    #expect(app.state.deck == Fixtures.deck)
  }

  @Test func thePaletteMatchesFuzzilyAndEscClosesIt() {
    #expect(PaletteMatcher.matches("snz", context: .agenda).first?.command == .snooze)
    #expect(PaletteMatcher.matches("move next", context: .pipeline).first?.command == .moveToNextStage)
    #expect(PaletteMatcher.matches("qqqqzz", context: .postings).isEmpty)
    var app = KeyMapTests.freshApp()
    app.press(.character(":"))
    app.type("undo q")
    #expect(app.state.deck == Fixtures.deck)
    app.press(.escape)
    #expect(app.state.mode == .browsing)
  }

  @Test func aCommandOfAnotherViewFromThePaletteSwitchesToIt() {
    var app = KeyMapTests.freshApp()
    app.press(.character(":"))
    app.type("snooze")
    app.press(.enter)
    #expect(app.state.view == .agenda)
    guard case .snoozePrompt = app.state.mode else {
      Issue.record("expected the snooze prompt, got \(app.state.mode)")
      return
    }
  }

  @Test func thePaletteOverTheDetailRunsDetailCommandsThereAndLeavesItForOthers() {
    var app = KeyMapTests.freshApp()
    KeyMapTests.inDetail(&app)
    app.press(.character(":"))
    #expect(app.state.keyContext == .detail)
    app.type("open url")
    #expect(app.press(.enter) == [.openURL("https://example.com/jobs/1")])
    guard case .detail = app.state.mode else {
      Issue.record("the detail should stay open")
      return
    }
    app.press(.character(":"))
    app.type("agenda")
    app.press(.enter)
    #expect(app.state.mode == .browsing)
    #expect(app.state.view == .agenda)
    // A command of the detail asked for from a list says where it works.
    app.press(.character(":"))
    app.type("edit notes")
    #expect(app.press(.enter).isEmpty)
    #expect(app.state.messageIsError)
    #expect(app.state.message?.contains("works in the detail") == true)
  }

  @Test func theHelpOpenedOverTheDetailGoesBackToIt() {
    var app = KeyMapTests.freshApp()
    KeyMapTests.inDetail(&app)
    let detail = app.state.mode
    app.press(.character("?"))
    #expect(app.state.mode == .help)
    app.press(.escape)
    #expect(app.state.mode == detail)
    app.press(.character("q"), .character("?"), .character("q"))
    #expect(app.state.mode == .browsing)
  }

  @Test func theHelpScrollsToItsLastLineAtSixtyByFifteen() {
    var app = KeyMapTests.freshApp(rows: 15, columns: 60)
    app.press(.character("?"), .end)
    let screen = app.screenText(rows: 15, columns: 60)
    let lastSummary = TextEdit.allCases.last?.summary ?? ""
    #expect(screen.contains(String(lastSummary.prefix(20))))
    app.press(.character("q"))
    #expect(app.state.mode == .browsing)
  }
}

extension App {
  var paletteText: String {
    if case .palette(let palette) = state.mode { return palette.input.text }
    return ""
  }
}
