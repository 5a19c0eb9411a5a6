import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// An ad far longer than any real one (a whole page or a log pasted by mistake) is read from
/// its head and its tail, and says so; the description keeps everything.
@Suite struct LongAdTests {
  let importDate = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(dayNumber: 0)

  func longAd(middleLines: Int) -> String {
    let head = "Data Intern (m/f/d)\nNimbus Analytics GmbH\nLocation: Berlin, Germany\n\n"
    let middle = String(repeating:
      "You will work with engineers and designers to ship features end to end.\n"
      + "Our last offsite was held on 3 May 2026 in Lisbon.\n", count: middleLines)
    return head + middle + "\nApplications close on 14 January 2027.\n"
  }

  @Test func aShortAdIsReadWhole() {
    let text = longAd(middleLines: 10)
    #expect(AnalysedText.window(of: text).text == text)
    #expect(AnalysedText.window(of: text).remark == nil)
  }

  @Test func aLongAdIsReadFromItsHeadAndTail() throws {
    let text = longAd(middleLines: 20_000)
    let draft = PostingTextExtractor.extract(text: text, importDate: importDate, source: nil)
    #expect(draft.posting.title == "Data Intern (m/f/d)")
    #expect(draft.posting.company == "Nimbus Analytics GmbH")
    let cutoff = try #require(draft.deadlines.first { $0.kind == .applicationCutoff })
    #expect(cutoff.due == .allDay(try #require(CivilDate(year: 2027, month: 1, day: 14))))
    #expect(draft.posting.description == text)
    let remark = try #require(draft.remarks.first)
    #expect(remark.hasPrefix("The text is 2460 KB: fields and dates were read from its first 47 KB and its last 15 KB only"))
    #expect(remark.hasSuffix("the whole text is kept as the description."))
  }

  @Test func aLongTextWithoutLineBreaksIsCutOnCharacterBoundaries() {
    let text = String(repeating: "é👩‍💻x", count: 40_000)
    let window = AnalysedText.window(of: text)
    #expect(window.remark != nil)
    #expect(window.text.utf8.count <= AnalysedText.headBytes + AnalysedText.tailBytes + 2)
    #expect(window.text.hasPrefix("é👩‍💻x"))
  }
}
