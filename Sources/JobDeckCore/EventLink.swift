import Foundation

/// The check an event's link gets: an http or https URL with a host, nothing a browser or a
/// calendar would run instead of open.
public enum EventLink {
  /// The link, trimmed, or `DeckError.invalidValue` saying what is allowed.
  public static func validated(_ text: String) throws -> String {
    let link = text.trimmingCharacters(in: .whitespaces)
    guard !link.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }),
      let components = URLComponents(string: link),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty
    else {
      throw DeckError.invalidValue(
        field: "link", value: text, expected: "an http(s) link such as https://meet.example.com/abc")
    }
    return link
  }

  /// The link without its scheme, for one-line lists: "meet.example.com/abc".
  public static func shortened(_ link: String) -> String {
    for prefix in ["https://", "http://"] where link.lowercased().hasPrefix(prefix) {
      return String(link.dropFirst(prefix.count))
    }
    return link
  }
}
