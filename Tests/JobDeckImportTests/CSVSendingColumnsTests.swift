import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

/// A tracking spreadsheet's "where found", "method" and "contact" columns reach the application.
@Suite("CSV import: source, method and sent to")
struct CSVSendingColumnsTests {
  let importedAt = Date(timeIntervalSince1970: 1_740_000_000)

  func rows(_ text: String) throws -> CSVImportResult {
    try CSVPostingImporter.importPostings(from: text, importedAt: importedAt)
  }

  @Test func theColumnsAreRecognisedByTheirUsualNames() {
    #expect(CSVColumn(header: "Found via") == .source)
    #expect(CSVColumn(header: "Source") == .source)
    #expect(CSVColumn(header: "application_method") == .method)
    #expect(CSVColumn(header: "How applied") == .method)
    #expect(CSVColumn(header: "Contact person") == .sentTo)
    #expect(CSVColumn(header: "Sent to") == .sentTo)
  }

  @Test func aRowGivesAnApplicationWithTheFields() throws {
    let text = """
      Company,Position,Status,Date applied,Found via,Method,Contact person
      Acme,Data Analyst,applied,2025-03-05,LinkedIn,E-Mail,"Jana Weber, jobs@acme.example"
      Initech,Analyst,,,Berlin Startup Jobs newsletter,,
      """
    let result = try rows(text)
    #expect(result.errors.isEmpty)
    var deck = Deck()
    _ = deck.importCSVRows(result.rows, at: importedAt, timeZone: TimeZone(identifier: "UTC")!)
    let acme = try #require(deck.applications.first { deck.company(of: $0) == "Acme" })
    #expect(acme.source == ApplicationSource(.linkedIn))
    #expect(acme.method == .email)
    #expect(acme.sentTo == "Jana Weber, jobs@acme.example")
    // A source alone is about the application too: it is kept on one at "saved".
    let initech = try #require(deck.applications.first { deck.company(of: $0) == "Initech" })
    #expect(initech.stage == .saved)
    #expect(initech.source?.displayName == "Berlin Startup Jobs newsletter")
  }

  @Test func reimportingFillsOnlyEmptyFieldsAndAnUnknownMethodIsARemark() throws {
    var deck = Deck()
    let first = "Company,Position,Status,Method\nAcme,Data Analyst,applied,post\n"
    _ = deck.importCSVRows(try rows(first).rows, at: importedAt, timeZone: .current)
    let second = "Company,Position,Status,Method,Found via\nAcme,Data Analyst,applied,fax,referral\n"
    let result = try rows(second)
    #expect(result.rows.first?.draft.remarks.contains { $0.contains("'Method'") && $0.contains("fax") } == true)
    _ = deck.importCSVRows(result.rows, at: importedAt, timeZone: .current)
    #expect(deck.applications.count == 1)
    #expect(deck.applications[0].method == .post)
    #expect(deck.applications[0].source == ApplicationSource(.referral))
  }
}
