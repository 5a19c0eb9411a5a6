import Testing

@testable import JobDeckImport

/// Whole ads in the shapes people paste, checked field by field against what a careful person
/// would take from them. A wrong deadline counts as a mistake just as a missed one does.
@Suite struct RealisticAdTests {
  static let ads = RealisticAdFixturesEnglish.all + RealisticAdFixturesEnglishProse.all
    + RealisticAdFixturesEurope.all

  @Test(arguments: ads)
  func readsTheAdAsAPersonWould(_ ad: RealisticAd) {
    let score = RealisticAdScore(ad)
    for mismatch in score.mismatches {
      Issue.record("\(ad.name): \(mismatch)")
    }
  }

  /// The tally across all ads, for comparing versions of the extractor.
  @Test func tally() {
    let scores = Self.ads.map(RealisticAdScore.init)
    let correct = scores.map(\.correct).reduce(0, +)
    let checked = scores.map(\.checked).reduce(0, +)
    print("Realistic ads: \(Self.ads.count) ads, \(correct)/\(checked) fields correct")
    #expect(checked > 0)
  }
}
