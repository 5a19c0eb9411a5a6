import Foundation
import JobDeckConfig
import JobDeckCore
import JobDeckTUI
import Testing

/// The config file as the user writes it: every setting read, every wrong value refused with
/// file:line:column, what was found and what is allowed.
@Suite("Config file")
struct ConfigurationParserTests {
  static let file = "/home/user/.config/jobdeck/config.toml"

  func parse(_ text: String) throws(ConfigurationError) -> Configuration {
    try Configuration(parsing: text, file: Self.file)
  }

  func refusal(_ text: String) -> ConfigurationError? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func anEmptyFileGivesTheDefaults() throws {
    #expect(try parse("") == Configuration.defaults)
    #expect(Configuration.defaults.keyTable == KeyTable.standard)
  }

  @Test func theDefaultFileParsesToTheDefaults() throws {
    let text = Configuration.defaultFileText()
    #expect(try parse(text) == Configuration.defaults)
    for command in AppCommand.allCases {
      #expect(text.contains("\n\(command.settingName) "), "\(command.settingName) missing")
    }
  }

  @Test func everySettingIsRead() throws {
    let configuration = try parse("""
      store = "/data/jobs.json"
      time-zone = "Europe/Berlin"
      mouse = true
      theme = "light"

      [colors]
      overdue = "magenta"

      [keys]
      help = ["F1", "?"]
      select-next = ["j", "Down", "Ctrl-N"]
      """)
    #expect(configuration.storePath == "/data/jobs.json")
    #expect(configuration.timeZone == "Europe/Berlin")
    #expect(configuration.mouse)
    #expect(configuration.theme.base == .light)
    #expect(configuration.theme.color(for: .overdue) == .magenta)
    #expect(configuration.theme.color(for: .heading) == .blue)
    #expect(configuration.keyOverrides[.help] == [.function(1), .character("?")])
    #expect(configuration.keyTable.command(for: .control("n"), in: .agenda) == .selectNext)
    #expect(configuration.keyTable.binding(for: .help)?.keyLabel == "F1 ?")
  }

  @Test func monochromeHasNoColourButTheUsersOwn() throws {
    let configuration = try parse("theme = \"monochrome\"\n[colors]\nerror = \"red\"\n")
    #expect(configuration.theme.color(for: .heading) == nil)
    #expect(configuration.theme.color(for: .error) == .red)
  }

  @Test func syntaxErrorsCarryTOMLKitsPosition() {
    let error = refusal("mouse = true\ntheme = \"dark\n")
    #expect(error?.line == 2)
    #expect(error?.column != nil)
    #expect(error?.description.hasPrefix(Self.file + ":2:") == true)
    #expect(error?.problem.contains("not valid TOML") == true)
  }

