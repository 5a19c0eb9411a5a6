import Foundation
import JobDeckCore

/// `--at HH:MM` and `--time-zone`, shared by `deadline add` and `event add|edit`; the checks
/// themselves are Core's, shared with the UI's event form.
extension EventTimeInput {
  static func due(on day: CivilDate, at: String?, timeZone zoneName: String?, clock: WallClock)
    throws -> DeadlineDue
  {
    if at == nil, zoneName != nil {
      throw CommandFailure.usage("--time-zone needs --at: an all-day date has no time zone")
    }
    return try due(on: day, at: at, timeZone: zoneName, defaultZone: clock.timeZone)
  }
}
