import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckTerminal

/// How `remind --notify` talks to `notify-send` and what it makes of its failures. Sending to a
/// real server is `RemindNotifyTests` (end to end, against dunst).
@Suite("Desktop notifier")
struct DesktopNotifierTests {
  @Test func aSummaryStartingWithADashIsTextAndTheBodyIsEscapedMarkup() {
    let arguments = DesktopNotifier.arguments(
      summary: "-R&D · Lab: interview", body: "Bring <b>CV</b> & portfolio", urgency: .critical,
      appName: "JobDeck")
    #expect(arguments == [
      "notify-send", "--app-name=JobDeck", "--urgency=critical", "--category=reminder", "--",
      "-R&D · Lab: interview", "Bring &lt;b&gt;CV&lt;/b&gt; &amp; portfolio",
    ])
  }

  @Test func noBusAddressAndNoRuntimeBusSocketIsNoSessionBus() throws {
    let empty = try TemporaryDirectory()
    #expect(throws: DesktopNotifier.Failure.noSessionBus) {
      try DesktopNotifier.checkSessionBus(environment: ["XDG_RUNTIME_DIR": empty.path])
    }
    try DesktopNotifier.checkSessionBus(environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"])
  }

  @Test func glibsErrorsAreToldApart() {
    let unknown = "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name"
      + " org.freedesktop.Notifications was not provided by any .service files"
    #expect(DesktopNotifier.classify(detail: unknown, address: "unix:path=/b")
      == .noNotificationService(detail: unknown))
    let refused = "Could not connect: No such file or directory"
    #expect(DesktopNotifier.classify(detail: refused, address: "unix:path=/b")
      == .busUnreachable(address: "unix:path=/b", detail: refused))
    #expect(DesktopNotifier.classify(detail: "Cannot autolaunch D-Bus without X11 $DISPLAY",
                                     address: "") == .noSessionBus)
  }
}
