/// The visible text of an HTML page: tags stripped, scripts and styles dropped, entities
/// decoded, block elements kept as line breaks so the text extractor still sees lines.
enum HTMLText {
  /// Elements whose text is not the ad: code, navigation, and `aside` (where pages list
  /// "similar jobs", with their own posted dates).
  private static let droppedElements: Set<String> = [
    "script", "style", "noscript", "template", "svg", "iframe", "button", "nav", "aside",
  ]
  private static let blockElements: Set<String> = [
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "main", "aside", "dd", "dt", "dl", "hr",
    "blockquote", "pre", "form", "fieldset", "address", "figure", "figcaption", "title", "body",
  ]

  static func text(fromHTML html: String) -> String {
    var output = ""
    var index = html.startIndex
    while index < html.endIndex {
      let character = html[index]
      guard character == "<" else {
        output.append(character)
        index = html.index(after: index)
        continue
      }
      if html[index...].hasPrefix("<!--") {
        index = html[index...].range(of: "-->")?.upperBound ?? html.endIndex
        continue
      }
      guard let close = html[index...].firstIndex(of: ">") else {
        output.append(contentsOf: html[index...])
        break
      }
      let tag = html[html.index(after: index)..<close]
      let name = tagName(tag)
      index = html.index(after: close)
      if droppedElements.contains(name), !tag.hasPrefix("/"), !tag.hasSuffix("/") {
        // Skip to the matching end tag; scripts may contain "<" that is not markup.
        if let end = html[index...].range(of: "</\(name)", options: .caseInsensitive) {
          index = html[end.upperBound...].firstIndex(of: ">").map { html.index(after: $0) }
            ?? html.endIndex
        } else {
          index = html.endIndex
        }
        continue
      }
      if blockElements.contains(name) {
        output.append("\n")
        if name == "li", !tag.hasPrefix("/") { output.append("• ") }
      } else if name == "td" || name == "th" {
        output.append(" ")
      }
    }
    return tidy(decodeEntities(output))
  }

  private static func tagName(_ tag: Substring) -> String {
    let body = tag.drop { $0 == "/" || $0 == "!" }
    return String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
  }

  /// Collapses spaces within lines and drops the blank lines markup leaves everywhere (an
  /// opening and a closing block tag each break the line).
  static func tidy(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline)
      .map { String($0).collapsingWhitespace }
      .filter { !$0.isEmpty }
      .joined(separator: "\n")
  }

  private static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    "ndash": "–", "mdash": "—", "hellip": "…", "euro": "€", "pound": "£", "yen": "¥",
    "cent": "¢", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’", "lsquo": "‘",
    "rdquo": "”", "ldquo": "“", "sbquo": "‚", "bdquo": "„", "laquo": "«", "raquo": "»",
    "bull": "•", "middot": "·", "times": "×", "deg": "°", "shy": "", "zwnj": "", "zwj": "",
    "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
    "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "Eacute": "É", "Egrave": "È",
    "agrave": "à", "aacute": "á", "acirc": "â", "Agrave": "À", "ccedil": "ç", "Ccedil": "Ç",
    "iacute": "í", "icirc": "î", "iuml": "ï", "oacute": "ó", "ocirc": "ô", "uacute": "ú",
    "ugrave": "ù", "ucirc": "û", "ntilde": "ñ", "Ntilde": "Ñ", "oslash": "ø", "aring": "å",
    "aelig": "æ", "iexcl": "¡", "iquest": "¿", "ordm": "º", "ordf": "ª", "sect": "§",
    "para": "¶", "plusmn": "±", "frac12": "½", "thinsp": "\u{2009}", "ensp": "\u{2002}",
    "emsp": "\u{2003}", "larr": "←", "rarr": "→",
  ]

  /// `&amp;`, `&#233;`, `&#xE9;`; unknown or malformed references stay as written.
  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      guard character == "&",
        let semicolon = text[index...].prefix(12).firstIndex(of: ";")
      else {
        output.append(character)
        index = text.index(after: index)
        continue
      }
      let name = String(text[text.index(after: index)..<semicolon])
      var replacement: String?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        replacement = UInt32(name.dropFirst(2), radix: 16).map(numericReference)
      } else if name.hasPrefix("#") {
        replacement = UInt32(name.dropFirst(), radix: 10).map(numericReference)
      } else {
        replacement = namedEntities[name]
      }
      if let replacement {
        output.append(replacement)
        index = text.index(after: semicolon)
      } else {
        output.append(character)
        index = text.index(after: index)
      }
    }
    return output
  }

  /// A numeric reference as the HTML standard reads it: NUL, surrogates and values beyond
  /// Unicode become U+FFFD, and 128–159 are the Windows-1252 characters pages mean by them
  /// (`&#146;` is ’, `&#150;` is –), not C1 controls.
  static func numericReference(_ value: UInt32) -> String {
    if let windows1252 = windows1252[value] { return windows1252 }
    guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
    return String(Character(scalar))
  }

  private static let windows1252: [UInt32: String] = [
    0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ",
    0x89: "‰", 0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“",
    0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›",
    0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
  ]
}

import Foundation
