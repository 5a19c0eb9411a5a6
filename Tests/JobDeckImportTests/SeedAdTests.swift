import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// The two ads the project started from, imported long after they were posted: every date they
/// state is still there with its kind, a passed cutoff included, and the relative review term
/// waits for the start date.
@Suite("Seed ads under today's clock")
struct SeedAdTests {
  /// Today, as the project's clock had it when issue 14 was filed: both ads are old by then.
  static let today = CivilDate(year: 2026, month: 12, day: 6) ?? CivilDate(dayNumber: 0)

  static let soundCloud = """
    Machine Learning Intern (f/m/d)
    SoundCloud · Berlin, Germany · Hybrid

    SoundCloud is looking for a Machine Learning Intern to join our recommendations team.
    You will work with Python, PyTorch and SQL on models that reach millions of listeners.

    The internship runs from June 2nd to August 8th 2025.
    Please send your application by April 4th 2025.
    """

  static let sumUp = """
    ML Engineer
    SumUp · Berlin, Germany

    At SumUp we build tools that help small businesses get paid.
    Salary: €42K / €3,466 a month
    There is a performance review at the end of the first 3-month term.
    """

  static func draft(_ text: String) -> PostingDraft {
    PostingImporter.draft(fromText: text, contentTypeHint: nil, importDate: today, source: "pasted")
  }

  @Test func soundCloudKeepsItsPassedCutoffAndTheInternshipPeriod() {
    let draft = Self.draft(Self.soundCloud)
    let dates = draft.deadlines.map { "\($0.kind.rawValue) \($0.due.statedDay?.description ?? "-")" }
    #expect(dates.sorted() == [
      "applicationCutoff 2025-04-04", "contractEnd 2025-08-08", "startDate 2025-06-02",
    ])
    #expect(draft.posting.company == "SoundCloud")
    #expect(draft.remarks.contains { $0.contains("2025-04-04 has passed") })
  }

  @Test func sumUpKeepsTheReviewPendingOnTheStartAndBothPayFigures() {
    let draft = Self.draft(Self.sumUp)
    #expect(draft.deadlines.map(\.kind) == [.probationReview])
    #expect(draft.deadlines.first?.due == .relative(to: .startDate, offset: .months(3)))
    let pay = draft.posting.compensation
    #expect(pay?.text == "€42K / €3,466 a month")
    #expect(pay?.minimum == 42_000)
    #expect(pay?.maximum == 42_000)
    #expect(pay?.currency == "EUR")
    #expect(pay?.period == .year)
    #expect(draft.posting.company == "SumUp")
  }

  @Test func aDateWithoutAYearTakesItFromTheAdsOtherDatesBeforeToday() {
    let draft = Self.draft("Night Shift Supervisor\nApply by 30 May.\nThe post starts on 1 September 2025.")
    let cutoff = draft.deadlines.first { $0.kind == .applicationCutoff }
    #expect(cutoff?.due == .allDay(CivilDate(year: 2025, month: 5, day: 30) ?? Self.today))
    #expect(draft.remarks.contains { $0.contains("the ad's own dates") })
  }
}