  @Test func aWrongTypeNamesTheLineColumnAndWhatIsAllowed() {
    let error = refusal("# mine\nstore = \"/x.json\"\n  mouse = \"yes\"\n")
    #expect(error?.line == 3)
    #expect(error?.column == 11)
    #expect(error?.description
      == "\(Self.file):3:11: mouse: \"yes\"; allowed: true or false (without quotes)")
  }

  @Test func aNumberWhereTextBelongsIsQuoted() {
    let error = refusal("store = 42\n")
    #expect(error?.description == "\(Self.file):1:9: store: 42, which is not text; "
      + "allowed: a file path in quotes")
    let table = refusal("keys = 3\n")
    #expect(table?.problem == "keys: 3, which is not a table")
  }

  @Test func anUnknownThemeIsRefusedWithTheThemes() {
    let error = refusal("theme = \"solarized\"\n")
    #expect(error?.description
      == "\(Self.file):1:9: theme: theme \"solarized\"; allowed: dark, light, monochrome")
  }

  @Test func anUnknownTimeZoneIsRefused() {
    let error = refusal("\ntime-zone = \"Mars/Olympus\"\n")
    #expect(error?.line == 2)
    #expect(error?.column == 13)
    #expect(error?.problem == "time-zone: unknown time zone \"Mars/Olympus\"")
  }

  @Test func anUnknownSettingListsTheSettings() {
    let error = refusal("mouse = true\n  mose = false\n")
    #expect(error?.line == 2)
    // The name is what is wrong, so the column is the name's.
    #expect(error?.column == 3)
    #expect(error?.problem == "mose: unknown setting \"mose\"")
    #expect(error?.allowed.contains("mouse") == true)
  }

  @Test func anUnknownColourOrStyleIsRefusedInItsTable() {
    let colour = refusal("theme = \"dark\"\n\n[colors]\nheading = \"teal\"\n")
    #expect(colour?.line == 4)
    #expect(colour?.column == 11)
    #expect(colour?.problem == "colors.heading: colour \"teal\"")
    #expect(colour?.allowed.contains("magenta") == true)
    let style = refusal("[colors]\nbanner = \"red\"\n")
    #expect(style?.line == 2)
    #expect(style?.problem == "colors.banner: unknown style \"banner\"")
  }

  @Test func anUnknownActionOrKeyIsRefused() {
    let action = refusal("[keys]\nfly = [\"f\"]\n")
    #expect(action?.line == 2)
    #expect(action?.problem == "keys.fly: unknown action \"fly\"")
    #expect(action?.allowed.contains("select-next") == true)
    let key = refusal("[keys]\nhelp = [\"Hyper-X\"]\n")
    #expect(key?.line == 2)
    #expect(key?.column == 8)
    #expect(key?.problem == "keys.help: key \"Hyper-X\"")
    let notAList = refusal("[keys]\nhelp = \"h\"\n")
    #expect(notAList?.problem == "keys.help: \"h\", not a list")
  }

  /// `x` already marks a deadline done in the agenda; `j` moves everywhere.
  @Test func aKeyThatClashesInAViewIsRefusedAtTheRebinding() {
    let error = refusal("[keys]\nmouse-free = []\n")
    #expect(error?.problem.hasPrefix("keys.mouse-free: unknown action") == true)
    let clash = refusal("[keys]\nundo = [\"u\"]\nsnooze = [\"x\"]\n")
    #expect(clash?.line == 3)
    #expect(clash?.column == 10)
    #expect(clash?.problem
      == "keys.snooze: key x would run both snooze and mark-done in the Agenda view")
    #expect(clash?.allowed == "keys that no other action of that view uses")
  }

  /// The same key in views that never meet is not a clash: `q` quits the lists and closes the
  /// detail.
  @Test func theSameKeyInDifferentViewsIsAllowed() throws {
    let configuration = try parse("[keys]\ncycle-sort = [\"x\"]\n")
    #expect(configuration.keyTable.command(for: .character("x"), in: .postings) == .cycleSort)
    #expect(configuration.keyTable.command(for: .character("x"), in: .agenda) == .markDone)
  }

  @Test func anEmptyListLeavesTheActionToThePalette() throws {
    let configuration = try parse("[keys]\nundo = []\n")
    #expect(configuration.keyTable.command(for: .character("u"), in: .postings) == nil)
    #expect(!configuration.keyTable.hints(in: .postings).contains { $0.command == .undo })
  }

  // MARK: [reminders]

  @Test func reminderLeadTimesAreReadForAllKindsAndPerKind() throws {
    let configuration = try parse("""
      [reminders]
      lead_times = ["7d", "1d", "2h"]

      [reminders.lead_times_by_kind]
      interview = ["1d", "2h"]
      offer_response = ["3d"]
      """)
    let leads = configuration.reminderLeadTimes
    #expect(leads.general == [.days(7), .days(1), .hours(2)])
    #expect(leads.byKind == [.interview: [.days(1), .hours(2)], .offerResponse: [.days(3)]])
    // The kind's list beats the general one; a deadline's own lead times beat both.
    #expect(leads.leadTimes(for: .interview, current: DeadlineKind.interview.defaultLeadTimes)
      == [.days(1), .hours(2)])
    #expect(leads.leadTimes(for: .startDate, current: DeadlineKind.startDate.defaultLeadTimes)
      == [.days(7), .days(1), .hours(2)])
    #expect(leads.leadTimes(for: .startDate, current: [.days(30)]) == [.days(30)])
  }

  @Test func aBadLeadTimeIsRefusedWhereItIsWritten() {
    let error = refusal("mouse = true\n[reminders]\nlead_times = [\"7d\", \"3x\"]\n")
    #expect(error?.line == 3)
    #expect(error?.column == 14)
    #expect(error?.problem == "reminders.lead_times: lead times [\"7d\", \"3x\"]")
    #expect(error?.allowed.contains("units min, h, d, w, m (months) or y") == true)
    #expect(error?.allowed.contains("0d to 366d") == true)
    let tooFar = refusal("[reminders]\nlead_times = [\"400d\"]\n")
    #expect(tooFar?.problem == "reminders.lead_times: lead times [\"400d\"]")
    let empty = refusal("[reminders]\nlead_times = []\n")
    #expect(empty?.line == 2)
    let notAList = refusal("[reminders]\nlead_times = \"7d\"\n")
    #expect(notAList?.problem == "reminders.lead_times: \"7d\", not a list")
  }

  @Test func anUnknownKindOrReminderSettingIsRefused() {
    let kind = refusal("[reminders.lead_times_by_kind]\nlunch = [\"1d\"]\n")
    #expect(kind?.line == 2)
    #expect(kind?.column == 1)
    #expect(kind?.problem == "reminders.lead_times_by_kind.lunch: unknown deadline kind \"lunch\"")
    #expect(kind?.allowed.contains("application-cutoff") == true)
    let badLead = refusal("[reminders.lead_times_by_kind]\ninterview = [\"1d\", \"soon\"]\n")
    #expect(badLead?.line == 2)
    #expect(badLead?.column == 13)
    let setting = refusal("[reminders]\nlead = [\"1d\"]\n")
    #expect(setting?.problem == "reminders.lead: unknown setting \"lead\"")
    #expect(setting?.column == 1)
  }

  @Test func theDefaultFileDocumentsTheReminderTables() throws {
    let text = Configuration.defaultFileText()
    #expect(text.contains("[reminders]\n"))
    #expect(text.contains("[reminders.lead_times_by_kind]\n"))
    #expect(text.contains("# interview = [\"1d\", \"2h\"]"))
    // Uncommenting the shipped per-kind lines changes nothing.
    let uncommented = text.replacingOccurrences(of: "\n# interview = ", with: "\ninterview = ")
      .replacingOccurrences(of: "\n# contract-end = ", with: "\ncontract-end = ")
    let leads = try parse(uncommented).reminderLeadTimes
    #expect(leads.byKind[.interview] == DeadlineKind.interview.defaultLeadTimes)
    #expect(leads.byKind[.contractEnd] == DeadlineKind.contractEnd.defaultLeadTimes)
  }
}

