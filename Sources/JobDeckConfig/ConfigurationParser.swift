import Foundation
import JobDeckCore
import JobDeckTUI
import TOMLKit

extension Configuration {
  /// The top-level settings and tables a file may hold, for the message about any other.
  static let settingNames = [
    "store", "time-zone", "mouse", "theme", "name", "[colors]", "[keys]", "[reminders]",
    "[caldav]",
  ]

  /// Reads the text of a config file. `file` is only for messages. Pure: the caller reads the
  /// file, so tests hand in text.
  public init(parsing text: String, file: String) throws(ConfigurationError) {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigurationError(
        file: file, line: error.source.begin.line, column: error.source.begin.column,
        problem: "not valid TOML: \(error.description)",
        allowed: "TOML (https://toml.io); `jobdeck config default` prints a valid file")
    } catch {
      throw ConfigurationError(file: file, line: 1, column: 1, problem: "not valid TOML: \(error)",
                               allowed: "TOML (https://toml.io)")
    }
    let reader = SettingsReader(file: file, locator: SettingLocator(text: text))
    self.init()
    for key in table.keys {
      guard let value = table[key] else { continue }
      switch key {
      case "store":
        let path = try reader.string(value, key: key, in: nil, allowed: "a file path in quotes")
        storePath = path.isEmpty ? nil : path
      case "time-zone":
        let allowed = "an IANA time zone name such as \"Europe/Berlin\", or \"\" for the system's"
        let name = try reader.string(value, key: key, in: nil, allowed: allowed)
        guard name.isEmpty || TimeZone(identifier: name) != nil else {
          throw reader.error(key: key, in: nil, found: "unknown time zone \"\(name)\"",
                             allowed: allowed)
        }
        timeZone = name.isEmpty ? nil : name
      case "mouse":
        mouse = try reader.bool(value, key: key, in: nil)
      case "name":
        let text = try reader.string(value, key: key, in: nil, allowed: "your name in quotes")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        name = trimmed.isEmpty ? nil : trimmed
      case "theme":
        let allowed = ColorTheme.Base.allCases.map(\.rawValue).joined(separator: ", ")
        let name = try reader.string(value, key: key, in: nil, allowed: allowed)
        guard let base = ColorTheme.Base(rawValue: name) else {
          throw reader.error(key: key, in: nil, found: "theme \"\(name)\"", allowed: allowed)
        }
        theme.base = base
      case "colors":
        theme.colors = try reader.colors(value)
      case "keys":
        keyOverrides = try reader.keyOverrides(value)
      case "reminders":
        try reader.readReminders(value, into: &self)
      case "caldav":
        caldav = try reader.calDAVSettings(value)
      default:
        throw reader.error(key: key, in: nil, found: "unknown setting \"\(key)\"",
                           allowed: Self.settingNames.joined(separator: ", "), part: .key)
      }
    }
  }
}

/// Reads typed values out of TOMLKit's table and turns a wrong one into a positioned error.
private struct SettingsReader {
  let file: String
  let locator: SettingLocator

  /// `part`: `.key` for a setting not known at all, so the column points at its name.
  func error(key: String, in table: String?, found: String, allowed: String,
             part: SettingLocator.Part = .value) -> ConfigurationError {
    let position = locator.position(ofKey: key, in: table, part: part)
    let name = table.map { "\($0).\(key)" } ?? key
    return ConfigurationError(file: file, line: position.line, column: position.column,
                              problem: "\(name): \(found)", allowed: allowed)
  }

  func string(_ value: TOMLValueConvertible, key: String, in table: String?, allowed: String)
    throws(ConfigurationError) -> String
  {
    guard let text = value.string else {
      throw error(key: key, in: table, found: "\(value.debugDescription), which is not text",
                  allowed: allowed)
    }
    return text
  }

