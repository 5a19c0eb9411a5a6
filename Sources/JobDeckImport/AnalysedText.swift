/// The part of a long ad the extractors read. Their patterns (ICU regular expressions with
/// Unicode word boundaries) are linear but costly per byte, too slow for a paste of megabytes.
/// Real ads are a few KB and are read whole; past `wholeLimit` bytes the extractors read
/// the head (title, company, fact box) and the tail (where "apply by" usually stands), cut at
/// line breaks, and the draft says so. The description keeps the whole text.
enum AnalysedText {
  static let wholeLimit = 64_000
  static let headBytes = 48_000
  static let tailBytes = 16_000
  /// How far from a cut a line break is looked for, so that a line is not split in two.
  static let lineSlack = 2_000

  /// `text` itself when short enough, else its first and last lines within the limits joined
  /// by a blank line, with the remark that says what was left out.
  static func window(of text: String) -> (text: String, remark: String?) {
    let utf8 = text.utf8
    guard utf8.count > wholeLimit else { return (text, nil) }
    let headCut = utf8.index(utf8.startIndex, offsetBy: headBytes)
    let tailCut = utf8.index(utf8.endIndex, offsetBy: -tailBytes)
    var headEnd = headCut
    while headEnd > utf8.startIndex, utf8.distance(from: headEnd, to: headCut) < lineSlack,
      utf8[utf8.index(before: headEnd)] != UInt8(ascii: "\n")
    {
      headEnd = utf8.index(before: headEnd)
    }
    var tailStart = tailCut
    while tailStart < utf8.endIndex, utf8.distance(from: tailCut, to: tailStart) < lineSlack,
      utf8[utf8.index(before: tailStart)] != UInt8(ascii: "\n")
    {
      tailStart = utf8.index(after: tailStart)
    }
    // No line break near the cut (one very long line): cut there, on a character boundary, so
    // the words before it are still read.
    if headEnd == utf8.startIndex || utf8[utf8.index(before: headEnd)] != UInt8(ascii: "\n") {
      headEnd = boundary(atOrBefore: headCut, in: text)
    }
    if tailStart == utf8.endIndex || utf8[utf8.index(before: tailStart)] != UInt8(ascii: "\n") {
      tailStart = boundary(atOrBefore: tailCut, in: text)
    }
    let head = String(text[..<headEnd])
    let tail = String(text[tailStart...])
    let kilobytes = (utf8.count + 500) / 1000
    let remark = "The text is \(kilobytes) KB: fields and dates were read from its first "
      + "\(head.utf8.count / 1000) KB and its last \(tail.utf8.count / 1000) KB only; the whole "
      + "text is kept as the description."
    return (head + "\n\n" + tail, remark)
  }

  private static func boundary(atOrBefore index: String.Index, in text: String) -> String.Index {
    var index = index
    while index > text.startIndex, String.Index(index, within: text) == nil {
      index = text.utf8.index(before: index)
    }
    return index
  }
}