/// The README's Configuration section shows the settings as `config default` prints them.
@Suite("Config in the README")
struct ConfigurationREADMETests {
  static let start = "<!-- config: generated from `jobdeck config default`; do not edit -->\n"
  static let end = "<!-- end of config -->"

  static var readmePath: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
  }

  /// Everything before the per-action keys, which the README's key table already lists.
  static func expectedSection() -> String {
    let text = Configuration.defaultFileText()
    let settings = text.range(of: "[keys]\n").map { String(text[..<$0.upperBound]) } ?? text
    return "```toml\n" + settings
      + "# … then one line per action, named as in the key table (kebab-case: select-next, mark-done):\n"
      + "help = [\"?\"]\n```\n"
  }

  /// `JOBDECK_RECORD_SNAPSHOTS=1` rewrites the section from `Configuration.defaultFileText()`.
  @Test func theREADMEShowsTheDefaultFile() throws {
    let readme = try String(contentsOf: Self.readmePath, encoding: .utf8)
    let start = try #require(readme.range(of: Self.start), "README lacks the marker")
    let end = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
    let expected = Self.expectedSection()
    if ProcessInfo.processInfo.environment["JOBDECK_RECORD_SNAPSHOTS"] == "1" {
      let updated = readme.replacingCharacters(in: start.upperBound..<end.lowerBound, with: expected)
      try updated.write(to: Self.readmePath, atomically: true, encoding: .utf8)
      return
    }
    #expect(String(readme[start.upperBound..<end.lowerBound]) == expected)
    #expect(Configuration.defaultFileText().contains("\nhelp                   = [\"?\"]"))
  }
}
