import Foundation
import JobDeckCore
import JobDeckTUI

extension Configuration {
  /// `jobdeck config default`: every setting with its default and what it may be, as a file
  /// that can be saved and edited. Parsing it gives `Configuration.defaults` (a test checks).
  public static func defaultFileText() -> String {
    let themes = ColorTheme.Base.allCases.map(\.rawValue).joined(separator: ", ")
    let colors = ColorTheme.Color.allCases.map(\.rawValue).joined(separator: ", ")
    let defaults = Configuration.defaults
    var lines = [
      "# JobDeck configuration: $XDG_CONFIG_HOME/jobdeck/config.toml",
      "# (else ~/.config/jobdeck/config.toml; $JOBDECK_CONFIG or --config PATH name another).",
      "# Command-line options beat environment variables, which beat this file.",
      "",
      "# The store file. Empty: $JOBDECK_STORE, else $XDG_DATA_HOME/jobdeck/store.json.",
      "# --store and $JOBDECK_STORE beat it.",
      "store = \"\(defaults.storePath ?? "")\"",
      "",
      "# An IANA time zone for \"today\" and times of day, such as \"Europe/Berlin\".",
      "# Empty: the system's. A non-empty $TZ beats it.",
      "time-zone = \"\(defaults.timeZone ?? "")\"",
      "",
      "# Click rows and tabs and scroll with the wheel in the UI. JOBDECK_MOUSE=1 or 0 beats it.",
      "mouse = \(defaults.mouse)",
      "",
      "# Your name, at the top of `jobdeck report` (--name beats it). Empty: none.",
      "name = \"\(defaults.name ?? "")\"",
      "",
      "# One of: \(themes). NO_COLOR (non-empty) turns colour off whatever the theme.",
      "theme = \"\(defaults.theme.base.rawValue)\"",
      "",
      "# Your colour for any style, over the theme's. Colours: \(colors).",
      "# The dark theme's are shown; remove the # to change one.",
      "[colors]",
    ]
    let dark = ColorTheme(base: .dark)
    for (name, role) in ColorTheme.colorableRoles {
      lines.append("# \(name) = \"\((dark.color(for: role) ?? .default).rawValue)\"")
    }
    lines += reminderLines()
    lines += calDAVLines
    lines += [
      "",
      "# Keys per action, as the help (?) writes them: one character, Space, Enter, Esc, Tab,",
      "# Shift-Tab, Backspace, Delete, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1…F12,",
      "# Ctrl-A…Ctrl-Z. A key may not run two actions in one view. [] leaves an action to the",
      "# command palette (:).",
      "[keys]",
    ]
    for binding in KeyTable.standard.bindings {
      let keys = binding.keys.map { "\"" + KeyMap.label($0) + "\"" }.joined(separator: ", ")
      let padded = binding.command.settingName.padding(toLength: 22, withPad: " ", startingAt: 0)
      lines.append("\(padded) = [\(keys)]  # \(binding.summary)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `[caldav]`: where `jobdeck caldav push` publishes, commented out (no calendar by default).
  private static let calDAVLines = [
    "",
    "# Where `jobdeck caldav push` publishes deadlines and events: a calendar collection's",
    "# address (https://, or http:// to localhost only), the user, and a command that prints",
    "# the password. JOBDECK_CALDAV_URL, JOBDECK_CALDAV_USERNAME, JOBDECK_CALDAV_PASSWORD beat",
    "# these; --calendar URL beats url.",
    "[caldav]",
    "# url = \"https://cloud.example.org/remote.php/dav/calendars/alex/jobs/\"",
    "# username = \"alex\"",
    "# password_command = \"pass show caldav\"",
  ]

  /// `[reminders]`: the lead times `jobdeck remind` (and `--notify`) uses and the days of silence
  /// before a suggestion, commented out so the built-in ones stay in force until the user picks
  /// theirs.
  private static func reminderLines() -> [String] {
    var lines = [
      "",
      "# When `jobdeck remind` reminds of a deadline (and when the alarms of `export --format ics`",
      "# and `caldav push` ring): lead times before it, each a count and a",
      "# unit (min, h, d, w, m for months, y), 0d for the day itself; 1 to 8, up to 366d.",
      "# Deadlines given their own with `deadline add --lead` keep them.",
      "# remind --lead 7d,1d,2h and JOBDECK_REMIND_LEAD=7d,1d,2h beat these.",
      "[reminders]",
      "# lead_times = [\"7d\", \"1d\", \"2h\"]  # every kind; unset: each kind's own (below)",
      "",
      "# Days of silence after applying before JobDeck suggests a follow-up, or \"no response\"",
      "# (0: never). --follow-up-days and $JOBDECK_FOLLOW_UP_DAYS beat follow_up_days, which",
      "# beats the store's followUpAfterDays; likewise --no-response-days, $JOBDECK_NO_RESPONSE_DAYS.",
      "# follow_up_days = \(SuggestionRules.defaultFollowUpDays)",
      "# no_response_days = \(SuggestionRules.defaultNoResponseDays)",
      "",
      "# Per kind of deadline, over lead_times. Each kind's built-in lead times are shown.",
      "[reminders.lead_times_by_kind]",
    ]
    for kind in DeadlineKind.allCases {
      let leads = kind.defaultLeadTimes.map { "\"" + $0.typedText + "\"" }
      lines.append("# \(kind.settingName) = [\(leads.joined(separator: ", "))]")
    }
    return lines
  }
}
