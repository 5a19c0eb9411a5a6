import Foundation
import JobDeckCore
import Testing

@testable import JobDeckTUI

/// A re-import from the UI follows the rule `jobdeck import` follows (`Reimport`): the first
/// posted date and the user's edits stay, and the message says what was kept.
@Suite("Re-import in the UI")
struct UIReimportTests {
  /// The stored ad of `soundcloud-ml-intern` reads "Machine Learning Intern": the user shortened
  /// the title to "ML Intern" by hand.
  static let reading: Reimport.StoredAdReading = { posting in
    var read = posting
    read.title = "Machine Learning Intern"
    return read
  }

  static var refreshedAd: PostingDraft {
    var draft = PostingDraft(posting: Posting(
      id: "", title: "Machine Learning Intern", company: "SoundCloud", location: "Berlin",
      url: "https://example.com/jobs/1", posted: PostedDate(date: Fixtures.date("2025-03-01")),
      createdAt: Fixtures.created))
    draft.posting.description = "A refreshed ad."
    return draft
  }

  func updating(with reading: @escaping Reimport.StoredAdReading) throws -> (App, Posting) {
    var app = App(deck: Fixtures.deck, storePath: "/tmp/store.json", clock: Fixtures.clock,
                  readOnlyReason: nil, storedAdReading: reading)
    app.send(.importFinished(Self.refreshedAd))
    app.press(.character("y"), .character("u"))
    return (app, try #require(app.state.deck.posting(withID: "soundcloud-ml-intern")))
  }

  @Test func anUpdateKeepsTheFirstPostedDateAndTheEditedTitleAndSaysSo() throws {
    let (app, posting) = try updating(with: Self.reading)
    #expect(posting.description == "A refreshed ad.")
    #expect(posting.title == "ML Intern")
    #expect(posting.posted?.date == Fixtures.date("2025-02-20"))
    let message = try #require(app.state.message)
    #expect(message.hasPrefix("Updated SoundCloud · ML Intern; kept "))
    #expect(message.contains("title “ML Intern” (edited by you)"))
    #expect(message.contains("the posted date 2025-02-20 from the first import"))
  }

  @Test func aTitleTheAdItselfChangedIsTaken() throws {
    // The stored ad reads "ML Intern" too: the ad changed the title, not the user.
    let (app, posting) = try updating(with: { $0 })
    #expect(posting.title == "Machine Learning Intern")
    #expect(posting.posted?.date == Fixtures.date("2025-02-20"))
    #expect(app.state.message?.contains("edited by you") == false)
  }
}
