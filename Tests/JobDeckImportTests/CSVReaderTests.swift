import Testing

@testable import JobDeckImport

@Suite("CSV reader (RFC 4180 as spreadsheets write it)")
struct CSVReaderTests {
  @Test func quotedFieldsKeepDelimitersAndDoubledQuotes() throws {
    let table = try CSVReader.read("Company,Title\n\"Acme, Inc.\",\"The \"\"best\"\" job\"\n")
    #expect(table.records.map(\.fields) == [["Acme, Inc.", "The \"best\" job"]])
  }

  @Test func embeddedNewlinesStayInsideTheFieldAndCountAsOneRow() throws {
    let table = try CSVReader.read("Company,Notes\nAcme,\"line one\nline two\"\nBeta,x\n")
    #expect(table.records.map(\.fields) == [["Acme", "line one\nline two"], ["Beta", "x"]])
    #expect(table.records.map(\.row) == [2, 3])
    #expect(table.records.map(\.line) == [2, 4])
  }

  @Test func crlfLineEndsAreRecordBreaksAndEmbeddedLineBreaksAreKeptAsWritten() throws {
    let table = try CSVReader.read("Company,Notes\r\nAcme,\"a\r\nb\rc\nd\"\r\nBeta,c\r\n")
    #expect(table.header == ["Company", "Notes"])
    #expect(table.records.map(\.fields) == [["Acme", "a\r\nb\rc\nd"], ["Beta", "c"]])
    #expect(table.records.map(\.line) == [2, 6])
  }

  @Test func byteOrderMarkIsNotPartOfTheFirstHeader() throws {
    let table = try CSVReader.read("\u{FEFF}Company,Title\nAcme,Dev")
    #expect(table.header == ["Company", "Title"])
  }

  @Test func missingFinalNewlineStillEndsTheLastRecord() throws {
    let table = try CSVReader.read("Company,Title\nAcme,Dev")
    #expect(table.records.map(\.fields) == [["Acme", "Dev"]])
  }

  @Test func semicolonDelimiterIsDetectedFromTheHeader() throws {
    let table = try CSVReader.read("Company;Title;Salary\nAcme;Dev;\"1,5 k\"\n")
    #expect(table.delimiter == ";")
    #expect(table.records.map(\.fields) == [["Acme", "Dev", "1,5 k"]])
  }

  @Test func tabDelimiterIsDetectedFromTheHeader() throws {
    let table = try CSVReader.read("Company\tTitle\nAcme, Inc.\tDev\n")
    #expect(table.delimiter == "\t")
    #expect(table.records.map(\.fields) == [["Acme, Inc.", "Dev"]])
  }

  @Test func unbalancedQuoteIsReportedAtTheRowWhereItOpened() {
    let text = "Company,Title\nAcme,Dev\nBeta,\"never closed\nmore\nstill more\n"
    #expect(throws: CSVError.unbalancedQuote(row: 3, line: 3)) { try CSVReader.read(text) }
    do {
      _ = try CSVReader.read(text)
    } catch {
      #expect(error.description.contains("row 3 (line 3)"))
      #expect(error.description.contains("never closed"))
    }
  }

  @Test func raggedRowWithMoreFieldsIsAnErrorNamingItsRow() throws {
    let table = try CSVReader.read("Company,Title\nAcme,Dev\nBeta,QA,extra\nGamma,Ops\n")
    #expect(table.records.map(\.fields) == [["Acme", "Dev"], ["Gamma", "Ops"]])
    #expect(table.errors == [.raggedRow(row: 3, line: 3, fieldCount: 3, headerCount: 2)])
    #expect(table.errors.first?.description.contains("row 3") == true)
  }

  @Test func shortRowsArePaddedWithEmptyFields() throws {
    let table = try CSVReader.read("Company,Title,Location\nAcme\n")
    #expect(table.records.map(\.fields) == [["Acme", "", ""]])
  }

  @Test func blankRowsAreSkippedButCounted() throws {
    let table = try CSVReader.read("Company,Title\n\n,\nAcme,Dev\n")
    #expect(table.records.map(\.row) == [4])
  }

  @Test func emptyFileIsAnError() {
    #expect(throws: CSVError.empty) { try CSVReader.read("\u{FEFF}") }
  }
}
