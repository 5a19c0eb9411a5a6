import Foundation
import Glibc

/// A desktop of its own for a test: a private D-Bus session bus, an X server (`Xvfb`) and the
/// `dunst` notification daemon on them, printing every notification it receives (`-print`).
///
/// The bus is started with a config file of ours that names no service directories, so nothing
/// is ever started on demand: without `startNotificationDaemon()` there is a bus but no
/// notification service, the situation `remind --notify` must report. Every process is stopped
/// by its PID when the value goes away.
public final class NotificationDesktop: @unchecked Sendable {
  public let directory: TemporaryDirectory
  /// For `DBUS_SESSION_BUS_ADDRESS`.
  public let busAddress: String
  private let bus: SpawnedChild
  private var display: SpawnedChild?
  private var daemon: SpawnedChild?
  /// What dunst printed, filled by the reader thread (a class, so the thread need not hold us).
  private let printed = Collected()
  private var reader: Thread?
  private let readerDone = DispatchSemaphore(value: 0)

  public struct StartError: Error, CustomStringConvertible {
    public let description: String
  }

  /// The programs this needs, for a test's skip condition.
  public static var isAvailable: Bool {
    ["dbus-daemon", "Xvfb", "dunst", "notify-send", "gdbus"].allSatisfy { name in
      ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { access($0 + name, X_OK) == 0 }
    }
  }

  public init() throws {
    directory = try TemporaryDirectory(prefix: "jobdeck-desktop")
    let socket = directory.file("bus")
    busAddress = "unix:path=" + socket
    let config = directory.file("bus.conf")
    try Data("""
      <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
       "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
      <busconfig>
        <type>session</type>
        <listen>\(busAddress)</listen>
        <auth>EXTERNAL</auth>
        <policy context="default">
          <allow send_destination="*" eavesdrop="true"/>
          <allow eavesdrop="true"/>
          <allow own="*"/>
        </policy>
      </busconfig>
      """.utf8).write(to: URL(fileURLWithPath: config))
    bus = try SpawnedChild.start(["dbus-daemon", "--config-file=" + config, "--nofork"],
                                 environment: Self.baseEnvironment(home: directory.path),
                                 discardingStreams: true)
    try waitUntil("the session bus answers") {
      (try? self.callBus(["org.freedesktop.DBus.GetId"]))?.exitCode == 0
    }
  }

