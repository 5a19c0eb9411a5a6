import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite struct HTMLPostingReaderTests {
  private func draft(_ html: String) -> PostingDraft {
    PostingImporter.draft(fromText: html, contentTypeHint: "text/html; charset=utf-8",
                          importDate: TextAdFixtures.importDate, source: "https://jobs.example/1")
  }

  private static let jobPosting = """
    {
      "@context": "https://schema.org/",
      "@type": "JobPosting",
      "title": "Data Engineering Intern",
      "hiringOrganization": {"@type": "Organization", "name": "Globex GmbH"},
      "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
        "addressLocality": "Munich", "addressRegion": "Bavaria", "addressCountry": "DE"}},
      "datePosted": "2025-02-01",
      "validThrough": "2025-03-15T23:59:00+01:00",
      "employmentType": ["INTERN", "FULL_TIME"],
      "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "minValue": 1800, "maxValue": 2100, "unitText": "MONTH"}},
      "description": "&lt;p&gt;Join us for 6 months.&lt;/p&gt;&lt;p&gt;Start date: 1 April 2025. Probation: 3 months.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;li&gt;Airflow&lt;/li&gt;&lt;/ul&gt;"
    }
    """

  private func page(_ script: String) -> String {
    """
    <!DOCTYPE html><html><head><title>Careers</title>
    <script type="application/ld+json">\(script)</script></head>
    <body><h1>Careers at Globex</h1><p>Cookie banner text</p></body></html>
    """
  }

  private func expectGlobexPosting(_ result: PostingDraft) {
    #expect(result.posting.title == "Data Engineering Intern")
    #expect(result.posting.company == "Globex GmbH")
    #expect(result.posting.location == "Munich, Bavaria, DE")
    #expect(result.posting.employmentType == .internship)
    #expect(result.posting.posted == PostedDate(date: CivilDate(year: 2025, month: 2, day: 1) ?? TextAdFixtures.importDate))
    let cutoff = result.deadlines.first { $0.kind == .applicationCutoff }
    #expect(cutoff?.due == CivilDate("2025-03-15").map(DeadlineDue.allDay))
    #expect(cutoff?.phrase == "validThrough: 2025-03-15T23:59:00+01:00")
    #expect(result.posting.compensation?.minimum == 1800)
    #expect(result.posting.compensation?.maximum == 2100)
    #expect(result.posting.compensation?.currency == "EUR")
    #expect(result.posting.compensation?.period == .month)
  }

  @Test func readsASingleJobPostingObject() {
    let result = draft(page(Self.jobPosting))
    expectGlobexPosting(result)
    #expect(result.posting.description?.contains("Join us for 6 months.") == true)
    #expect(result.posting.tags.contains("Airflow"))
    #expect(result.posting.url == nil)
  }

  @Test func readsDatesTheDescriptionHasAndJSONLDLacks() {
    let result = draft(page(Self.jobPosting))
    #expect(result.deadlines.first { $0.kind == .startDate }?.due == CivilDate("2025-04-01").map(DeadlineDue.allDay))
    #expect(result.terms.probation == .months(3))
  }

  @Test func readsAJobPostingInAList() {
    let list = #"[{"@type": "BreadcrumbList", "itemListElement": []}, "# + Self.jobPosting + "]"
    expectGlobexPosting(draft(page(list)))
  }

  @Test func readsAJobPostingInsideGraph() {
    let graph = #"{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"}, "#
      + Self.jobPosting + "]}"
    expectGlobexPosting(draft(page(graph)))
  }

  @Test func repairsTrailingCommasAndRawNewlines() {
    let broken = """
      {"@type": "JobPosting", "title": "Site Reliability Engineer",
       "hiringOrganization": {"name": "Initech"},
       "description": "Line one
      line two",
       "employmentType": "FULL_TIME",
       "jobLocationType": "TELECOMMUTE",}
      """
    let result = draft(page(broken))
    #expect(result.posting.title == "Site Reliability Engineer")
    #expect(result.posting.company == "Initech")
    #expect(result.posting.workplace == .remote)
    #expect(result.posting.employmentType == .fullTime)
  }

  @Test func readsSalaryRangesWrittenAsOneStringAndStringEmploymentTypes() {
    let object = """
      {"@type": "JobPosting", "title": "Analyst", "employmentType": "PART_TIME",
       "hiringOrganization": "Initech", "jobLocation": {"address": "Dublin, Ireland"},
       "baseSalary": {"currency": "EUR", "value": "50000-60000", "unitText": "YEAR"}}
      """
    let result = draft(page(object))
    #expect(result.posting.compensation?.minimum == 50_000)
    #expect(result.posting.compensation?.maximum == 60_000)
    #expect(result.posting.compensation?.period == .year)
    #expect(result.posting.employmentType == .partTime)
    #expect(result.posting.company == "Initech")
    #expect(result.posting.location == "Dublin, Ireland")
  }

  @Test func fallsBackToVisibleTextWhenJSONLDIsBeyondRepair() {
    let html = """
      <html><head><script type="application/ld+json">{"@type": "JobPosting", "title": </script>
      <style>body { color: red; }</style></head>
      <body><nav>Home Jobs</nav><h1>Backend Developer (m/w/d)</h1>
      <p>Company: Initech &amp; Co.</p><p>Location: Köln</p>
      <p>Bewerbungsfrist: 15.03.2025</p>
      <script>var deadline = "01.01.2030";</script></body></html>
      """
    let result = draft(html)
    #expect(result.posting.title == "Backend Developer (m/w/d)")
    #expect(result.posting.company == "Initech & Co.")
    #expect(result.remarks.contains { $0.contains("JSON-LD") })
    #expect(result.deadlines.map(\.due) == [CivilDate("2025-03-15").map(DeadlineDue.allDay)].compactMap { $0 })
  }

  @Test func similarJobsBesideTheAdDoNotLendItTheirDates() {
    let html = """
      <html><body><main><h1>Data Engineer (m/w/d)</h1><p>Bewerbungsfrist: 31.03.2025</p></main>
      <aside><h3>Ähnliche Jobs</h3><p>Data Analyst – vor 3 Tagen</p></aside></body></html>
      """
    let result = draft(html)
    #expect(result.posting.posted == nil)
    #expect(result.deadlines.count == 1)
  }

  @Test func visibleTextDropsScriptsDecodesEntitiesAndKeepsBlocks() {
    let html = """
      <div><h2>Role&nbsp;&ndash; Intern</h2><script>alert("<p>x</p>")</script>
      <style>.a{}</style><!-- hidden --><p>Caf&eacute; &#233;t&#xE9; &euro;&#8364; &lt;b&gt;</p>
      <ul><li>Python</li><li>SQL</li></ul>Apply<br>today</div>
      """
    let text = HTMLText.text(fromHTML: html)
    #expect(text == "Role – Intern\nCafé été €€ <b>\n• Python\n• SQL\nApply\ntoday")
  }

  @Test func detectsHTMLWithoutAContentType() {
    #expect(PostingImporter.isHTML("<!doctype html><html><body>x</body></html>", contentTypeHint: nil))
    #expect(PostingImporter.isHTML("<div><p>Job</p></div>", contentTypeHint: nil))
    #expect(!PostingImporter.isHTML("Salary < 50k, team > 10 people", contentTypeHint: nil))
    #expect(!PostingImporter.isHTML("<div>x</div>", contentTypeHint: "text/plain"))
  }
}