  func bool(_ value: TOMLValueConvertible, key: String, in table: String?)
    throws(ConfigurationError) -> Bool
  {
    guard value.type == .bool, let flag = value.bool else {
      throw error(key: key, in: table, found: "\(value.debugDescription)",
                  allowed: "true or false (without quotes)")
    }
    return flag
  }

  /// A whole number of days in `SuggestionRules.dayRange` (0 turns the suggestion off).
  func days(_ value: TOMLValueConvertible, key: String, in table: String?)
    throws(ConfigurationError) -> Int
  {
    let range = SuggestionRules.dayRange
    let allowed = "a whole number of days from \(range.lowerBound) (off) to \(range.upperBound)"
    guard value.type == .int, let days = value.int, range.contains(days) else {
      throw error(key: key, in: table, found: "\(value.debugDescription)", allowed: allowed)
    }
    return days
  }

  func table(_ value: TOMLValueConvertible, named name: String) throws(ConfigurationError)
    -> TOMLTable
  {
    guard let table = value.table else {
      throw error(key: name, in: nil, found: "\(value.debugDescription), which is not a table",
                  allowed: "a table: [\(name)] followed by lines of name = value")
    }
    return table
  }

  /// `[caldav]`: `url`, `username`, `password_command`, each text.
  func calDAVSettings(_ value: TOMLValueConvertible) throws(ConfigurationError) -> CalDAVSettings {
    let table = try table(value, named: "caldav")
    var settings = CalDAVSettings()
    for key in table.keys {
      guard let entry = table[key] else { continue }
      switch key {
      case "url":
        let url = try string(entry, key: key, in: "caldav",
                             allowed: "the calendar collection's address, https://…/")
        settings.url = url.isEmpty ? nil : url
      case "username":
        let name = try string(entry, key: key, in: "caldav", allowed: "a user name in quotes")
        settings.username = name.isEmpty ? nil : name
      case "password_command":
        let command = try string(entry, key: key, in: "caldav",
                                 allowed: "a shell command that prints the password, such as"
                                   + " \"pass show caldav\"")
        settings.passwordCommand = command.isEmpty ? nil : command
      default:
        throw error(key: key, in: "caldav", found: "unknown setting \"\(key)\"",
                    allowed: "url, username, password_command", part: .key)
      }
    }
    return settings
  }

  /// `[reminders]`: `lead_times` and `[reminders.lead_times_by_kind]`.
  func readReminders(_ value: TOMLValueConvertible, into configuration: inout Configuration)
    throws(ConfigurationError)
  {
    let table = try table(value, named: "reminders")
    for key in table.keys {
      guard let entry = table[key] else { continue }
      switch key {
      case "lead_times":
        configuration.reminderLeadTimes.general = try leadTimes(entry, key: key, in: "reminders")
      case "follow_up_days":
        configuration.followUpDays = try days(entry, key: key, in: "reminders")
      case "no_response_days":
        configuration.noResponseDays = try days(entry, key: key, in: "reminders")
      case "lead_times_by_kind":
        guard let kinds = entry.table else {
          throw error(key: key, in: "reminders",
                      found: "\(entry.debugDescription), which is not a table",
                      allowed: "a table: [reminders.lead_times_by_kind] followed by lines such as"
                        + " interview = [\"1d\", \"2h\"]")
        }
        let tableName = "reminders.lead_times_by_kind"
        for name in kinds.keys {
          guard let leads = kinds[name] else { continue }
          guard let kind = DeadlineKind(settingName: name) else {
            throw error(key: name, in: tableName, found: "unknown deadline kind \"\(name)\"",
                        allowed: DeadlineKind.allCases.map(\.settingName).joined(separator: ", "),
                        part: .key)
          }
          configuration.reminderLeadTimes.byKind[kind] = try leadTimes(leads, key: name,
                                                                       in: tableName)
        }
      default:
        throw error(key: key, in: "reminders", found: "unknown setting \"\(key)\"",
                    allowed: "lead_times, follow_up_days, no_response_days,"
                      + " [reminders.lead_times_by_kind]", part: .key)
      }
    }
  }

