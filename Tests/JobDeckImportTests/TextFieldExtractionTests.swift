import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite struct TextFieldExtractionTests {
  private func draft(_ text: String) -> PostingDraft {
    PostingTextExtractor.extract(text: text, importDate: TextAdFixtures.importDate, source: "pasted")
  }

  @Test func readsTitleCompanyAndLocationFromAJobBoardHeader() {
    let posting = draft(TextAdFixtures.englishInternshipBoard).posting
    #expect(posting.title == "Machine Learning Intern (m/f/d)")
    #expect(posting.company == "Acme Robotics")
    #expect(posting.location?.hasPrefix("Berlin, Germany") == true)
    #expect(posting.employmentType == .internship)
    #expect(posting.workplace == .hybrid)
    #expect(posting.source == "pasted")
    #expect(posting.description == TextAdFixtures.englishInternshipBoard)
  }

  @Test func readsLabelledFields() {
    let posting = draft(TextAdFixtures.usFullTime).posting
    #expect(posting.title == "Senior Data Engineer")
    #expect(posting.company == "Brightline Analytics")
    #expect(posting.location == "New York, NY")
    #expect(posting.employmentType == .fullTime)
    #expect(posting.workplace == .remote)
  }

  @Test(arguments: [
    ("Firma: Nordlicht Energie GmbH, Hamburg", "Nordlicht Energie GmbH"),
    ("Company: Brightline Analytics, Austin, TX", "Brightline Analytics"),
    ("Employeur : Clairvoyance SAS, Lyon, France", "Clairvoyance SAS"),
    ("Company: Acme, Inc.", "Acme, Inc."),
    ("Company: Smith, Jones & Partners", "Smith, Jones & Partners"),
    ("Company: Berlin Brands Group", "Berlin Brands Group"),
    ("Unternehmen: Stadtwerke München, Abteilung IT", "Stadtwerke München, Abteilung IT"),
  ])
  func aLabelledCompanyLosesAPlaceAfterItsNameOnly(_ line: String, _ company: String) {
    let posting = draft("Data Engineer (m/w/d)\n\(line)\nApply by 2027-01-15\n").posting
    #expect(posting.company == company)
  }

  @Test func readsGermanFrenchSpanishDutchAndPolishLabels() {
    let german = draft(TextAdFixtures.germanWorkingStudent).posting
    #expect(german.company == "Nordlicht Energie GmbH")
    #expect(german.location == "Hamburg")
    #expect(german.employmentType == .workingStudent)
    #expect(german.workplace == .hybrid)
    let french = draft(TextAdFixtures.frenchInternship).posting
    #expect(french.title == "Stage – Data Analyst (H/F)")
    #expect(french.company == "Clairvoyance SAS")
    #expect(french.location == "Lyon, France")
    #expect(french.employmentType == .internship)
    #expect(french.workplace == .hybrid)
    let spanish = draft(TextAdFixtures.spanishInternship).posting
    #expect(spanish.company == "Soluciones Nube S.L.")
    #expect(spanish.location == "Madrid, España")
    #expect(spanish.employmentType == .internship)
    #expect(spanish.workplace == .hybrid)
    let dutch = draft(TextAdFixtures.dutchTraineeship).posting
    #expect(dutch.company == "Polderdata B.V.")
    #expect(dutch.location == "Utrecht")
    #expect(dutch.employmentType == .graduateProgramme)
    let polish = draft(TextAdFixtures.polishInternship).posting
    #expect(polish.company == "Wisła Software sp. z o.o.")
    #expect(polish.location == "Kraków")
    #expect(polish.employmentType == .internship)
    #expect(polish.workplace == .remote)
  }

  @Test func findsTheCompanyInAtAboutAndIsHiringPhrases() {
    #expect(draft("Data Scientist at Globex Corporation\nWe build things.").posting.company
      == "Globex Corporation")
    #expect(draft("Backend Developer\n\nAbout Initech\nWe make TPS reports.").posting.company
      == "Initech")
    #expect(draft("Umbrella Labs is hiring a Platform Engineer.\nLocation: Remote").posting.company
      == "Umbrella Labs")
  }

  @Test func findsTheTitleFromARoleLabelOrAHiringSentence() {
    #expect(draft("Role: Product Designer\nCompany: Hooli").posting.title == "Product Designer")
    #expect(draft("Wir suchen einen Softwareentwickler für unser Team in München.")
      .posting.title == "Softwareentwickler")
  }

  @Test(arguments: [
    ("Job type: Internship", EmploymentType.internship),
    ("Praktikum im Bereich Controlling", .internship),
    ("Offre de stage : assistant marketing", .internship),
    ("Prácticas remuneradas en marketing", .internship),
    ("Płatny staż w dziale HR", .internship),
    ("Graduate Scheme 2025 – Finance", .graduateProgramme),
    ("Trainee Programm Vertrieb", .graduateProgramme),
    ("Werkstudent (m/w/d) Marketing", .workingStudent),
    ("Working student in our data team", .workingStudent),
    ("Employment type: Full-time", .fullTime),
    ("Vollzeit, unbefristet", .fullTime),
    ("Type de contrat : CDI, temps plein", .fullTime),
    ("Teilzeit (20 Stunden)", .partTime),
    ("Part-time role, 3 days a week", .partTime),
    ("Freelance contract, 6 months", .contract),
    ("Befristet auf 12 Monate", .contract),
    ("Type de contrat : CDD de 6 mois", .contract),
  ])
  func recognisesEmploymentTypes(text: String, expected: EmploymentType) {
    #expect(draft("Analyst\n" + text).posting.employmentType == expected)
  }

  @Test(arguments: [
    ("This is a fully remote position.", Workplace.remote),
    ("Remote (EU time zones)", .remote),
    ("Hybrid: 2 days a week in the office", .hybrid),
    ("Télétravail : 2 jours par semaine", .hybrid),
    ("Arbeit vor Ort in unserem Labor", .onSite),
    ("On-site in Austin, TX. This role is not remote.", .onSite),
    ("Praca zdalna", .remote),
    ("Trabajo presencial en Sevilla", .onSite),
  ])
  func recognisesWorkplaces(text: String, expected: Workplace) {
    #expect(PostingTextExtractor.workplace(in: text) == expected)
  }

  @Test func tagsSkillsInTheOrderTheAdNamesThem() {
    let tags = draft(TextAdFixtures.englishInternshipBoard).posting.tags
    #expect(tags.starts(with: ["Machine Learning", "Python", "PyTorch", "SQL", "Kubernetes"]))
    #expect(!PostingTextExtractor.tags(in: "We use JavaScript daily").contains("Java"))
  }
}

