import Foundation
import JobDeckCore

/// `remind --install`: a systemd user service and timer that run `remind --notify` every few
/// minutes, or (`--cron`) the crontab line that does; `--uninstall` takes the units away.
///
/// Only files that start with `marker` are ever replaced or removed, so a unit of the same name
/// the user wrote is left alone.
enum ReminderTimer {
  static let serviceName = "jobdeck-remind.service"
  static let timerName = "jobdeck-remind.timer"
  static let marker = "# Written by `jobdeck remind --install`; `jobdeck remind --uninstall` removes it."

  /// How often: a count of minutes or hours, from 1 minute to 24 hours.
  struct Interval: Equatable {
    var minutes: Int

    static let allowed = "a count of minutes or hours such as 15m, 30min or 2h, from 1m to 24h"

    /// `15m` is minutes here (not months, as elsewhere): nothing runs every few months.
    init(parsing text: String) throws {
      let input = text.lowercased().filter { !$0.isWhitespace }
      let digits = input.prefix { $0.isASCII && $0.isNumber }
      let unit = input.dropFirst(digits.count)
      let scale: Int? = switch unit {
      case "m", "min", "mins", "minute", "minutes": 1
      case "h", "hour", "hours": 60
      default: nil
      }
      guard digits.count <= 5, let count = Int(digits), let scale, (1...24 * 60).contains(count * scale)
      else {
        throw CommandFailure.usage("invalid --every '\(text)': expected \(Self.allowed)")
      }
      minutes = count * scale
    }

    init(minutes: Int) { self.minutes = minutes }

    /// systemd's time span: "15min", "2h".
    var systemdSpan: String { minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes)min" }

    /// The crontab schedule, which can only say "every N" for N dividing an hour or a day.
    func cronSchedule() throws -> String {
      if minutes < 60, 60 % minutes == 0 { return minutes == 1 ? "* * * * *" : "*/\(minutes) * * * *" }
      if minutes % 60 == 0, 24 % (minutes / 60) == 0 {
        let hours = minutes / 60
        return hours == 1 ? "0 * * * *" : "0 */\(hours) * * *"
      }
      throw CommandFailure.usage(
        "--every \(systemdSpan) cannot be written as a crontab schedule: cron repeats evenly"
          + " only every 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30 minutes or 1, 2, 3, 4, 6, 8 or 12"
          + " hours (a systemd timer, without --cron, can)")
    }
  }

  /// `$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`: where `systemctl --user`
  /// looks for the user's own units.
  static func unitDirectory(environment: [String: String]) throws -> String {
    if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
      return joined(configHome, "systemd/user")
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else {
      throw CommandFailure.user("cannot tell where systemd user units go: neither"
        + " $XDG_CONFIG_HOME nor $HOME is an absolute path")
    }
    return joined(home, ".config/systemd/user")
  }

