import Foundation

/// `IdentifierMaker` as it was, `Character` by `Character`: the reference for its fast path.
enum ReferenceIdentifierMaker {
  /// Words that make an id longer without telling jobs apart.
  private static let fillerWords: Set<String> = [
    "a", "an", "the", "and", "of", "for", "in", "at", "to", "with", "m", "f", "d", "w", "x",
    "gmbh", "ag", "inc", "ltd", "llc", "se", "plc", "co", "corp",
  ]

  /// Common long words shortened the way people write them.
  private static let abbreviations: [String: String] = [
    "machine-learning": "ml", "software": "software", "engineer": "engineer",
    "internship": "intern", "senior": "senior", "junior": "junior",
  ]

  /// `company-title`, lowercase ASCII, at most a few words, so it stays typable.
  static func slug(company: String, title: String) -> String {
    let companyWords = nonEmptyWords(company).prefix(2)
    let titleWords = nonEmptyWords(title.replacingOccurrences(of: "Machine Learning", with: "ML"))
      .prefix(4)
    let joined = (companyWords + titleWords).joined(separator: "-")
    return joined.isEmpty ? "job" : joined
  }

  /// A slug of free text: lowercase ASCII words joined by `-`.
  static func slug(_ text: String) -> String {
    let joined = words(text).joined(separator: "-")
    return joined.isEmpty ? "item" : joined
  }

  /// `base` itself when free, else `base-2`, `base-3`, …
  static func unique(_ base: String, among taken: Set<String>) -> String {
    guard taken.contains(base) else { return base }
    var counter = 2
    while taken.contains("\(base)-\(counter)") { counter += 1 }
    return "\(base)-\(counter)"
  }

  /// The words without fillers, or with them when nothing else is left.
  private static func nonEmptyWords(_ text: String) -> [String] {
    let kept = words(text)
    return kept.isEmpty ? words(text, keepingFillers: true) : kept
  }

  private static func words(_ text: String, keepingFillers: Bool = false) -> [String] {
    let folded = text.lowercased().map { character -> Character in
      if let ascii = transliterations[character] { return ascii }
      return character
    }
    var result: [String] = []
    var current = ""
    for character in folded {
      if character.isASCII, character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        result.append(current)
        current = ""
      }
    }
    if !current.isEmpty { result.append(current) }
    return result.filter { keepingFillers || !fillerWords.contains($0) }.map { abbreviations[$0] ?? $0 }
  }

  private static let transliterations: [Character: Character] = [
    "ä": "a", "ö": "o", "ü": "u", "ß": "s", "é": "e", "è": "e", "ê": "e", "à": "a", "á": "a",
    "â": "a", "ç": "c", "ñ": "n", "ó": "o", "ò": "o", "ô": "o", "í": "i", "ì": "i", "ú": "u",
    "ù": "u", "ł": "l", "ś": "s", "ż": "z", "ź": "z", "ć": "c", "ń": "n", "ą": "a", "ę": "e",
    "ø": "o", "å": "a",
  ]
}
