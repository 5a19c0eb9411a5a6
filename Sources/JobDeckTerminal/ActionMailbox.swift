import JobDeckTUI
import Synchronization

/// Actions produced off the UI thread (a browser that exited with an error) waiting for the
/// loop to deliver them on its thread.
final class ActionMailbox: Sendable {
  private let actions = Mutex<[Action]>([])

  func post(_ action: Action) {
    actions.withLock { $0.append(action) }
  }

  func takeAll() -> [Action] {
    actions.withLock { actions in
      defer { actions.removeAll() }
      return actions
    }
  }
}
