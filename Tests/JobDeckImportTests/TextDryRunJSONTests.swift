import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite struct TextDryRunJSONTests {
  private func parsed(_ draft: PostingDraft) throws -> [String: Any] {
    let json = PostingImporter.dryRunJSON(draft)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try #require(object as? [String: Any])
  }

  private func draft(_ text: String) -> PostingDraft {
    PostingImporter.draft(fromText: text, contentTypeHint: nil,
                          importDate: TextAdFixtures.importDate, source: nil)
  }

  @Test func hasTheIssuesShapeWithExplicitNulls() throws {
    let root = try parsed(draft(TextAdFixtures.ukInitialTerm))
    #expect(Set(root.keys) == ["posting", "deadlines", "remarks", "openDates"])
    let posting = try #require(root["posting"] as? [String: Any])
    #expect(Set(posting.keys) == ["title", "company", "location", "employmentType", "postedOn", "compensation"])
    #expect(posting["postedOn"] is NSNull)
    #expect(posting["employmentType"] as? String == "contract")
    let pay = try #require(posting["compensation"] as? [String: Any])
    #expect(Set(pay.keys) == ["text", "min", "max", "currency", "period"])
    #expect((pay["min"] as? NSNumber)?.doubleValue == 38_000)
    #expect(pay["period"] as? String == "year")
    let deadlines = try #require(root["deadlines"] as? [[String: Any]])
    for deadline in deadlines {
      #expect(Set(deadline.keys) == ["kind", "date", "relativeTo", "offset", "phrase"])
    }
    let cutoff = try #require(deadlines.first { $0["kind"] as? String == "applicationCutoff" })
    #expect(cutoff["date"] as? String == "2025-03-14")
    #expect(cutoff["relativeTo"] is NSNull)
    #expect(cutoff["offset"] is NSNull)
    let review = try #require(deadlines.first { $0["kind"] as? String == "probationReview" })
    #expect(review["date"] is NSNull)
    #expect(review["relativeTo"] as? String == "startDate")
    #expect(review["offset"] as? String == "P3M")
    #expect((root["openDates"] as? [String]) == ["Start: ASAP"])
  }

  @Test func writesNullCompensationAndLocationWhenAbsent() throws {
    let root = try parsed(draft("Mystery Role\nClosing date: 2025-04-30"))
    let posting = try #require(root["posting"] as? [String: Any])
    #expect(posting["compensation"] is NSNull)
    #expect(posting["location"] is NSNull)
    #expect(posting["employmentType"] is NSNull)
  }

  @Test func listsProgrammeStartAndEndAsStartDateAndContractEnd() throws {
    let root = try parsed(draft(TextAdFixtures.polishInternship))
    let deadlines = try #require(root["deadlines"] as? [[String: Any]])
    let kinds = deadlines.compactMap { $0["kind"] as? String }
    #expect(kinds.contains("startDate") && kinds.contains("contractEnd"))
    let end = try #require(deadlines.first { $0["kind"] as? String == "contractEnd" })
    #expect(end["date"] as? String == "2025-09-30")
    #expect((end["phrase"] as? String)?.contains("od 1 lipca do 30 września 2025") == true)
  }

  @Test func timedCutoffShowsItsCivilDateInItsOwnZone() throws {
    let root = try parsed(draft("Apply by March 3rd, 2025, 11:59 pm PST."))
    let deadlines = try #require(root["deadlines"] as? [[String: Any]])
    #expect(deadlines.first?["date"] as? String == "2025-03-03")
  }

  @Test func sortsKeysAndWritesWholeNumbersWithoutAFraction() {
    let json = PostingImporter.dryRunJSON(draft("Engineer\nSalary: € 42K"))
    #expect(json.contains("\"min\": 42000,"))
    let keys = ["\"company\"", "\"compensation\"", "\"employmentType\"", "\"location\"",
                "\"postedOn\"", "\"title\""].compactMap { json.range(of: $0)?.lowerBound }
    #expect(keys == keys.sorted())
    #expect(keys.count == 6)
  }

  @Test func escapesControlCharactersInPhrases() {
    let json = JSONValue.quoted("a\u{1B}[2J\"b\"\n")
    #expect(json == "\"a\\u001B[2J\\\"b\\\"\\n\"")
  }
}
