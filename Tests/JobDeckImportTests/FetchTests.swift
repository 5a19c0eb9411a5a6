import Foundation
import Testing

@testable import JobDeckImport

/// A throwaway web server on 127.0.0.1, started by the test itself with the system Python.
private final class LocalServer {
  let process = Process()
  let directory: URL
  let port: Int

  /// `mode` "serve" serves `directory`; "silent" accepts connections and never answers.
  init(mode: String = "serve", files: [String: String] = [:]) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobdeck-fetch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, contents) in files {
      try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let script = """
      import http.server, socket, sys, os, signal
      signal.signal(signal.SIGTERM, signal.SIG_DFL)
      os.chdir(sys.argv[2])
      if sys.argv[1] == "silent":
          s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
          print(s.getsockname()[1], flush=True)
          conns = []
          while True:
              c, _ = s.accept(); conns.append(c)
      class Quiet(http.server.SimpleHTTPRequestHandler):
          def log_message(self, *args): pass
      server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
      print(server.server_address[1], flush=True)
      server.serve_forever()
      """
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script, mode, directory.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let port = Int(text) else {
      kill(process.processIdentifier, SIGKILL)
      throw CocoaError(.fileReadUnknown)
    }
    self.port = port
  }

  func url(_ path: String) -> URL {
    URL(string: "http://127.0.0.1:\(port)/\(path)") ?? URL(fileURLWithPath: "/")
  }

  func stop() {
    // SIGKILL: the test runner's children may inherit an ignored SIGTERM.
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: directory)
  }

  deinit { stop() }
}

/// Serialized: one test deliberately leaves a request hanging until its timeout, and
/// FoundationNetworking's URLSession can hold other requests of the process behind it, which
/// would make "fails fast" meaningless.
@Suite(.serialized) struct FetchTests {
  @Test func fetchesAPageFromALocalServer() async throws {
    let server = try LocalServer(files: ["ad.html": "<html><body><h1>Intern (m/f/d)</h1></body></html>"])
    defer { server.stop() }
    let (text, contentType) = try await PostingFetcher.fetch(url: server.url("ad.html"), timeout: 10)
    #expect(text.contains("Intern (m/f/d)"))
    #expect(contentType?.contains("text/html") == true)
  }

  @Test func reportsTheHTTPStatusOfAMissingPage() async throws {
    let server = try LocalServer()
    defer { server.stop() }
    let url = server.url("gone.html")
    await #expect(throws: FetchError.httpStatus(url: url.absoluteString, status: 404)) {
      _ = try await PostingFetcher.fetch(url: url, timeout: 10)
    }
    let message = FetchError.httpStatus(url: url.absoluteString, status: 404).description
    #expect(message.contains("404") && message.contains(url.absoluteString))
  }

  @Test func refusedConnectionFailsFastWithAClearError() async throws {
    let server = try LocalServer()
    let url = server.url("ad.html")
    server.stop()
    let started = Date()
    do {
      _ = try await PostingFetcher.fetch(url: url, timeout: 30)
      Issue.record("a closed port should not answer")
    } catch let error as FetchError {
      guard case .connectionFailed(let failed, _) = error else {
        Issue.record("expected connectionFailed, got \(error)")
        return
      }
      #expect(failed == url.absoluteString)
      #expect(error.description.contains("could not connect"))
    }
    // Refused, not timed out: well before the 30 s timeout even on a loaded machine.
    #expect(Date().timeIntervalSince(started) < 20)
  }

  @Test func aServerThatNeverAnswersTimesOut() async throws {
    let server = try LocalServer(mode: "silent")
    defer { server.stop() }
    let url = server.url("ad.html")
    await #expect(throws: FetchError.timedOut(url: url.absoluteString, seconds: 1)) {
      _ = try await PostingFetcher.fetch(url: url, timeout: 1)
    }
  }

  @Test func refusesPagesLargerThanTheLimit() async throws {
    let server = try LocalServer(files: ["big.html": String(repeating: "x", count: 5000)])
    defer { server.stop() }
    let url = server.url("big.html")
    await #expect(throws: FetchError.tooLarge(url: url.absoluteString, limit: 1000)) {
      _ = try await PostingFetcher.fetch(url: url, timeout: 10, sizeLimit: 1000)
    }
  }

  @Test func onlyHTTPAndHTTPSAreFetched() async throws {
    let url = try #require(URL(string: "ftp://example.com/ad.txt"))
    await #expect(throws: FetchError.unsupportedScheme(url: "ftp://example.com/ad.txt")) {
      _ = try await PostingFetcher.fetch(url: url, timeout: 1)
    }
  }
}
