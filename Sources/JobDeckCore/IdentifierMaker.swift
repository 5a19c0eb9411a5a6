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
    if company.isASCIIText, title.isPrintableASCII {
      return asciiSlug(company: company, title: title)
    }
    let titleWithML = title.replacingOccurrences(of: "Machine Learning", with: "ML")
    let parts = [(company, 2), (titleWithML, 4)].map { text, limit in
      let kept = words(text, limit: limit)
      return kept.isEmpty ? words(text, limit: limit, keepingFillers: true) : kept
    }
    let joined = (parts[0] + parts[1]).joined(separator: "-")
    return joined.isEmpty ? "job" : joined
  }

  /// `slug(company:title:)` of ASCII text (the title printable, where Foundation's replacement
  /// compares bytes), written straight into one buffer: a large spreadsheet names a posting per
  /// row, and a string and an array per word were most of the import's time spent on ids.
  private static func asciiSlug(company: String, title: String) -> String {
    var slug: [UInt8] = []
    slug.reserveCapacity(48)
    for (text, limit) in [(company, 2), (title, 4)] {
      var text = text
      text.withUTF8 { bytes in
        let isTitle = limit == 4
        if appendASCIIWords(bytes, limit: limit, keepingFillers: false, replacingML: isTitle,
                            to: &slug) == 0
        {
          appendASCIIWords(bytes, limit: limit, keepingFillers: true, replacingML: isTitle,
                           to: &slug)
        }
      }
    }
    return slug.isEmpty ? "job" : String(decoding: slug, as: UTF8.self)
  }

  /// A slug of free text: lowercase ASCII words joined by `-`.
  public static func slug(_ text: String) -> String {
    var text = text
    let joined = text.isASCIIText
      ? text.withUTF8 { bytes in
        var slug: [UInt8] = []
        appendASCIIWords(bytes, limit: .max, keepingFillers: false, replacingML: false, to: &slug)
        return String(decoding: slug, as: UTF8.self)
      }
      : words(text).joined(separator: "-")
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
    if text.isASCIIText {
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

  /// `characterWords(_:)` for ASCII text, from its bytes: there the letters and digits are
  /// `A-Z a-z 0-9`, nothing is transliterated, and lowercasing is `A-Z` to `a-z`. Stops after
  /// `limit` kept words: a slug uses the first few.
  private static func asciiWords(_ text: String, limit: Int, keepingFillers: Bool) -> [String] {
    var words: [String] = []
    var text = text
    text.withUTF8 { bytes in
      var joined: [UInt8] = []
      appendASCIIWords(bytes, limit: limit, keepingFillers: keepingFillers, replacingML: false,
                       to: &joined)
      words = joined.split(separator: UInt8(ascii: "-")).map { String(decoding: $0, as: UTF8.self) }
    }
    return words
  }

  /// Appends the kept words of ASCII `bytes` (the first `limit`) to `slug`, each after a `-`
  /// when `slug` is not empty, and returns how many. With `replacingML` the phrase "Machine
  /// Learning" (exactly so written) reads as the word "ML", as `slug(company:title:)` wants.
  @discardableResult
  private static func appendASCIIWords(
    _ bytes: UnsafeBufferPointer<UInt8>, limit: Int, keepingFillers: Bool, replacingML: Bool,
    to slug: inout [UInt8]
  ) -> Int {
    var kept = 0
    var position = 0
    var wordStart = slug.count
    let machineLearning = Self.machineLearning
    func endWord() {
      let length = slug.count - wordStart
      guard length > 0 else { return }
      // Fillers and abbreviations are short words; longer ones are kept as they are, and so
      // are words no listed word of their length starts as (most of a title's words), without
      // making a string of them and looking it up twice.
      if length <= longestListedWord, mayBeListed(slug[wordStart], length: length) {
        let word = String(decoding: slug[wordStart...], as: UTF8.self)
        if !keepingFillers && fillerWords.contains(word) {
          slug.removeSubrange((wordStart > 0 ? wordStart - 1 : wordStart)...)
          wordStart = slug.count
          return
        }
        if let short = abbreviations[word] {
          slug.replaceSubrange(wordStart..., with: short.utf8)
        }
      }
      kept += 1
    }
    while position < bytes.count, kept < limit {
      if replacingML, bytes[position] == machineLearning[0],
        position + machineLearning.count <= bytes.count,
        UnsafeBufferPointer(rebasing: bytes[position..<position + machineLearning.count])
          .elementsEqual(machineLearning)
      {
        startWordIfNeeded(&slug, &wordStart)
        slug += [UInt8(ascii: "m"), UInt8(ascii: "l")]
        position += machineLearning.count
        continue
      }
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        startWordIfNeeded(&slug, &wordStart)
        slug.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        startWordIfNeeded(&slug, &wordStart)
        slug.append(byte + 32)
      default:
        endWord()
        wordStart = slug.count
      }
    }
    if kept < limit { endWord() }
    return kept
  }

  /// Starts a word at the end of `slug` unless one is being written: a `-` first when the slug
  /// holds words already.
  private static func startWordIfNeeded(_ slug: inout [UInt8], _ wordStart: inout Int) {
    guard wordStart == slug.count else { return }
    if !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
    wordStart = slug.count
  }

  private static let machineLearning = Array("Machine Learning".utf8)

  /// The longest word `fillerWords` or `abbreviations` lists.
  private static let longestListedWord = (fillerWords.map(\.utf8.count)
    + abbreviations.keys.map(\.utf8.count)).max() ?? 0

  /// By length (up to `longestListedWord`), a bit per letter or digit (`startBit(_:)`) that some
  /// word of that length in `fillerWords` or `abbreviations` starts with. A listed word that
  /// starts otherwise is left out: a slug's words hold only `a-z` and `0-9`, so none equals it.
  private static let listedWordStarts: [UInt64] = {
    var starts = [UInt64](repeating: 0, count: longestListedWord + 1)
    for word in Array(fillerWords) + Array(abbreviations.keys) {
      guard let first = word.utf8.first, let bit = startBit(first) else { continue }
      starts[word.utf8.count] |= bit
    }
    return starts
  }()

  /// The bit of `a-z` or `0-9` in `listedWordStarts`; nil for other bytes.
  private static func startBit(_ byte: UInt8) -> UInt64? {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return 1 << UInt64(byte - UInt8(ascii: "a"))
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return 1 << UInt64(26 + byte - UInt8(ascii: "0"))
    default: return nil
    }
  }

  /// False when no listed word has `length` bytes and starts with `first`.
  private static func mayBeListed(_ first: UInt8, length: Int) -> Bool {
    guard let bit = startBit(first) else { return false }
    return listedWordStarts[length] & bit != 0
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
