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
    discussion: "Record terms with `jobdeck set ID --salary … --start-date … --probation …`."
  )

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The applications (or postings with one application each), at least two.")
  var ids: [String]

  func validate() throws {
    guard ids.count >= 2 else { throw ValidationError("name at least two applications to compare") }
  }

  func run() throws {
    let deck = try storeOptions.file.load().deck
    let applications = try ids.map { text -> Application in
      let id = try deck.resolveApplication(text)
      guard let application = deck.application(withID: id) else {
        throw DeckError.notFound(text, expected: .application)
      }
      return application
    }
    say(OfferTable.render(applications, in: deck, clock: storeOptions.clock))
  }
}

/// The rows of an offer comparison: one column per application.
enum OfferTable {
  static func render(_ applications: [Application], in deck: Deck, clock: WallClock) -> String {
    let postings = applications.map { $0.postingID.flatMap(deck.posting(withID:)) }
    func row(_ label: String, _ value: (Application, Posting?) -> String?) -> [String] {
      [label] + zip(applications, postings).map { value($0, $1) ?? "—" }
    }
    let rows: [[String]] = [
      row("Company") { application, _ in deck.company(of: application) },
      row("Title") { application, _ in deck.title(of: application) },
      row("Stage") { application, _ in application.stage.displayName },
      row("Salary") { application, posting in
        (application.terms.salary ?? posting?.compensation).map(payText)
      },
      row("Contract") { application, posting in
        (application.terms.contractType ?? posting?.employmentType).map { kebabCase($0.rawValue) }
      },
      row("Location") { _, posting in posting?.location },
      row("Workplace") { _, posting in posting?.workplace.map { kebabCase($0.rawValue) } },
      row("Start") { application, _ in application.terms.startDate?.description },
      row("Probation") { application, _ in application.terms.probation?.spokenDescription },
      row("Notice") { application, _ in application.terms.noticePeriod?.spokenDescription },
      row("Contract end") { application, _ in application.terms.contractEnd?.description },
      row("Answer by") { application, _ in
        application.terms.offerResponseBy.map {
          "\($0) (" + DeadlineText.relative(clock.today.days(until: $0)) + ")"
        }
      },
    ]
    var table = TextTable(
      header: [""] + applications.map(\.id),
      maximumWidths: [12] + Array(repeating: 32, count: applications.count))
    for cells in rows { table.append(cells) }
    return table.render()
  }

  /// "52000 EUR/year"; the ad's own words when they could not be parsed.
  static func payText(_ pay: Compensation) -> String { SalaryInput.text(pay) }
}
