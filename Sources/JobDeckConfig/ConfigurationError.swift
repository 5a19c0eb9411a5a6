/// A config file JobDeck will not run with: where (file:line:column), what it found there and
/// what it allows instead.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  /// What is wrong, quoting what was found.
  public var problem: String
  /// What would be accepted there.
  public var allowed: String

  public init(file: String, line: Int, column: Int, problem: String, allowed: String) {
    self.file = file
    self.line = line
    self.column = column
    self.problem = problem
    self.allowed = allowed
  }

  public var description: String {
    "\(file):\(line):\(column): \(problem); allowed: \(allowed)"
  }
}
