/// The words people use for the store's kinds: "full-time", "working student", "on site".
/// The UI shows them and the CSV exporter writes them (its importer reads them back).
extension EmploymentType {
  /// "full-time", "working student": words, not the store's spelling.
  public var displayName: String {
    switch self {
    case .internship: return "internship"
    case .graduateProgramme: return "graduate programme"
    case .workingStudent: return "working student"
    case .fullTime: return "full-time"
    case .partTime: return "part-time"
    case .contract: return "contract"
    }
  }
}

extension Workplace {
  public var displayName: String {
    switch self {
    case .onSite: return "on site"
    case .hybrid: return "hybrid"
    case .remote: return "remote"
    }
  }
}
