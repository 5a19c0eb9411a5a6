/// "1 posting", "2 postings": counts in messages and the status bar.
enum Plural {
  static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
  }
}
