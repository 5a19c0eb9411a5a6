import JobDeckCore
import Testing

@testable import JobDeckImport

/// Single phrasings met while probing realistic pastes, one behaviour each.
@Suite struct RealisticAdPhrasingTests {
  private let importDate = CivilDate(year: 2025, month: 3, day: 10) ?? CivilDate(dayNumber: 0)

  private func draft(_ text: String) -> PostingDraft {
    PostingImporter.draft(fromText: text, contentTypeHint: nil, importDate: importDate,
                          source: nil)
  }

  private func rendered(_ text: String) -> [String] {
    draft(text).deadlines.map(RealisticAdScore.render)
  }

  @Test func aMonthToMonthRangeIsTheProgrammesFirstAndLastDay() {
    let deadlines = rendered("Convenio de prácticas de 6 meses (de abril a septiembre de 2025)")
    #expect(deadlines == ["startDate 2025-04-01", "contractEnd 2025-09-30"])
  }

  @Test func upToStatesOnlyACeiling() {
    let pay = draft("Account Manager\nSalary: Up to £45k + commission").posting.compensation
    #expect(pay?.minimum == nil)
    #expect(pay?.maximum == 45_000)
  }

  @Test func fromStatesOnlyAFloor() {
    let pay = draft("Engineer\nSalary: from €50,000 a year").posting.compensation
    #expect(pay?.minimum == 50_000)
    #expect(pay?.maximum == nil)
  }

  @Test func theGermanGenderColonIsNotALabel() {
    let title = draft("Werkstudent:in Data Engineering\nRheingold Logistik GmbH\nDüsseldorf")
      .posting.title
    #expect(title == "Werkstudent:in Data Engineering")
  }

  @Test func yourFirstDayIsTheStart() {
    #expect(rendered("Your first day: 1 April 2025 (or later if you need to serve notice).")
      == ["startDate 2025-04-01"])
  }

  @Test func aConferenceAfterAtIsNotTheCompany() {
    let company = draft("Research Intern\nCupertino, California\nPublications at CVPR, ICCV or ECCV.")
      .posting.company
    #expect(company.isEmpty)
  }

  @Test func aDateByACookieNoticeIsNotACutoff() {
    let text = "By clicking \"Accept\" you agree to our Cookie Policy (updated 12 March 2025)."
    #expect(rendered(text).isEmpty)
  }

  @Test func aFoundingDateIsNotAStartEvenAfterFrom() {
    #expect(rendered("From our founding on 1 June 2025 we have grown fast.").isEmpty)
  }

  @Test func anEventRangeInASentenceIsNotTheProgramme() {
    #expect(rendered("You will present at the workshop in Edinburgh on 18-19 September 2025.")
      .isEmpty)
  }

  @Test func weekCommencingKeepsTheInterviewMeaning() {
    #expect(rendered("Interviews are expected in the week commencing 7 April 2025.")
      == ["interview 2025-04-07"])
  }

  @Test func workdaysEndDateBesideTimeLeftToApplyIsTheCutoff() {
    #expect(rendered("End Date: March 28, 2025 (18 days left to apply)")
      == ["applicationCutoff 2025-03-28"])
  }

  @Test func similarJobsBelowTheAdAreNotRead() {
    let text = "Analyst\nAcme Ltd\nLondon\nGreat role.\nSimilar jobs\nTrader · Posted 3 days ago"
    #expect(draft(text).posting.posted == nil)
  }

  @Test func aDayRateHasNoPeriodTheModelCanHold() {
    let pay = draft("iOS Developer (Contract)\n£550 - £600 per day (Outside IR35)").posting
    #expect(pay.compensation?.minimum == 550)
    #expect(pay.compensation?.period == nil)
    #expect(pay.employmentType == .contract)
  }
}
