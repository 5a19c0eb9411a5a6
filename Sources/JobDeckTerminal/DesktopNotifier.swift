import Foundation
import Glibc

/// Desktop notifications over the freedesktop Notifications D-Bus interface, sent by
/// `notify-send` (libnotify) through `ChildProcess`, so JobDeck links no D-Bus library and the
/// user's notification daemon (dunst, GNOME Shell, KDE Plasma, mako…) shows them as its own.
public enum DesktopNotifier {
  public enum Urgency: String, Sendable {
    case normal, critical
  }

  /// Why a notification could not be sent, worded for a user reading it in a journal or mail
  /// from cron.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// Neither `$DBUS_SESSION_BUS_ADDRESS` nor `$XDG_RUNTIME_DIR/bus`: run outside a desktop
    /// session (cron without the address, ssh, a container).
    case noSessionBus
    /// The bus answered but nothing owns `org.freedesktop.Notifications` (no daemon running,
    /// none installed to be started).
    case noNotificationService(detail: String)
    /// The bus named could not be reached.
    case busUnreachable(address: String, detail: String)
    case toolMissing
    case failed(detail: String)

    public var description: String {
      switch self {
      case .noSessionBus:
        return "no D-Bus session bus: $DBUS_SESSION_BUS_ADDRESS is not set and there is no"
          + " $XDG_RUNTIME_DIR/bus; run it inside your desktop session (a systemd user timer:"
          + " jobdeck remind --install), or set DBUS_SESSION_BUS_ADDRESS"
      case .noNotificationService(let detail):
        return "no notification service on the session bus (nothing provides"
          + " org.freedesktop.Notifications; start your desktop's, or one such as dunst): "
          + detail
      case .busUnreachable(let address, let detail):
        return "cannot reach the D-Bus session bus at \(address): \(detail)"
      case .toolMissing:
        return "notify-send was not found on PATH; install libnotify-bin (Debian, Ubuntu) or"
          + " libnotify (Fedora, Arch)"
      case .failed(let detail):
        return "notify-send failed: \(detail)"
      }
    }
  }

  /// Whether a session bus is there to try: its address, or the socket systemd's user
  /// session puts at `$XDG_RUNTIME_DIR/bus` (which GLib uses when the address is unset).
  public static func checkSessionBus(environment: [String: String]) throws(Failure) {
    if let address = environment["DBUS_SESSION_BUS_ADDRESS"], !address.isEmpty { return }
    if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
      var info = stat()
      let socketPath = runtime.hasSuffix("/") ? runtime + "bus" : runtime + "/bus"
      if stat(socketPath, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK { return }
    }
    throw .noSessionBus
  }

  /// The `notify-send` command for one notification. `--` ends the options, so a summary that
  /// starts with `-` is text. The body is escaped: the specification lets servers read it as
  /// markup, where a note's `<` or `&` would vanish or break the notification.
  static func arguments(summary: String, body: String, urgency: Urgency, appName: String)
    -> [String]
  {
    ["notify-send", "--app-name=\(appName)", "--urgency=\(urgency.rawValue)",
      "--category=reminder", "--", summary, escapedMarkup(body)]
  }

  static func escapedMarkup(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// Sends one notification and returns once the server has taken it.
  public static func send(summary: String, body: String, urgency: Urgency,
                          appName: String = "JobDeck",
                          environment: [String: String]) throws(Failure)
  {
    try checkSessionBus(environment: environment)
    let finished: ChildProcess.Finished
    do {
      finished = try ChildProcess.run(
        arguments(summary: summary, body: body, urgency: urgency, appName: appName),
        collecting: .errors, limit: 16_384)
    } catch {
      throw error.code == ENOENT ? .toolMissing : .failed(detail: error.description)
    }
    guard finished.status != 0 else { return }
    let detail = finished.text.split(separator: "\n").map(String.init).last
      ?? finished.status.map { "exit status \($0)" } ?? "killed by a signal"
    throw classify(detail: detail, address: environment["DBUS_SESSION_BUS_ADDRESS"] ?? "")
  }

  /// What notify-send's message (GLib's D-Bus errors) means for the user.
  static func classify(detail: String, address: String) -> Failure {
    let serviceMissing = ["ServiceUnknown", "StartServiceByName", "Error.Spawn", "NameHasNoOwner"]
    if serviceMissing.contains(where: detail.contains) {
      return .noNotificationService(detail: detail)
    }
    if ["Could not connect", "autolaunch", "Error connecting"].contains(where: detail.contains) {
      return address.isEmpty ? .noSessionBus : .busUnreachable(address: address, detail: detail)
    }
    return .failed(detail: detail)
  }
}
