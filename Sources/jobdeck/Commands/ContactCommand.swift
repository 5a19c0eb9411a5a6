import ArgumentParser
import Foundation
import JobDeckCore

struct ContactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contact",
    abstract: "Add, edit or remove the people you deal with for an application.",
    discussion: """
      A contact is named by its number in `jobdeck show` (1, 2, …) or by its name (a unique \
      prefix, ignoring case). E-mail must contain @; a phone number holds digits, +, spaces, \
      -, ., / and parentheses.
      """,
    subcommands: [AddContact.self, EditContact.self, RemoveContact.self]
  )
}

struct ContactFieldOptions: ParsableArguments {
  @Option(help: "Their job: recruiter, hiring manager …") var role: String?
  @Option(help: "Their e-mail address.") var email: String?
  @Option(help: "Their phone number.") var phone: String?
  @Option(help: "A note.") var note: String?

  /// Applies the options given; an empty value clears the field.
  func apply(to contact: inout Contact) {
    func value(_ text: String) -> String? { text.isEmpty ? nil : text }
    if let role { contact.role = value(role) }
    if let email { contact.email = value(email) }
    if let phone { contact.phone = value(phone) }
    if let note { contact.note = value(note) }
  }
}

struct AddContact: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a contact to an application.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application, or a posting with one application.") var id: String
  @Option(help: "Their name.") var name: String
  @OptionGroup var fields: ContactFieldOptions

  func run() throws {
    let now = storeOptions.clock.now
    var contact = Contact(name: name)
    fields.apply(to: &contact)
    let (applicationID, position) = try storeOptions.session.update { deck -> (String, Int) in
      let applicationID = try deck.resolveApplication(id)
      return (applicationID, try deck.addContact(contact, toApplication: applicationID, at: now))
    }
    say(safe("\(applicationID): contact \(position) \(contact.name.trimmingCharacters(in: .whitespaces))"))
  }
}

struct EditContact: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Change a contact's details; an empty value clears one.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application, or a posting with one application.") var id: String
  @Argument(help: "The contact's number or name.") var contact: String
  @Option(help: "A new name.") var name: String?
  @OptionGroup var fields: ContactFieldOptions

  func run() throws {
    let now = storeOptions.clock.now
    let (applicationID, shown) = try storeOptions.session.update { deck -> (String, String) in
      let applicationID = try deck.resolveApplication(id)
      let position = try deck.contactIndex(contact, inApplication: applicationID)
      try deck.editContact(at: position, ofApplication: applicationID, at: now) { contact in
        if let name { contact.name = name }
        fields.apply(to: &contact)
      }
      let edited = deck.application(withID: applicationID)?.contacts[position]
      return (applicationID, edited?.summary ?? "")
    }
    say(safe("\(applicationID): \(shown)"))
  }
}

struct RemoveContact: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rm", abstract: "Remove a contact from an application.")

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The application, or a posting with one application.") var id: String
  @Argument(help: "The contact's number or name.") var contact: String

  func run() throws {
    let now = storeOptions.clock.now
    let (applicationID, removed) = try storeOptions.session.update { deck -> (String, Contact) in
      let applicationID = try deck.resolveApplication(id)
      let position = try deck.contactIndex(contact, inApplication: applicationID)
      return (applicationID,
              try deck.removeContact(at: position, ofApplication: applicationID, at: now))
    }
    say(safe("\(applicationID): removed contact \(removed.name)"))
  }
}
