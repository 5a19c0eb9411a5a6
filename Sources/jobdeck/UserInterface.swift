import Foundation
import JobDeckCore

enum UserInterface {
  static func open(storePath: String, clock: WallClock) throws {
    throw CommandFailure.user("the full-screen UI is not wired yet")
  }
}
