import Foundation
import JobDeckTestSupport
import Testing

/// A temporary directory with a store in it, and the real `jobdeck` binary run against it.
final class CLIWorkspace: Sendable {
  let directory: String
  var storePath: String { directory + "/store.json" }
  /// Pinned so dates in the output do not depend on when the tests run.
  let now = "2026-11-22T12:00:00Z"

  init() {
    let base = FileManager.default.temporaryDirectory.path
    directory = base + "/jobdeck-e2e-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  /// Runs `jobdeck ARGS --store <workspace store>`.
  @discardableResult
  func jobdeck(_ arguments: [String], stdin: String = "", useStoreOption: Bool = true,
               environment: [String: String] = [:]) throws -> ProcessResult {
    // The user's own store must never be touched: no inherited store variables, HOME here.
    var base = ProcessInfo.processInfo.environment
    base["JOBDECK_STORE"] = nil
    base["XDG_DATA_HOME"] = nil
    // Nor the user's config file: the one under HOME (here) applies unless a test names one.
    base["XDG_CONFIG_HOME"] = nil
    base["JOBDECK_CONFIG"] = nil
    base["HOME"] = directory
    base["TZ"] = "Europe/Berlin"
    base["JOBDECK_NOW"] = now
    let environment = base.merging(environment) { $1 }
    let storeArguments = useStoreOption && !arguments.contains("--help") ? ["--store", storePath] : []
    return try BuiltBinary.jobdeck().run(arguments + storeArguments, environment: environment,
                                         stdin: stdin)
  }

  func json(_ arguments: [String]) throws -> [String: Any] {
    let result = try jobdeck(arguments)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    return try #require(object as? [String: Any])
  }

  func jsonArray(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try jobdeck(arguments)
    #expect(result.exitCode == 0, "\(result.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    return try #require(object as? [[String: Any]])
  }

  func storeBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: storePath)) }

  func writeStore(_ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: storePath))
  }
}
