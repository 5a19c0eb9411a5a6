/// Short ids a person can type: `soundcloud-ml-intern`, `sumup-ml-engineer-2`.
public enum IdentifierMaker {
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

  /// `company-title`, lowercase ASCII, at most a few words, so it stays typable. Both parts
  /// count: a company or title made only of filler words ("A", "The Co") keeps them rather
  /// than vanish, so company "A" and title "B" give `a-b`, not `b`.
  public static func slug(company: String, title: String) -> String {
    // Foundation's replacement copies the title through an NSString, even when the phrase is
    // absent; printable ASCII is replaced on its bytes, with the same result.
    let titleWithML = title.isPrintableASCII
      ? title.replacingMachineLearningBytes
      : title.replacingOccurrences(of: "Machine Learning", with: "ML")
    let parts = [(company, 2), (titleWithML, 4)].map { text, limit in
      let kept = words(text, limit: limit)
      return kept.isEmpty ? words(text, limit: limit, keepingFillers: true) : kept
    }
    let joined = (parts[0] + parts[1]).joined(separator: "-")
    return joined.isEmpty ? "job" : joined
  }

  /// A slug of free text: lowercase ASCII words joined by `-`.
  public static func slug(_ text: String) -> String {
    let joined = words(text).joined(separator: "-")
    return joined.isEmpty ? "item" : joined
  }

  /// `base` itself when free, else `base-2`, `base-3`, … (the first free one). `counter` is
  /// where to start counting when the caller knows every lower one is taken.
  public static func unique(_ base: String, counter: Int = 2, isTaken: (String) -> Bool)
    -> String
  {
    uniqueCounting(base, counter: counter, isTaken: isTaken).id
  }

  /// `unique(_:counter:isTaken:)`, also returning the counter it used (nil for `base` itself).
  static func uniqueCounting(_ base: String, counter: Int = 2, isTaken: (String) -> Bool)
    -> (id: String, counter: Int?)
  {
    guard isTaken(base) else { return (base, nil) }
    var counter = counter
    while isTaken("\(base)-\(counter)") { counter += 1 }
    return ("\(base)-\(counter)", counter)
  }

  /// The text's words, lowercase ASCII, fillers dropped and abbreviated: the first `limit` of
  /// them, all when nil.
  private static func words(_ text: String, limit: Int? = nil, keepingFillers: Bool = false)
    -> [String]
  {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return asciiWords(text, limit: limit ?? Int.max, keepingFillers: keepingFillers)
    }
    guard let limit else { return characterWords(text, keepingFillers: keepingFillers) }
    return Array(characterWords(text, keepingFillers: keepingFillers).prefix(limit))
  }

  private static func characterWords(_ text: String, keepingFillers: Bool) -> [String] {
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
    return kept(result, keepingFillers: keepingFillers)
  }

  /// `characterWords(_:)` for ASCII text, from its bytes: there the letters and digits are `A-Z a-z 0-9`,
  /// nothing is transliterated, and lowercasing is `A-Z` to `a-z`. Going by `Character` was a
  /// fifth of the time of importing a large spreadsheet, which names a posting per row.
  /// Stops after `limit` kept words: a slug uses the first few.
  private static func asciiWords(_ text: String, limit: Int, keepingFillers: Bool) -> [String] {
    var result: [String] = []
    var current: [UInt8] = []
    current.reserveCapacity(16)
    var bytes = text.utf8.makeIterator()
    while result.count < limit {
      let byte = bytes.next()
      switch byte {
      case (UInt8(ascii: "a")...UInt8(ascii: "z"))?, (UInt8(ascii: "0")...UInt8(ascii: "9"))?:
        current.append(byte ?? 0)
        continue
      case (UInt8(ascii: "A")...UInt8(ascii: "Z"))?:
        current.append((byte ?? 0) + 32)
        continue
      default:
        break
      }
      if !current.isEmpty {
        let word = String(decoding: current, as: UTF8.self)
        current.removeAll(keepingCapacity: true)
        if keepingFillers || !fillerWords.contains(word) {
          result.append(abbreviations[word] ?? word)
        }
      }
      if byte == nil { break }
    }
    return result
  }

  private static func kept(_ words: [String], keepingFillers: Bool) -> [String] {
    words.filter { keepingFillers || !fillerWords.contains($0) }.map { abbreviations[$0] ?? $0 }
  }

  private static let transliterations: [Character: Character] = [
    "ä": "a", "ö": "o", "ü": "u", "ß": "s", "é": "e", "è": "e", "ê": "e", "à": "a", "á": "a",
    "â": "a", "ç": "c", "ñ": "n", "ó": "o", "ò": "o", "ô": "o", "í": "i", "ì": "i", "ú": "u",
    "ù": "u", "ł": "l", "ś": "s", "ż": "z", "ź": "z", "ć": "c", "ń": "n", "ą": "a", "ę": "e",
    "ø": "o", "å": "a",
  ]
}

extension String {
  /// `replacingOccurrences(of: "Machine Learning", with: "ML")` on the bytes, for printable
  /// ASCII text (where Foundation's comparison is byte equality): left to right, not
  /// overlapping, the text itself when the phrase is absent.
  fileprivate var replacingMachineLearningBytes: String {
    let phrase: [UInt8] = Array("Machine Learning".utf8)
    let bytes = Array(utf8)
    var result: [UInt8] = []
    var position = 0
    var replaced = false
    while position < bytes.count {
      if bytes[position] == phrase[0], position + phrase.count <= bytes.count,
        bytes[position..<position + phrase.count].elementsEqual(phrase)
      {
        result += Array("ML".utf8)
        position += phrase.count
        replaced = true
      } else {
        result.append(bytes[position])
        position += 1
      }
    }
    return replaced ? String(decoding: result, as: UTF8.self) : self
  }
}