  /// The running binary (`/proc/self/exe`, links resolved): what the unit or cron runs.
  static func runningBinary() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
    return ReminderNotifying.absolutePath(CommandLine.arguments[0])
  }

  // MARK: - systemd

  /// An argument as systemd's ExecStart reads it: as it is when it holds only characters
  /// systemd gives no meaning, else in double quotes with `\` and `"` escaped, `%` doubled
  /// (specifiers) and `$` doubled (variable expansion).
  static func systemdQuoted(_ argument: String) -> String {
    let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._,:+=@-")
    if !argument.isEmpty, argument.allSatisfy(plain.contains) { return argument }
    var text = ""
    for character in argument {
      switch character {
      case "\\": text += "\\\\"
      case "\"": text += "\\\""
      case "%": text += "%%"
      case "$": text += "$$"
      default: text.append(character)
      }
    }
    return "\"" + text + "\""
  }

  static func serviceText(command: [String]) -> String {
    """
    \(marker)
    [Unit]
    Description=JobDeck reminders as desktop notifications

    [Service]
    Type=oneshot
    ExecStart=\(command.map(systemdQuoted).joined(separator: " "))

    """
  }

  static func timerText(every interval: Interval) -> String {
    """
    \(marker)
    [Unit]
    Description=Send JobDeck reminders every \(interval.systemdSpan)

    [Timer]
    OnStartupSec=1min
    OnUnitActiveSec=\(interval.systemdSpan)
    AccuracySec=30s

    [Install]
    WantedBy=timers.target

    """
  }

  /// Writes both units and returns what to tell the user.
  static func install(command: [String], every interval: Interval,
                      environment: [String: String]) throws -> String
  {
    for argument in command where argument.contains("\n") || argument.contains("\r") {
      throw CommandFailure.usage("a path with a line break cannot go into a systemd unit: \(argument)")
    }
    let directory = try unitDirectory(environment: environment)
    let files = [
      (joined(directory, serviceName), serviceText(command: command)),
      (joined(directory, timerName), timerText(every: interval)),
    ]
    for (path, _) in files where !isOurs(path) && FileManager.default.fileExists(atPath: path) {
      throw CommandFailure.user("\(path) exists and was not written by jobdeck; remove or rename"
        + " it first (jobdeck replaces only units it wrote)")
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for (path, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
    } catch {
      throw CommandFailure.user("cannot write the systemd units in \(directory): "
        + error.localizedDescription)
    }
    return files.map { "Wrote \($0.0)" }.joined(separator: "\n")
      + "\nTo start the timer now and at every login, run:\n"
      + "  systemctl --user enable --now \(timerName)"
  }

  /// Removes the units JobDeck wrote, and the link `systemctl enable` made to its timer (it
  /// would point at nothing).
  static func uninstall(environment: [String: String]) throws -> String {
    let directory = try unitDirectory(environment: environment)
    var lines: [String] = []
    let timerPath = joined(directory, timerName)
    let enabledLink = joined(directory, "timers.target.wants/" + timerName)
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: enabledLink),
      target == timerPath, isOurs(timerPath)
    {
      try? FileManager.default.removeItem(atPath: enabledLink)
      lines.append("Removed \(enabledLink)")
    }
    for name in [serviceName, timerName] {
      let path = joined(directory, name)
      guard FileManager.default.fileExists(atPath: path) else { continue }
      guard isOurs(path) else {
        lines.append("Left \(path): not written by jobdeck")
        continue
      }
      do {
        try FileManager.default.removeItem(atPath: path)
      } catch {
        throw CommandFailure.user("cannot remove \(path): \(error.localizedDescription)")
      }
      lines.append("Removed \(path)")
    }
    guard lines.contains(where: { $0.hasPrefix("Removed") }) else {
      return "Nothing to remove: no \(serviceName) or \(timerName) written by jobdeck in \(directory)"
    }
    return lines.joined(separator: "\n")
      + "\nTo stop a timer that is running, run:\n"
      + "  systemctl --user stop \(timerName); systemctl --user daemon-reload"
  }

  private static func isOurs(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: marker.utf8.count)) ?? Data()
    return head == Data(marker.utf8)
  }

  // MARK: - cron

  /// An argument for the shell cron runs the line with: in single quotes, `%` escaped (cron
  /// turns an unescaped one into a line break).
  static func shellQuoted(_ argument: String) -> String {
    "'" + argument.replacingOccurrences(of: "'", with: "'\\''")
      .replacingOccurrences(of: "%", with: "\\%") + "'"
  }

  /// Cron runs outside the desktop session, so the line names the session bus systemd puts at
  /// /run/user/UID/bus.
  static func cronLine(command: [String], every interval: Interval) throws -> String {
    let bus = "unix:path=/run/user/\(getuid())/bus"
    return try interval.cronSchedule() + " DBUS_SESSION_BUS_ADDRESS=" + bus + " "
      + command.map(shellQuoted).joined(separator: " ")
  }

  private static func joined(_ directory: String, _ relative: String) -> String {
    directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
  }
}
