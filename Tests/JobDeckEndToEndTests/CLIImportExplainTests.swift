import Foundation
import JobDeckTestSupport
import Testing

/// `jobdeck import --explain`: a person can check every field the importer read against the
/// words it came from and the rule that read them; an old ad keeps its dates, marked passed.
@Suite("CLI: import --explain")
struct CLIImportExplainTests {
  let workspace = CLIWorkspace()

  static let oldAd = """
    Data Analyst - CDI
    Paris · CDI · Télétravail partiel
    Publiée le 3 mars 2025

    Qui sont-ils ?
    Maison Papillon est une marque de cosmétiques solides fondée en 2017 à Lyon.

    Le poste est à pourvoir dès le 2 juin 2025.
    Date limite de candidature : 31 mars 2025
    """

  @Test func everyFieldShowsItsPhraseAndRuleAndAPassedCutoffIsMarked() throws {
    let result = try workspace.jobdeck(["import", "-", "--dry-run", "--explain"], stdin: Self.oldAd)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let output = result.standardOutput
    #expect(output.contains("  Company:   Maison Papillon\n      “Maison Papillon est une marque"))
    #expect(output.contains("  Posted:    2025-03-03\n      “Publiée le 3 mars 2025”\n      rule: the label “Publiée le”"),
            "\(output)")
    #expect(output.contains("    apply by: 2025-03-31  (cutoff passed 31 Mar 2025)"), "\(output)")
    #expect(output.contains("    start: 2025-06-02\n      “Le poste est à pourvoir dès le 2 juin 2025.”\n      rule: the label “à pourvoir”"),
            "\(output)")
    #expect(!FileManager.default.fileExists(atPath: workspace.storePath))
  }

  @Test func withoutExplainTheCompanysPhraseIsShownButNoRules() throws {
    let result = try workspace.jobdeck(["import", "-", "--dry-run"], stdin: Self.oldAd)
    #expect(result.standardOutput.contains("  Company:   Maison Papillon\n      “Maison Papillon est"))
    #expect(!result.standardOutput.contains("rule:"))
  }

  @Test func anAdWithoutACompanyIsImportedWithAWarningThatNamesTheOption() throws {
    let ad = "Warehouse Operative\nNight shifts, £12.50 an hour.\nApply by 30 November 2026.\n"
    let preview = try workspace.jobdeck(["import", "-", "--dry-run"], stdin: ad)
    #expect(preview.standardOutput.contains("  Company:   (not found in the ad: give it with --company)"))
    let result = try workspace.jobdeck(["import", "-"], stdin: ad)
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardError.contains("warning: found no company in -; give it with --company"))
    let given = try workspace.jobdeck(["import", "-", "--company", "Dockside Ltd", "--add-anyway"], stdin: ad)
    #expect(!given.standardError.contains("warning"))
  }
}
