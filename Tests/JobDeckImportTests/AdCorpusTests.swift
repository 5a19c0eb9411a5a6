import Foundation
import JobDeckCore
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// The labelled corpus of `Tests/Fixtures/ads/` read field by field: each field must be right in
/// at least 95% of the ads, and no ad may get a cutoff it does not state (an invented cutoff
/// sends a person past a job still open, or to one that never closed).
@Suite("Ad corpus: read as a careful person does")
struct AdCorpusTests {
  static let ads = CorpusAd.all()

  @Test func theCorpusHasAtLeastSixtyAdsInEightLanguages() {
    #expect(Self.ads.count >= 60)
    let languages = Set(Self.ads.map { $0.file.split(separator: "-").dropFirst().first ?? "" })
    for language in ["en", "de", "fr", "it", "es", "pt", "nl", "pl"] {
      #expect(languages.contains(Substring(language)), "no ad in \(language)")
    }
  }

  @Test func everyFieldIsRightInAtLeast95PercentOfTheAdsAndNoCutoffIsInvented() {
    let readings = Self.ads.map { ad in
      (ad, CorpusReading(ad, draft: PostingImporter.draft(
        fromText: ad.text, contentTypeHint: nil, importDate: ad.importDate, url: ad.url)))
    }
    var report = ["Ad corpus: \(readings.count) ads"]
    for (ad, reading) in readings where !reading.mismatches.isEmpty {
      report.append("  \(ad.file): " + reading.mismatches.joined(separator: " | "))
    }
    // Held-out ads were written after the rules: their own figures say how far the rules carry.
    let heldOut = readings.filter { $0.0.isHeldOut }
    report.append("  field     all ads          held-out (\(heldOut.count))")
    for field in CorpusReading.fields {
      let right = readings.filter { $0.1.correct[field] == true }.count
      let share = Double(right) / Double(max(1, readings.count))
      let heldOutRight = heldOut.filter { $0.1.correct[field] == true }.count
      report.append("  \(field.padding(toLength: 8, withPad: " ", startingAt: 0)) "
        + "\(right)/\(readings.count) = \(String(format: "%5.1f", share * 100))%   "
        + "\(heldOutRight)/\(heldOut.count) = \(String(format: "%5.1f", Double(heldOutRight) / Double(max(1, heldOut.count)) * 100))%")
      #expect(share >= 0.95, "\(field): \(right) of \(readings.count) right")
    }
    let invented = readings.flatMap { ad, reading in
      reading.inventedCutoffs.map { "\(ad.file): \($0)" }
    }
    report.append("  invented cutoffs: \(invented.count)")
    print(report.joined(separator: "\n"))
    #expect(invented.isEmpty, "cutoffs the ads do not state: \(invented)")
  }
}
