/// The rows of an offer comparison, one value per application (nil: not recorded): the CLI's
/// `offers compare` and the UI's `=` show the same terms the same way. An offer's own salary
/// and contract win over what the ad said.
public enum OfferComparisonRows {
  public static func rows(_ applications: [Application], in deck: Deck)
    -> [(label: String, values: [String?])]
  {
    let postings = applications.map { $0.postingID.flatMap(deck.posting(withID:)) }
    func row(_ label: String, _ value: (Application, Posting?) -> String?)
      -> (label: String, values: [String?])
    {
      (label, zip(applications, postings).map { value($0, $1) })
    }
    return [
      row("company") { application, _ in deck.company(of: application) },
      row("title") { application, _ in deck.title(of: application) },
      row("stage") { application, _ in application.stage.displayName },
      row("salary") { application, posting in
        (application.terms.salary ?? posting?.compensation).map(SalaryInput.text)
      },
      row("contract") { application, posting in
        (application.terms.contractType ?? posting?.employmentType)?.displayName
      },
      row("location") { _, posting in posting?.location },
      row("workplace") { _, posting in posting?.workplace?.displayName },
      row("start") { application, _ in application.terms.startDate?.description },
      row("probation") { application, _ in application.terms.probation?.spokenDescription },
      row("notice") { application, _ in application.terms.noticePeriod?.spokenDescription },
      row("contract end") { application, _ in application.terms.contractEnd?.description },
      row("answer by") { application, _ in application.terms.offerResponseBy?.description },
    ]
  }
}
