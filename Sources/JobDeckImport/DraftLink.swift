import JobDeckCore

extension PostingDraft {
  /// Keeps `text` as the posting's URL when it is a link JobDeck keeps (`WebLink`); otherwise
  /// leaves the URL as it was and says in a remark what was dropped and why, so the import
  /// output shows it and the rest of the posting is still imported.
  mutating func keepLink(_ text: String, from origin: String) {
    do {
      posting.url = try WebLink(text).text
    } catch {
      remarks.append("Dropped \(origin) \(QuotedExcerpt.quoted(text)): the URL \(error).")
    }
  }
}
