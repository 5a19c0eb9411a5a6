import Foundation

/// Importing an ad that is already on file: what changed in the ad is taken, what the user
/// changed by hand is kept, and the posted date stays the one the first import found ("5 days
/// ago" is resolved once, when the ad is first imported). The one rule for `jobdeck import` and
/// the UI's import; what the importer reads from a stored ad is passed in (`StoredAdReading`),
/// so Core needs no importer.
public struct Reimport: Sendable {
  /// What the importer reads today from a posting's stored ad text, as of its first import; nil
  /// when there is no stored text (or no importer, in a test of something else).
  public typealias StoredAdReading = @Sendable (Posting) -> Posting?

  /// The draft to merge: fields the user edited and the posted date left empty, so the merge
  /// keeps the stored values.
  public var draft: PostingDraft
  /// What was kept, for the person importing ("title (edited by you)", "posted date 2025-03-03").
  public var kept: [String]

  /// The posting on file `draft` is a new import of: the same URL, company and title, or text
  /// (`Deck.reimportTarget(of:)`); else a posting of the same company whose stored ad text
  /// reads to the same title, so an ad whose title the user corrected is still recognised.
  public static func target(of draft: PostingDraft, in deck: Deck,
                            reading: StoredAdReading) -> String? {
    if let id = deck.reimportTarget(of: draft) { return id }
    let company = draft.posting.company.lowercased()
    guard !company.isEmpty, !draft.posting.title.isEmpty else { return nil }
    return deck.postings.first { posting in
      posting.company.lowercased() == company && posting.title != draft.posting.title
        && reading(posting)?.title == draft.posting.title
    }?.id
  }

  /// `draft` as a re-import of `existing`. A field counts as edited by the user when its stored
  /// value is neither what the importer reads from the stored ad text today (`previous`) nor
  /// what it reads from the new text: nothing else could have put it there.
  public init(_ draft: PostingDraft, over existing: Posting, reading: StoredAdReading) {
    var draft = draft
    var kept: [String] = []
    let previous = reading(existing)
    func keepEdit(_ field: WritableKeyPath<Posting, String>, _ name: String) {
      let stored = existing[keyPath: field]
      guard !stored.isEmpty, stored != draft.posting[keyPath: field],
        let previous, stored != previous[keyPath: field]
      else { return }
      draft.posting[keyPath: field] = ""
      kept.append("\(name) “\(stored)” (edited by you)")
    }
    keepEdit(\.title, "title")
    keepEdit(\.company, "company")
    if let location = existing.location, location != draft.posting.location,
      let previous, location != previous.location
    {
      draft.posting.location = nil
      kept.append("location “\(location)” (edited by you)")
    }
    if let posted = existing.posted {
      if draft.posting.posted != nil, draft.posting.posted != posted {
        kept.append("the posted date \(posted.date) from the first import")
      }
      draft.posting.posted = nil
    }
    self.draft = draft
    self.kept = kept
  }
}
