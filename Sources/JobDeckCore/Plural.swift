/// "1 posting", "2 postings": counts in messages, the CLI's output and the UI's status bar.
public enum Plural {
  public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
  }
}
