import Foundation
import JobDeckTestSupport
import Testing

@testable import JobDeckImport

/// `PostingFetcher` against a real web server on 127.0.0.1 started by each test
/// (`LocalHTTPServer`). The hostile pages are also tried through the real binary in
/// `HostileReadingTests`.
@Suite struct FetchTests {
  private func limits(bytes: Int = ReadingLimits.ad.maximumBytes, seconds: TimeInterval = 10)
    -> ReadingLimits
  {
    ReadingLimits(maximumBytes: bytes, totalTimeout: seconds)
  }

  private func url(_ text: String) throws -> URL { try #require(URL(string: text)) }

  @Test func fetchesAPageFromALocalServer() throws {
    let server = try LocalHTTPServer(files: ["ad.html": "<html><body><h1>Intern (m/f/d)</h1></body></html>"])
    let (text, contentType) = try PostingFetcher.fetch(url: url(server.url("ad.html")), limits: limits())
    #expect(text.contains("Intern (m/f/d)"))
    #expect(contentType?.contains("text/html") == true)
  }

  @Test func reportsTheHTTPStatusOfAMissingPage() throws {
    let server = try LocalHTTPServer()
    let address = server.url("gone.html")
    #expect(throws: FetchError.httpStatus(url: address, status: 404)) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits())
    }
    let message = FetchError.httpStatus(url: address, status: 404).description
    #expect(message.contains("404") && message.contains(address))
  }

  @Test func refusedConnectionFailsFastWithAClearError() throws {
    let server = try LocalHTTPServer()
    let address = server.url("ad.html")
    server.stop()
    let target = try url(address)
    let started = Date()
    do {
      _ = try PostingFetcher.fetch(url: target, limits: limits(seconds: 30))
      Issue.record("a closed port should not answer")
    } catch {
      guard case .connectionFailed(let failed, _) = error else {
        Issue.record("expected connectionFailed, got \(error)")
        return
      }
      #expect(failed == address)
      #expect(error.description.contains("could not connect"))
    }
    // Refused, not timed out: well before the 30 s timeout even on a loaded machine.
    #expect(Date().timeIntervalSince(started) < 20)
  }

  @Test func aServerThatNeverAnswersIsGivenUpOnAfterTheConnectTimeout() throws {
    let server = try LocalHTTPServer(silent: true)
    let address = server.url("ad.html")
    let limits = ReadingLimits(maximumBytes: 1000, connectTimeout: 1, totalTimeout: 30)
    let started = Date()
    #expect(throws: FetchError.noAnswer(url: address, seconds: 1)) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits)
    }
    #expect(Date().timeIntervalSince(started) < 20)
  }

  @Test func aPageThatTricklesStopsAtTheTotalTimeout() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/trickle")
    let started = Date()
    #expect(throws: FetchError.timedOut(url: address, seconds: 2)) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits(seconds: 2))
    }
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 1.5 && elapsed < 20, "stopped after \(elapsed) s")
  }

  @Test func refusesPagesLargerThanTheLimit() throws {
    let server = try LocalHTTPServer(files: ["big.html": String(repeating: "x", count: 5000)])
    let address = server.url("big.html")
    #expect(throws: FetchError.tooLarge(url: address, limit: 1000)) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits(bytes: 1000))
    }
  }

  @Test func countsTheDecompressedBytesOfAGzipBody() throws {
    let server = try LocalHTTPServer(bombMegabytes: 8)
    let address = server.url("hostile/gzip-bomb")
    #expect(throws: FetchError.tooLarge(url: address, limit: 1_000_000)) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits(bytes: 1_000_000))
    }
    // Within the limit, the body arrives decompressed.
    let (text, _) = try PostingFetcher.fetch(url: url(address), limits: limits(bytes: 9_000_000))
    #expect(text.hasPrefix("<p>Apply by 3 March 2027.</p>"))
    #expect(text.utf8.count == 8 * 32768 * "<p>Apply by 3 March 2027.</p>\n".utf8.count)
  }

  @Test func refusesAnImage() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/image")
    #expect(throws: FetchError.notTextPage(url: address, what: "Content-Type: image/png")) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits())
    }
  }

  @Test func refusesABodyWithNULBytes() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/nul")
    #expect(throws: FetchError.notTextPage(url: address, what: "a NUL byte at byte 20")) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits())
    }
  }

  @Test func reportsARedirectToAFileURLAsSuch() throws {
    let server = try LocalHTTPServer()
    let address = server.url("hostile/file-redirect")
    #expect(throws: FetchError.redirectRefused(url: address, target: "file:///etc/passwd")) {
      _ = try PostingFetcher.fetch(url: url(address), limits: limits())
    }
  }

  @Test func onlyHTTPAndHTTPSAreFetched() throws {
    #expect(throws: FetchError.unsupportedScheme(url: "ftp://example.com/ad.txt")) {
      _ = try PostingFetcher.fetch(url: url("ftp://example.com/ad.txt"), limits: limits())
    }
  }
}
