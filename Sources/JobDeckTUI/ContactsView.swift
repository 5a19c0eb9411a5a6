import Foundation
import JobDeckCore

/// `C`: an application's contacts over the pipeline or the detail. `a` adds one, `e`/Enter
/// edits the selected one (a form of name, role, e-mail, phone, note, checked by Core's
/// `Contact.validated`), `D` deletes it (`u` undoes), `o` opens `mailto:` or `tel:`.
extension App {
  mutating func openContacts() {
    guard let id = applicationInFocus else {
      showError("no application here: contacts belong to an application (A applies)")
      return
    }
    var detail: DetailState?
    if case .detail(let shown) = state.mode { detail = shown }
    state.mode = .contacts(ContactList(applicationID: id, detail: detail))
  }

  private func contacts(of id: String) -> [Contact] {
    state.deck.application(withID: id)?.contacts ?? []
  }

  mutating func handleContactsKey(_ key: KeyPress) -> [Effect] {
    guard case .contacts(var list) = state.mode else { return [] }
    let contacts = contacts(of: list.applicationID)
    // The last row is "add a contact".
    let isOnContact = list.selection < contacts.count
    switch key {
    case .character("j"), .down:
      list.selection = min(contacts.count, list.selection + 1)
    case .character("k"), .up:
      list.selection = max(0, list.selection - 1)
    case .escape, .character("q"):
      state.mode = list.detail.map { .detail($0) } ?? .browsing
      return []
    case .character("a"):
      openContactForm(list, position: nil)
      return []
    case .enter, .character("e"):
      openContactForm(list, position: isOnContact ? list.selection : nil)
      return []
    case .character("D") where isOnContact:
      let name = TerminalText.sanitized(contacts[list.selection].name)
      let effects = perform(
        .removeContact(position: list.selection, applicationID: list.applicationID,
                       at: clock.now),
        message: "Deleted contact \(name) (u undoes)")
      list.selection = min(list.selection, max(0, contacts.count - 1))
      state.mode = .contacts(list)
      return effects
    case .character("o") where isOnContact:
      let contact = contacts[list.selection]
      guard let link = contact.mailtoLink ?? contact.telLink else {
        showError("\(TerminalText.sanitized(contact.name)) has no e-mail address or phone number")
        return []
      }
      showMessage("opening \(TerminalText.sanitized(link)) …")
      return [.openURL(link)]
    default:
      break
    }
    state.mode = .contacts(list)
    return []
  }

  private mutating func openContactForm(_ list: ContactList, position: Int?) {
    guard refuseIfReadOnly() else { return }
    let contact = position.map { contacts(of: list.applicationID)[$0] }
    let name = state.deck.application(withID: list.applicationID).map(state.recordName(of:))
      ?? list.applicationID
    state.mode = .fieldForm(FieldForm(
      purpose: .contact(applicationID: list.applicationID, position: position),
      heading: contact == nil ? "New contact for \(name)"
        : "Edit \(TerminalText.sanitized(contact?.name ?? "")) of \(name)",
      fields: [
        .init(label: "Name", input: TextInput(contact?.name ?? ""), help: "required"),
        .init(label: "Role", input: TextInput(contact?.role ?? ""),
              help: "recruiter, hiring manager…, optional"),
        .init(label: "Email", input: TextInput(contact?.email ?? ""),
              help: "name@example.com, optional"),
        .init(label: "Phone", input: TextInput(contact?.phone ?? ""),
              help: "+49 30 1234-567, optional"),
        .init(label: "Note", input: TextInput(contact?.note ?? ""), help: "optional"),
      ]))
  }

  mutating func saveContact(_ form: FieldForm, applicationID: String, position: Int?) throws
    -> [Effect]
  {
    let contact = try Contact(
      name: form.value("Name"), role: form.optional("Role"), email: form.optional("Email"),
      phone: form.optional("Phone"), note: form.optional("Note")
    ).validated()
    let list = ContactList(applicationID: applicationID,
                           selection: position ?? contacts(of: applicationID).count)
    state.mode = .contacts(list)
    let name = TerminalText.sanitized(contact.name)
    if let position {
      return perform(.editContact(contact, position: position, applicationID: applicationID,
                                  at: clock.now), message: "Updated contact \(name)")
    }
    return perform(.addContact(contact, applicationID: applicationID, at: clock.now),
                   message: "Added contact \(name)")
  }
}

extension Renderer {
  func drawContacts(_ list: ContactList, on screen: inout Screen, in area: Area) {
    let contacts = state.deck.application(withID: list.applicationID)?.contacts ?? []
    let name = state.deck.application(withID: list.applicationID).map(state.recordName(of:)) ?? ""
    let rows = contacts.map { "  " + TerminalText.sanitized($0.summary) } + ["  + add a contact"]
    let heading = " Contacts of \(name) "
    let widest = ([heading] + rows).map { TerminalText.displayWidth(of: $0) }.max() ?? 20
    let width = min(area.width, max(30, widest + 2))
    let height = min(area.height, rows.count + 2)
    let left = max(0, (area.width - width) / 2)
    let top = area.top + max(0, (area.height - height) / 2)
    for row in top..<(top + height) {
      screen.fill(row: row, column: left, width: width, style: .inputField)
    }
    screen.write(Screen.truncated(heading, toWidth: width), row: top, column: left, width: width,
                 style: .heading)
    let visible = max(0, height - 2)
    let offset = max(0, list.selection - visible + 1)
    for (index, text) in rows.enumerated().dropFirst(offset).prefix(visible) {
      screen.write(Screen.truncated(text, toWidth: width), row: top + 1 + index - offset,
                   column: left, width: width,
                   style: index == list.selection ? .selected : .plain)
    }
  }
}
