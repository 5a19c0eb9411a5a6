import Foundation
import JobDeckCore
import Testing

@testable import JobDeckImport

@Suite("CSV posting import")
struct CSVImporterTests {
  let importedAt = Date(timeIntervalSince1970: 1_740_000_000)

  func result(_ text: String) throws -> CSVImportResult {
    try CSVPostingImporter.importPostings(from: text, importedAt: importedAt)
  }

  /// A cell is found by its column's position in `allCases`: a column out of place would read
  /// another column's cells.
  @Test func eachColumnsPositionIsItsPlaceAmongAllColumns() {
    #expect(CSVColumn.allCases.map(\.position) == Array(CSVColumn.allCases.indices))
  }

  @Test func headerSynonymsMapCaseInsensitivelyAndTrimmed() throws {
    let text = """
      " Employer ",Job Title,City,Job Link,Date Posted,Closing Date,Status,Date Applied,Compensation,Employment Type,Remote,TAGS
      Acme,Data Engineer,Berlin,https://acme.example/jobs/1,2025-03-01,2025-04-04,Interviewing,2025-03-05,€ 60K,Full-time,yes,python; sql | spark
      """
    let row = try #require(try result(text).rows.first)
    let posting = row.draft.posting
    #expect(posting.company == "Acme")
    #expect(posting.title == "Data Engineer")
    #expect(posting.location == "Berlin")
    #expect(posting.url == "https://acme.example/jobs/1")
    #expect(posting.posted == PostedDate(date: try #require(CivilDate("2025-03-01"))))
    #expect(posting.compensation?.text == "€ 60K")
    #expect(posting.employmentType == .fullTime)
    #expect(posting.workplace == .remote)
    #expect(posting.tags == ["python", "sql", "spark"])
    #expect(row.stage == .interview)
    #expect(row.appliedOn == CivilDate("2025-03-05"))
    #expect(row.draft.deadlines.map(\.kind) == [.applicationCutoff])
    #expect(row.draft.deadlines.first?.due == .allDay(try #require(CivilDate("2025-04-04"))))
  }

