import Foundation

/// The store's sync repository as the status bar shows it: when it last fetched, and the
/// commits not yet sent (`ahead`) and not yet merged (`behind`). Read by the terminal layer
/// once at start and after each sync; nil in `AppState` when the store does not sync.
public struct SyncStatus: Equatable, Sendable {
  public var lastSync: Date?
  public var ahead: Int
  public var behind: Int

  public init(lastSync: Date?, ahead: Int = 0, behind: Int = 0) {
    self.lastSync = lastSync
    self.ahead = ahead
    self.behind = behind
  }

  /// "synced 14:05 ↑1 ↓2", "not synced yet".
  func text(in timeZone: TimeZone) -> String {
    guard let lastSync else { return "not synced yet" }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.hour, .minute], from: lastSync)
    var text = String(format: "synced %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    if ahead > 0 { text += " ↑\(ahead)" }
    if behind > 0 { text += " ↓\(behind)" }
    return text
  }
}

/// What `S` brought: records that came in and went out, and the repository afterwards.
public struct SyncReport: Equatable, Sendable {
  public var cameIn: Int
  public var wentOut: Int
  public var status: SyncStatus?

  public init(cameIn: Int, wentOut: Int, status: SyncStatus?) {
    self.cameIn = cameIn
    self.wentOut = wentOut
    self.status = status
  }
}
