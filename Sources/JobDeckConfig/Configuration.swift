import Foundation
import JobDeckCore
import JobDeckTUI

/// What the config file sets, each field already checked. A field the file leaves out has its
/// default, so `Configuration()` is what JobDeck does with no file at all.
public struct Configuration: Equatable, Sendable {
  /// The store file; nil leaves it to `$JOBDECK_STORE` and the XDG default.
  public var storePath: String?
  /// An IANA zone name for "today" and times of day; nil means the system's (`TZ`).
  public var timeZone: String?
  /// Clicks and the wheel in the UI (`JOBDECK_MOUSE` still overrides it).
  public var mouse: Bool
  public var theme: ColorTheme
  /// The commands the file rebinds, with their new keys (possibly none).
  public var keyOverrides: [AppCommand: [KeyPress]]
  /// `[reminders]` `lead_times` and `[reminders.lead_times_by_kind]`: what `jobdeck remind`
  /// uses for deadlines without lead times of their own (`--lead` and `JOBDECK_REMIND_LEAD`
  /// beat it).
  public var reminderLeadTimes: ReminderLeadTimes
  /// `[reminders] follow_up_days` and `no_response_days`: days of silence after applying
  /// before a follow-up, or "no response", is suggested; nil: not set here.
  public var followUpDays: Int?
  public var noResponseDays: Int?
  /// The person's name, for the header of `jobdeck report`; nil: none.
  public var name: String?
  /// `[caldav]`: where `jobdeck caldav push` publishes (the environment beats each setting).
  public var caldav = CalDAVSettings()

  public init(storePath: String? = nil, timeZone: String? = nil, mouse: Bool = false,
              theme: ColorTheme = ColorTheme(), keyOverrides: [AppCommand: [KeyPress]] = [:],
              reminderLeadTimes: ReminderLeadTimes = .builtIn, name: String? = nil) {
    self.storePath = storePath
    self.timeZone = timeZone
    self.mouse = mouse
    self.theme = theme
    self.keyOverrides = keyOverrides
    self.reminderLeadTimes = reminderLeadTimes
    self.name = name
  }

  /// The keymap the UI runs with. The overrides were checked for clashes when parsed.
  public var keyTable: KeyTable {
    (try? KeyTable(overriding: keyOverrides)) ?? .standard
  }

  /// The defaults, written out: each setting with its value when no file sets it.
  public static let defaults = Configuration()
}

/// `[caldav]`. No password: only a command that prints it (a password manager), so the config
/// file holds no secret.
public struct CalDAVSettings: Equatable, Sendable {
  public var url: String?
  public var username: String?
  /// Run with `/bin/sh -c`; its first line of output is the password.
  public var passwordCommand: String?

  public init(url: String? = nil, username: String? = nil, passwordCommand: String? = nil) {
    self.url = url
    self.username = username
    self.passwordCommand = passwordCommand
  }
}