  /// A file longer than the importer's batches gives its rows in file order, each with its own
  /// cells and row number, and its bad rows by row.
  @Test func aLongFileGivesItsRowsAndErrorsInFileOrder() throws {
    var lines = ["Company,Title,Stage,Deadline"]
    var bad: [Int] = []
    for index in 0..<5000 {
      switch index % 997 {
      case 13:
        lines.append("Acme \(index),Role,dreaming,2025-04-04")
        bad.append(index + 2)
      case 500:
        lines.append("Acme \(index),Role,applied,2025-04-04,extra")
        bad.append(index + 2)
      default:
        lines.append("Acme \(index),Role \(index),applied,2025-04-04")
      }
    }
    let imported = try result(lines.joined(separator: "\n"))
    #expect(imported.errors.map(\.row) == bad)
    #expect(imported.rows.map(\.row) == (2...5001).filter { !bad.contains($0) })
    #expect(imported.rows.allSatisfy { row in
      row.draft.posting.company == "Acme \(row.row - 2)"
        && row.draft.posting.title == "Role \(row.row - 2)"
    })
  }

  @Test func otherSynonymsForEachColumn() throws {
    let text = "Organisation,Position,Link,Posted On,Apply By,Stage,Applied On,Salary,Type,Workplace\n"
      + "Acme,Dev,https://x.example,2025-01-02,2025-01-20,applied,2025-01-03,40k,internship,hybrid\n"
    let row = try #require(try result(text).rows.first)
    #expect(row.draft.posting.company == "Acme")
    #expect(row.draft.posting.title == "Dev")
    #expect(row.draft.posting.url == "https://x.example")
    #expect(row.draft.posting.employmentType == .internship)
    #expect(row.draft.posting.workplace == .hybrid)
    #expect(row.stage == .applied)
    for header in ["Organization", "Role", "Job"] {
      #expect(CSVColumn(header: header) != nil, "\(header)")
    }
    #expect(CSVColumn(header: "posting_url") == .url)
    #expect(CSVColumn(header: "Due") == .deadline)
  }

  @Test(arguments: [
    ("Interviewing", Stage.interview), ("offer received", .offer), ("No Response", .ghosted),
    ("ghosted", .ghosted), ("applied", .applied), ("Wishlist", .saved), ("bookmarked", .saved),
    ("declined", .withdrawn), ("Withdrawn", .withdrawn), ("rejected", .rejected),
    ("Hired", .accepted), ("accepted", .accepted), ("screening", .screening), ("OFFER", .offer),
  ])
  func stageSynonymsMapToStages(text: String, stage: Stage) throws {
    let row = try #require(try result("Company,Stage\nAcme,\(text)\n").rows.first)
    #expect(row.stage == stage)
  }

  @Test func unknownStageIsABadRowNamingRowAndColumn() throws {
    let imported = try result("Company,Title,Stage\nAcme,Dev,applied\nBeta,QA,foo\n")
    #expect(imported.rows.count == 1)
    let error = try #require(imported.errors.first)
    #expect(error.row == 3)
    #expect(error.column == "Stage")
    #expect(error.description.hasPrefix("row 3, column 'Stage': unknown stage 'foo' (expected one of saved, applied"))
  }

  @Test func columnIsNamedAsTheFileHeadsIt() throws {
    let imported = try result("Company,Status\nAcme,maybe\n")
    #expect(imported.errors.first?.description.hasPrefix("row 2, column 'Status'") == true)
  }

  @Test func rowWithNeitherCompanyNorTitleIsBad() throws {
    let imported = try result("Company,Title,Location\nAcme,,\n,,Berlin\n")
    #expect(imported.rows.count == 1)
    #expect(imported.errors.map(\.row) == [3])
    #expect(imported.errors.first?.description.contains("neither a company nor a title") == true)
  }

  @Test func unparsableDateIsABadRowNamingTheColumn() throws {
    let imported = try result("Company,Deadline\nAcme,next friday\n")
    #expect(imported.rows.isEmpty)
    #expect(imported.errors.first?.description
      == "row 2, column 'Deadline': 'next friday' is not a date (expected YYYY-MM-DD, DD.MM.YYYY,"
        + " DD/MM/YYYY or a written date with its year, such as 15 March 2027)")
  }

  @Test(arguments: [
    ("15. Februar 2027", "2027-02-15"), ("\"Feb 15, 2027\"", "2027-02-15"),
    ("15 février 2027", "2027-02-15"), ("15 de febrero de 2027", "2027-02-15"),
    ("1st March 2027", "2027-03-01"), ("  3 Mar 2027 ", "2027-03-03"),
  ])
  func aDateWrittenOutWithItsYearIsRead(_ cell: String, _ expected: String) throws {
    let imported = try result("Company,Deadline\nAcme,\(cell)\n")
    #expect(imported.errors.isEmpty, "\(imported.errors)")
    #expect(imported.rows.first?.draft.deadlines.first?.due == .allDay(CivilDate(expected)!))
  }

  /// The reading of a written date is remembered for the rows after it: each row still gets
  /// its own date, or its own error.
  @Test func aWrittenDateRepeatedDownTheColumnIsReadForEveryRow() throws {
    var text = "Company,Deadline\n"
    for row in 0..<12 {
      text += "Co \(row)," + (row % 3 == 0 ? "3 March 2027" : row % 3 == 1 ? "4 March 2027" : "soon")
        + "\n"
    }
    let imported = try result(text)
    #expect(imported.rows.map { $0.draft.deadlines.first?.due }
      == Array(repeating: [DeadlineDue.allDay(CivilDate("2027-03-03")!),
                           .allDay(CivilDate("2027-03-04")!)], count: 4).flatMap { $0 })
    #expect(imported.errors.map(\.row) == [4, 7, 10, 13])
  }

  @Test(arguments: ["15 Feb", "February 2027", "15 Feb 2027 or later", "2027", "Friday",
    "15 Feb 27", "Mar 3"])
  func aWrittenDateWithoutItsDayOrYearOrWithMoreIsABadRow(_ cell: String) throws {
    let imported = try result("Company,Deadline\nAcme,\(cell)\n")
    #expect(imported.rows.isEmpty)
    #expect(imported.errors.first?.column == "Deadline")
  }

  @Test func stagesWrittenInGermanFrenchSpanishOrDutchAreRead() throws {
    let imported = try result(
      "Firma,Stelle,Status\nA,X,Beworben\nB,Y,Absage\nC,Z,entretien\nD,W,Sin respuesta\nE,V,Afgewezen\n")
    #expect(imported.errors.isEmpty, "\(imported.errors)")
    #expect(imported.rows.map(\.stage) == [.applied, .rejected, .interview, .ghosted, .rejected])
  }

  @Test func germanFrenchAndSpanishHeadersNameTheColumns() throws {
    let german = try result(
      "Firma;Stelle;Ort;Bewerbungsfrist;Link\nAlpha AG;Backend-Entwickler;München;31.12.2026;https://alpha.example/1\n")
    let posting = try #require(german.rows.first?.draft.posting)
    #expect(posting.company == "Alpha AG")
    #expect(posting.title == "Backend-Entwickler")
    #expect(posting.location == "München")
    #expect(posting.url == "https://alpha.example/1")
    #expect(german.rows.first?.draft.deadlines.first?.due == .allDay(CivilDate("2026-12-31")!))
    let french = try result("Entreprise,Poste,Ville,Date limite\nBeta SAS,Analyste,Lyon,2027-01-10\n")
    #expect(french.rows.first?.draft.posting.company == "Beta SAS")
    #expect(french.rows.first?.draft.posting.title == "Analyste")
    let spanish = try result("Empresa,Puesto,Ciudad\nGamma SL,Ingeniera,Madrid\n")
    #expect(spanish.rows.first?.draft.posting.location == "Madrid")
  }

  @Test func impossibleDateIsABadRow() throws {
    let imported = try result("Company,Deadline\nAcme,2025-02-30\n")
    #expect(imported.errors.map(\.column) == ["Deadline"])
  }

  @Test func germanDottedDatesAreDayFirst() throws {
    let row = try #require(try result("Company,Deadline\nAcme,03.04.2025\n").rows.first)
    #expect(row.draft.deadlines.first?.due == .allDay(try #require(CivilDate("2025-04-03"))))
  }

  @Test func slashedDatesAreDayFirstWhenAnyValueInTheColumnHasADayAbove12() throws {
    let imported = try result("Company,Deadline\nAcme,03/04/2025\nBeta,25/04/2025\n")
    #expect(imported.errors.isEmpty)
    #expect(imported.rows.first?.draft.deadlines.first?.due
      == .allDay(try #require(CivilDate("2025-04-03"))))
  }

  @Test func slashedDatesAreMonthFirstWhenAnyValueHasASecondPartAbove12() throws {
    let imported = try result("Company,Deadline\nAcme,03/04/2025\nBeta,04/25/2025\n")
    #expect(imported.rows.first?.draft.deadlines.first?.due
      == .allDay(try #require(CivilDate("2025-03-04"))))
  }

  @Test func slashedDatesWithNoEvidenceAreAmbiguousRowErrors() throws {
    let imported = try result("Company,Deadline\nAcme,03/04/2025\nBeta,05/06/2025\nGamma,07/07/2025\n")
    #expect(imported.errors.map(\.row) == [2, 3])
    #expect(imported.errors.first?.description.hasPrefix("row 2, column 'Deadline': '03/04/2025' could be day/month or month/day") == true)
    #expect(imported.rows.count == 1)
  }

  @Test func anotherDateColumnSettlesTheOrderForAColumnWithoutEvidence() throws {
    let imported = try result("Company,Posted,Deadline\nAcme,20/03/2025,03/04/2025\n")
    #expect(imported.errors.isEmpty)
    #expect(imported.rows.first?.draft.deadlines.first?.due
      == .allDay(try #require(CivilDate("2025-04-03"))))
  }

  @Test func raggedRowsBecomeRowErrors() throws {
    let imported = try result("Company,Title\nAcme,Dev,extra\n")
    #expect(imported.errors.map(\.description) == ["row 2: 3 fields, but the header has 2 (an unquoted delimiter inside a value?)"])
  }

  @Test func headerWithoutCompanyOrTitleIsFatal() {
    #expect(throws: CSVError.missingColumns("company or title", found: ["Foo", "Bar"])) {
      try CSVPostingImporter.importPostings(from: "Foo,Bar\n1,2\n", importedAt: Date())
    }
  }

  @Test func unknownColumnsAreListedAsIgnored() throws {
    #expect(try result("Company,Recruiter\nAcme,Jo\n").ignoredColumns == ["Recruiter"])
  }

  @Test func unknownEmploymentTypeIsARemarkNotAnError() throws {
    let imported = try result("Company,Type\nAcme,gig\n")
    #expect(imported.errors.isEmpty)
    #expect(imported.rows.first?.draft.posting.employmentType == nil)
    #expect(imported.rows.first?.draft.remarks.first?.contains("'gig'") == true)
  }
}