  /// A list of lead times such as `["7d", "1d", "2h"]`, checked as `--lead` checks them.
  func leadTimes(_ value: TOMLValueConvertible, key: String, in table: String)
    throws(ConfigurationError) -> [Period]
  {
    let allowed = "a list such as [\"7d\", \"1d\", \"2h\"]: "
      + DurationInput.leadTimeLimitText
    guard let list = value.array else {
      throw error(key: key, in: table, found: "\(value.debugDescription), not a list",
                  allowed: allowed)
    }
    var texts: [String] = []
    for item in list {
      guard let text = item.string else {
        throw error(key: key, in: table, found: "\(item.debugDescription), which is not text",
                    allowed: allowed)
      }
      texts.append(text)
    }
    guard !texts.contains(where: { $0.contains(",") }),
      let leads = try? DurationInput.parseLeadTimes(texts.joined(separator: ","))
    else {
      let shown = texts.map { "\"\($0)\"" }.joined(separator: ", ")
      throw error(key: key, in: table, found: "lead times [\(shown)]", allowed: allowed)
    }
    return leads
  }

  func colors(_ value: TOMLValueConvertible) throws(ConfigurationError)
    -> [CellStyle.Role: ColorTheme.Color]
  {
    let table = try table(value, named: "colors")
    let colorNames = ColorTheme.Color.allCases.map(\.rawValue).joined(separator: ", ")
    var colors: [CellStyle.Role: ColorTheme.Color] = [:]
    for key in table.keys {
      guard let entry = table[key] else { continue }
      guard let role = ColorTheme.colorableRoles.first(where: { $0.name == key })?.role else {
        throw error(key: key, in: "colors", found: "unknown style \"\(key)\"",
                    allowed: ColorTheme.colorableRoles.map(\.name).joined(separator: ", "),
                    part: .key)
      }
      let name = try string(entry, key: key, in: "colors", allowed: colorNames)
      guard let color = ColorTheme.Color(rawValue: name) else {
        throw error(key: key, in: "colors", found: "colour \"\(name)\"", allowed: colorNames)
      }
      colors[role] = color
    }
    return colors
  }

  func keyOverrides(_ value: TOMLValueConvertible) throws(ConfigurationError)
    -> [AppCommand: [KeyPress]]
  {
    let table = try table(value, named: "keys")
    let keysAllowed = "a list of keys such as [\"j\", \"Down\"]: each " + KeyMap.keyNameRule
    var overrides: [AppCommand: [KeyPress]] = [:]
    for name in table.keys {
      guard let entry = table[name] else { continue }
      guard let command = AppCommand(settingName: name) else {
        throw error(key: name, in: "keys", found: "unknown action \"\(name)\"",
                    allowed: AppCommand.allCases.map(\.settingName).joined(separator: ", "))
      }
      guard let list = entry.array else {
        throw error(key: name, in: "keys", found: "\(entry.debugDescription), not a list",
                    allowed: keysAllowed)
      }
      var keys: [KeyPress] = []
      for item in list {
        guard let text = item.string, let key = KeyMap.key(named: text) else {
          throw error(key: name, in: "keys", found: "key \(item.debugDescription)",
                      allowed: keysAllowed)
        }
        if !keys.contains(key) { keys.append(key) }
      }
      // Listing an action with its shipped keys (as `config default` does) rebinds nothing.
      if keys != KeyTable.standard.binding(for: command)?.keys { overrides[command] = keys }
    }
    do {
      _ = try KeyTable(overriding: overrides)
    } catch {
      let rebound = error.commands.last { overrides[$0] != nil } ?? error.commands[0]
      throw self.error(key: rebound.settingName, in: "keys", found: error.description,
                       allowed: "keys that no other action of that view uses")
    }
    return overrides
  }
}