@Suite struct TextFactBoxTests {
  private static let careersPage = """
    Location
    Austin, TX
    Employment Type
    Full time
    Department
    Engineering
    Compensation
    $130K – $160K • Offers Equity

    Platform Engineer
    Acme Cloud is looking for a Platform Engineer to run Terraform and Kubernetes.
    Application Deadline: 3/15/2025
    """

  @Test func factBoxLabelsAndValuesAreNotTakenForTheTitle() {
    let draft = PostingTextExtractor.extract(text: Self.careersPage,
                                             importDate: TextAdFixtures.importDate, source: nil)
    #expect(draft.posting.title == "Platform Engineer")
    #expect(draft.posting.company == "Acme Cloud")
    #expect(draft.posting.location == "Austin, TX")
    #expect(draft.posting.employmentType == .fullTime)
  }

  @Test func payUnderACompensationLabelIsRead() {
    let draft = PostingTextExtractor.extract(text: Self.careersPage,
                                             importDate: TextAdFixtures.importDate, source: nil)
    #expect(draft.posting.compensation?.minimum == 130_000)
    #expect(draft.posting.compensation?.maximum == 160_000)
    #expect(draft.posting.compensation?.period == .year)
  }

  @Test func germanCompoundStartLabelsAndDurationsGiveStartAndEnd() {
    let draft = PostingTextExtractor.extract(
      text: "Trainee Programme Finance (m/w/d)\nZürcher Versicherung AG\nZürich\nProgrammstart: 1. Oktober 2025\nDauer: 18 Monate",
      importDate: TextAdFixtures.importDate, source: nil)
    #expect(draft.posting.company == "Zürcher Versicherung AG")
    #expect(draft.terms.startDate == CivilDate(year: 2025, month: 10, day: 1))
    #expect(draft.terms.contractEnd == CivilDate(year: 2027, month: 3, day: 31))
  }
}

@Suite struct TextFalsePositiveTests {
  @Test func aSeniorAdThatMentionsInternsIsNotAnInternship() {
    let text = """
      Senior Backend Engineer
      Full-time · Berlin
      You will mentor our interns and shape our internship programme.
      """
    let draft = PostingTextExtractor.extract(text: text, importDate: TextAdFixtures.importDate, source: nil)
    #expect(draft.posting.employmentType == .fullTime)
  }

  @Test func hybridCloudAndB2BSaaSSayNothingAboutTheJob() {
    let text = "Platform Engineer\nWe build a B2B SaaS for hybrid cloud environments. Fully on-site in Munich."
    let draft = PostingTextExtractor.extract(text: text, importDate: TextAdFixtures.importDate, source: nil)
    #expect(draft.posting.workplace == .onSite)
    #expect(draft.posting.employmentType == nil)
  }
}
