import Foundation

/// The light checks a contact's fields get before they are kept, and the links the UI opens.
///
/// Deliberately light: a person's e-mail address or phone number is theirs to write; the checks
/// only catch what is certainly a mistake (a control character, an e-mail without `@`, letters
/// in a phone number).
extension Contact {
  /// Throws `DeckError.invalidValue` naming the field when one is certainly wrong.
  public func validated() throws -> Contact {
    var contact = self
    contact.name = name.trimmingCharacters(in: .whitespaces)
    guard !contact.name.isEmpty else {
      throw DeckError.invalidValue(field: "contact name", value: name, expected: "a name")
    }
    for (field, value) in [("contact name", name), ("role", role), ("email", email),
                           ("phone", phone)] {
      if let value, value.unicodeScalars.contains(where: Self.isControl) {
        throw DeckError.invalidValue(
          field: field, value: value.debugDescription, expected: "text without control characters")
      }
    }
    if let note, note.unicodeScalars.contains(where: { Self.isControl($0) && $0 != "\n" }) {
      throw DeckError.invalidValue(
        field: "note", value: note.debugDescription,
        expected: "text without control characters other than line breaks")
    }
    if let email {
      let parts = email.split(separator: "@", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
        !email.contains(where: \.isWhitespace)
      else {
        throw DeckError.invalidValue(
          field: "email", value: email, expected: "an address such as name@example.com")
      }
    }
    if let phone {
      let allowed = Set("0123456789+ -()./")
      guard phone.contains(where: \.isNumber), phone.allSatisfy({ allowed.contains($0) }) else {
        throw DeckError.invalidValue(
          field: "phone", value: phone,
          expected: "digits, with + ( ) - . / and spaces, such as +49 30 1234-567")
      }
    }
    return contact
  }

  /// `mailto:` for the e-mail address, the address percent-encoded where RFC 6068 needs it.
  public var mailtoLink: String? {
    guard let email else { return nil }
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "@.-_+!$'*~")
    return "mailto:" + (email.addingPercentEncoding(withAllowedCharacters: allowed) ?? email)
  }

  /// `tel:` with the number's visual separators dropped (RFC 3966 keeps only digits and a
  /// leading `+` in a global number).
  public var telLink: String? {
    guard let phone else { return nil }
    let digits = phone.filter { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return nil }
    return "tel:" + (phone.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" : "") + digits
  }

  /// One line for lists: "Mara Köhler (recruiter) · mara@example.com · +49 30 1234".
  public var summary: String {
    var parts = [role.map { "\(name) (\($0))" } ?? name]
    if let email { parts.append(email) }
    if let phone { parts.append(phone) }
    return parts.joined(separator: " · ")
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
