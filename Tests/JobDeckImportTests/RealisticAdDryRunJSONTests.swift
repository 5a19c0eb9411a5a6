import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// The `--dry-run --json` preview of a realistic paste, checked value by value against the
/// shape issue 3 gives.
@Suite struct RealisticAdDryRunJSONTests {
  static let ad = """
    Werkstudent (m/w/d) Marketing Analytics
    Kaffeerösterei Elbgold AG · Hamburg
    Teilzeit (20 Std./Woche) · Hybrid
    Veröffentlicht am 03.03.2025
    Vergütung: 16,50 € pro Stunde
    Beginn: 01.04.2025, befristet auf 12 Monate
    Probezeit: 3 Monate, mit einem Feedbackgespräch am Ende der ersten 3 Monate.
    Bewirb dich bis zum 20. März 2025, 23:59 Uhr MEZ.
    Up to date since © 2024.
    """

  private func root() throws -> [String: Any] {
    let importDate = try #require(CivilDate("2025-03-10"))
    let draft = PostingImporter.draft(fromText: Self.ad, contentTypeHint: nil,
                                      importDate: importDate, source: nil)
    let object = try JSONSerialization.jsonObject(with: Data(PostingImporter.dryRunJSON(draft).utf8))
    return try #require(object as? [String: Any])
  }

  @Test func postingCarriesTheIssuesKeysAndRawValues() throws {
    let posting = try #require(try root()["posting"] as? [String: Any])
    #expect(Set(posting.keys)
      == ["title", "company", "location", "employmentType", "postedOn", "compensation"])
    #expect(posting["title"] as? String == "Werkstudent (m/w/d) Marketing Analytics")
    #expect(posting["company"] as? String == "Kaffeerösterei Elbgold AG")
    #expect(posting["location"] as? String == "Hamburg")
    #expect(posting["employmentType"] as? String == "workingStudent")
    #expect(posting["postedOn"] as? String == "2025-03-03")
    let pay = try #require(posting["compensation"] as? [String: Any])
    #expect(Set(pay.keys) == ["text", "min", "max", "currency", "period"])
    #expect(pay["text"] as? String == "16,50 € pro Stunde")
    #expect((pay["min"] as? NSNumber)?.doubleValue == 16.5)
    #expect((pay["max"] as? NSNumber)?.doubleValue == 16.5)
    #expect(pay["currency"] as? String == "EUR")
    #expect(pay["period"] as? String == "hour")
  }

  @Test func deadlinesCarryDatesOrAnchorAndOffsetWithExplicitNulls() throws {
    let deadlines = try #require(try root()["deadlines"] as? [[String: Any]])
    for deadline in deadlines {
      #expect(Set(deadline.keys) == ["kind", "date", "relativeTo", "offset", "phrase"])
    }
    let summary = deadlines.map { deadline in
      [deadline["kind"], deadline["date"], deadline["relativeTo"], deadline["offset"]]
        .map { ($0 as? String) ?? "null" }.joined(separator: " ")
    }
    #expect(summary.sorted() == [
      "applicationCutoff 2025-03-20 null null",
      "contractEnd 2026-03-31 null null",
      "probationReview null startDate P3M",
      "startDate 2025-04-01 null null",
    ])
    #expect(deadlines.allSatisfy { ($0["phrase"] as? String)?.isEmpty == false })
  }
}
