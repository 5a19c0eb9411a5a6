import Foundation

/// An event's link: a video call or a page, held to the one rule for links (`WebLink`).
public enum EventLink {
  /// The link as `WebLink` keeps it, or `DeckError.invalidValue` saying why and what is allowed.
  public static func validated(_ text: String) throws -> String {
    do {
      return try WebLink(text).text
    } catch {
      throw DeckError.invalidValue(
        field: "link", value: text,
        expected: "an http(s) link such as https://meet.example.com/abc (the URL \(error))")
    }
  }

  /// The link without its scheme, for one-line lists: "meet.example.com/abc".
  public static func shortened(_ link: String) -> String {
    for prefix in ["https://", "http://"] where link.lowercased().hasPrefix(prefix) {
      return String(link.dropFirst(prefix.count))
    }
    return link
  }
}
