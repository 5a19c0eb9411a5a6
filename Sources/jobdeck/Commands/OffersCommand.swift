import ArgumentParser
import Foundation
import JobDeckCore

struct OffersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "offers",
    abstract: "Look at offers side by side.",
    subcommands: [CompareOffers.self]
  )
}

struct CompareOffers: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Print two or more applications' offer terms side by side.",
    discussion: """
      Name the applications to compare: `jobdeck offers compare ID ID` (any stage; terms not \
      recorded show as —). Record terms with `jobdeck set ID --salary … --start-date … \
      --probation …`. In the UI: M marks one application, = compares it with the selected one.
      """
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The applications (or postings with one application each), at least two.")
  var ids: [String]

  func validate() throws {
    guard ids.count >= 2 else { throw ValidationError("name at least two applications to compare") }
  }

  func run() throws {
    let deck = try storeOptions.session.open().deck
    let applications = try ids.map { text -> Application in
      let id = try deck.resolveApplication(text)
      guard let application = deck.application(withID: id) else {
        throw DeckError.notFound(text, expected: .application)
      }
      return application
    }
    let distinct = Set(applications.map(\.id))
    guard distinct.count == applications.count else {
      let repeated = applications.map(\.id).filter { id in applications.filter { $0.id == id }.count > 1 }
      throw CommandFailure.usage(
        "'\(repeated.first ?? "")' is named twice: name two different applications to compare")
    }
    say(OfferTable.render(applications, in: deck, clock: storeOptions.clock))
  }
}

/// The comparison as a text table: one column per application, Core's rows
/// (`OfferComparisonRows`), the answer-by date with how far off it is.
enum OfferTable {
  static func render(_ applications: [Application], in deck: Deck, clock: WallClock) -> String {
    var table = TextTable(
      header: [""] + applications.map(\.id),
      maximumWidths: [12] + Array(repeating: 32, count: applications.count))
    for (label, values) in OfferComparisonRows.rows(applications, in: deck) {
      let cells = zip(applications, values).map { application, value -> String in
        guard let value else { return "—" }
        guard label == "answer by", let day = application.terms.offerResponseBy else { return value }
        return "\(value) (" + DeadlineText.relative(clock.today.days(until: day)) + ")"
      }
      table.append([label.prefix(1).uppercased() + label.dropFirst()] + cells)
    }
    return table.render()
  }
}