  /// The environment a program on this desktop runs with: HOME and XDG directories in the
  /// temporary directory, the bus, and the X display once there is one.
  public func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = Self.baseEnvironment(home: directory.path)
    environment["DBUS_SESSION_BUS_ADDRESS"] = busAddress
    return environment.merging(extra) { $1 }
  }

  private static func baseEnvironment(home: String) -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    return [
      "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_RUNTIME_DIR": home,
      "LANG": "C.UTF-8",
    ]
  }

  /// Starts Xvfb on a free display (it picks one and says which: `-displayfd`) and dunst on it,
  /// and waits until dunst owns `org.freedesktop.Notifications`.
  public func startNotificationDaemon() throws {
    let xServer = try SpawnedChild.start(
      ["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "640x480x24"],
      environment: environment())
    display = xServer
    close(xServer.standardInput)
    let number = try readLine(from: xServer.standardOutput, what: "Xvfb's display number")
    var dunstEnvironment = environment()
    dunstEnvironment["DISPLAY"] = ":" + number
    let dunst = try SpawnedChild.start(["dunst", "-print"], environment: dunstEnvironment)
    daemon = dunst
    close(dunst.standardInput)
    let output = dunst.standardOutput
    let errors = dunst.standardError
    let thread = Thread { [printed, readerDone] in
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        printed.append(Data(buffer[0..<count]))
      }
      close(output)
      readerDone.signal()
    }
    thread.start()
    reader = thread
    // Its warnings (no config file, no icon theme) are not read; closing lets it write freely.
    close(errors)
    try waitUntil("dunst owns org.freedesktop.Notifications") {
      guard dunst.isRunning else { return true }
      let answer = try? self.callBus(["org.freedesktop.DBus.NameHasOwner",
                                      "org.freedesktop.Notifications"])
      return answer?.standardOutput.contains("true") ?? false
    }
    guard dunst.isRunning else { throw StartError(description: "dunst exited at start") }
  }

  /// The notifications dunst has printed so far, in order.
  public func notifications() -> [ReceivedNotification] {
    ReceivedNotification.parse(String(decoding: printed.data, as: UTF8.self))
  }

  /// Waits until `count` notifications have arrived (or the timeout); returns them all.
  public func waitForNotifications(count: Int, timeout: TimeInterval = 20)
    -> [ReceivedNotification]
  {
    let deadline = Date().addingTimeInterval(timeout)
    while notifications().count < count, Date() < deadline { usleep(20_000) }
    return notifications()
  }

  /// Stops dunst (SIGTERM, so it flushes what it printed), then waits until its output is read
  /// to the end: afterwards `notifications()` holds everything it ever received.
  public func stopNotificationDaemon() {
    if let daemon { Self.stop(daemon) }
    if reader != nil {
      readerDone.wait()
      reader = nil
    }
    if let display {
      Self.stop(display)
      close(display.standardOutput)
      close(display.standardError)
      self.display = nil
    }
  }

  deinit {
    stopNotificationDaemon()
    Self.stop(bus)
  }

  /// SIGTERM by its PID (dunst then flushes what it printed), SIGKILL if it lingers.
  private static func stop(_ child: SpawnedChild) {
    guard child.isRunning else { return }
    kill(child.pid, SIGTERM)
    if child.waitForTermination(timeout: 10) == nil {
      kill(child.pid, SIGKILL)
      _ = child.waitForTermination()
    }
  }

  /// `gdbus call` to the bus itself.
  private func callBus(_ methodAndArguments: [String]) throws -> ProcessResult {
    let gdbus = BuiltBinary(url: URL(fileURLWithPath: "/usr/bin/gdbus"))
    return try gdbus.run(
      ["call", "--address", busAddress, "--dest", "org.freedesktop.DBus", "--object-path",
       "/org/freedesktop/DBus", "--method"] + methodAndArguments,
      environment: environment(), timeout: 10)
  }

  private func waitUntil(_ what: String, timeout: TimeInterval = 20, _ condition: () -> Bool)
    throws
  {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
      guard Date() < deadline else {
        throw StartError(description: "timed out waiting until \(what)")
      }
      usleep(20_000)
    }
  }

  private func readLine(from descriptor: Int32, what: String) throws -> String {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      var pollDescriptor = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&pollDescriptor, 1, 100) > 0 else { continue }
      var byte: UInt8 = 0
      guard read(descriptor, &byte, 1) == 1 else { break }
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    throw StartError(description: "no \(what) within 20 seconds")
  }
}

/// One notification as dunst printed it.
public struct ReceivedNotification: Equatable, Sendable, CustomStringConvertible {
  public var appName: String
  public var summary: String
  public var body: String
  /// LOW, NORMAL or CRITICAL.
  public var urgency: String

  public var description: String { "[\(urgency)] \(appName): \(summary) | \(body)" }

  /// dunst's `-print` blocks: a line `{`, then `\tname: 'value'` lines (a body may span
  /// lines), then a line `}`.
  static func parse(_ text: String) -> [ReceivedNotification] {
    var result: [ReceivedNotification] = []
    var block: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "{" {
        block = ""
      } else if line == "}", let current = block {
        let urgency = current.components(separatedBy: "\n\turgency: ").dropFirst().first
        result.append(ReceivedNotification(
          appName: field("appname", in: current), summary: field("summary", in: current),
          body: field("body", in: current),
          urgency: String(urgency?.prefix { $0 != "\n" } ?? "")))
        block = nil
      } else if block != nil {
        block? += "\n" + line
      }
    }
    return result
  }

  /// The quoted value after `\tname: '`, up to the quote that ends a line.
  private static func field(_ name: String, in block: String) -> String {
    guard let start = block.range(of: "\n\t\(name): '") else { return "" }
    let rest = block[start.upperBound...]
    guard let end = rest.range(of: "'\n") else { return String(rest) }
    return String(rest[..<end.lowerBound])
  }
}
