import Foundation

/// Runs a configured command that prints a secret (`pass show caldav`), through the one
/// launcher, so that no password has to sit in a file, an argument or the store.
public enum SecretCommand {
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// The first line the command prints (what `pass` and most password managers print first).
  public static func run(_ command: String) throws(Failure) -> String {
    let finished: ChildProcess.Finished
    do {
      finished = try ChildProcess.run(["/bin/sh", "-c", command], collecting: .output,
                                      limit: 64 * 1024)
    } catch {
      throw Failure(description: "the password command could not be started: \(error)")
    }
    guard finished.status == 0 else {
      let how = finished.status.map { "exit status \($0)" } ?? "killed by a signal"
      throw Failure(description: "the password command \"\(command)\" failed (\(how))")
    }
    let line = finished.text.split(separator: "\n", omittingEmptySubsequences: false).first
      .map(String.init) ?? ""
    guard !line.isEmpty else {
      throw Failure(description: "the password command \"\(command)\" printed nothing")
    }
    return line.hasSuffix("\r") ? String(line.dropLast()) : line
  }
}
