import CCurlFetch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

public enum FetchError: Error, CustomStringConvertible, Equatable {
  case unsupportedScheme(url: String)
  case httpStatus(url: String, status: Int)
  case tooLarge(url: String, limit: Int)
  /// The server did not start answering within the connect timeout.
  case noAnswer(url: String, seconds: Double)
  /// The page did not arrive whole within the total timeout.
  case timedOut(url: String, seconds: Double)
  /// The answer started, then nothing more came for the connect timeout.
  case stalled(url: String, seconds: Double)
  case connectionFailed(url: String, reason: String)
  case notText(url: String)
  /// An image, a PDF, a body with NUL bytes: `what` says which.
  case notTextPage(url: String, what: String)
  case redirectRefused(url: String, target: String)

  public var description: String {
    switch self {
    case .unsupportedScheme(let url):
      return "\(url): only http:// and https:// addresses can be fetched"
    case .httpStatus(let url, let status):
      return "\(url): the server answered HTTP \(status) "
        + "(\(HTTPURLResponse.localizedString(forStatusCode: status)))"
    case .tooLarge(let url, let limit):
      return "\(url): the page is larger than \(ReadingLimits.describe(bytes: limit)), the limit "
        + "for this import; stopped reading, nothing imported (a larger limit: --max-size)"
    case .noAnswer(let url, let seconds):
      return "\(url): no answer within \(ReadingLimits.describe(seconds: seconds))"
    case .timedOut(let url, let seconds):
      return "\(url): the page did not arrive within \(ReadingLimits.describe(seconds: seconds)); "
        + "stopped, nothing imported (a longer limit: --timeout)"
    case .stalled(let url, let seconds):
      return "\(url): the server sent nothing for \(ReadingLimits.describe(seconds: seconds)); "
        + "stopped, nothing imported"
    case .connectionFailed(let url, let reason):
      return "\(url): could not connect (\(reason))"
    case .notText(let url):
      return "\(url): the response is not text in UTF-8 or Latin-1"
    case .notTextPage(let url, let what):
      return "\(url): not a text or HTML page (\(what)); nothing imported"
    case .redirectRefused(let url, let target):
      return "\(url): the server redirects to \(target); only http:// and https:// addresses "
        + "are followed, nothing imported"
    }
  }
}

/// Fetches a job ad's page over HTTP(S) within `ReadingLimits`, so a wrong or hostile URL fails
/// fast with the status or the reason instead of hanging or filling memory.
///
/// Through libcurl directly, not URLSession: FoundationNetworking on Linux decompresses a gzip
/// body whatever the request asks and hands it to the delegate asynchronously, so a small gzip
/// bomb is decompressed whole into memory before a delegate counting the bytes can cancel it,
/// and it honours no total timeout. Here every decompressed piece passes `FetchTransfer.take(_:)`
/// before the next is made, and the deadlines are libcurl's own.
public enum PostingFetcher {
  /// Redirects followed before giving up, as browsers allow about twenty.
  static let redirectLimit = 10

  public static func fetch(url: URL, limits: ReadingLimits = .ad) throws(FetchError)
    -> (text: String, contentType: String?)
  {
    let address = url.absoluteString
    guard FetchTransfer.isFetchable(url) else { throw .unsupportedScheme(url: address) }
    let started = ContinuousClock.now
    var current = url
    for _ in 0...redirectLimit {
      let spent = (ContinuousClock.now - started).seconds
      let transfer = FetchTransfer(address: address, limits: limits,
                                   secondsLeft: limits.totalTimeout - spent)
      let response = try transfer.run(current)
      if (300..<400).contains(response.status), let location = response.header("location") {
        guard let target = URL(string: location, relativeTo: current)?.absoluteURL else {
          throw .redirectRefused(url: address, target: location)
        }
        guard FetchTransfer.isFetchable(target) else {
          throw .redirectRefused(url: address, target: target.absoluteString)
        }
        current = target
        continue
      }
      guard (200..<300).contains(response.status) else {
        throw .httpStatus(url: address, status: response.status)
      }
      if let type = response.header("content-type"), !FetchTransfer.isTextType(type) {
        throw .notTextPage(url: address, what: "Content-Type: \(type)")
      }
      guard let text = String(data: response.body, encoding: .utf8)
        ?? String(data: response.body, encoding: .isoLatin1)
      else {
        throw .notText(url: address)
      }
      return (text, response.header("content-type"))
    }
    throw .connectionFailed(url: address, reason: "more than \(redirectLimit) redirects")
  }
}

/// One request: gathers the headers and the body as libcurl delivers them, and stops the
/// transfer at the size limit, at a binary body, or when the server has not started answering
/// within the connect timeout.
final class FetchTransfer {
  struct Response {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name] }
  }

  private let address: String
  private let limits: ReadingLimits
  private let secondsLeft: TimeInterval
  private let started = ContinuousClock.now
  private var body = Data()
  private var headers: [String: String] = [:]
  private var status = 0
  private var answered = false
  private var refusal: FetchError?

  init(address: String, limits: ReadingLimits, secondsLeft: TimeInterval) {
    self.address = address
    self.limits = limits
    self.secondsLeft = secondsLeft
  }

  static func isFetchable(_ url: URL) -> Bool {
    guard let scheme = url.scheme?.lowercased() else { return false }
    return scheme == "http" || scheme == "https"
  }

  /// What to send: a GET of a page unless a caller (CalDAV publishing) says otherwise.
  struct Request {
    var method: String?
    var headers = ["Accept: text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"]
    var body: Data?
  }

  func run(_ url: URL, request details: Request = Request()) throws(FetchError) -> Response {
    guard secondsLeft > 0 else { throw .timedOut(url: address, seconds: limits.totalTimeout) }
    let lines = details.headers + ["User-Agent: jobdeck (job-application tracker)"]
    let cLines = lines.map { strdup($0) }
    defer { cLines.forEach { free($0) } }
    let cMethod = details.method.flatMap { strdup($0) }
    defer { cMethod.map { free($0) } }
    let requestBody = details.body ?? Data()
    var result = jd_fetch_result()
    let context = Unmanaged.passUnretained(self).toOpaque()
    url.absoluteString.withCString { cURL in
      var pointers: [UnsafePointer<CChar>?] = cLines.map { UnsafePointer($0) } + [nil]
      pointers.withUnsafeMutableBufferPointer { headerList in
        requestBody.withUnsafeBytes { bodyBytes in
          var request = jd_fetch_request(
            url: cURL, method: cMethod.map { UnsafePointer($0) },
            // No body at all (NULL) for a GET; an empty Data may still have an address.
            body: details.body == nil ? nil
              : bodyBytes.baseAddress?.assumingMemoryBound(to: CChar.self),
            body_length: requestBody.count,
            headers: UnsafePointer(headerList.baseAddress),
            connect_timeout_ms: Int(limits.connectTimeout * 1000),
            total_timeout_ms: max(1, Int(secondsLeft * 1000)),
            on_body: { bytes, count, context in
              guard let bytes, let context else { return 0 }
              let transfer = Unmanaged<FetchTransfer>.fromOpaque(context).takeUnretainedValue()
              return transfer.take(UnsafeRawBufferPointer(start: bytes, count: count)) ? 1 : 0
            },
            on_header: { bytes, count, context in
              guard let bytes, let context else { return }
              let transfer = Unmanaged<FetchTransfer>.fromOpaque(context).takeUnretainedValue()
              transfer.takeHeader(UnsafeRawBufferPointer(start: bytes, count: count))
            },
            on_progress: { context in
              guard let context else { return 0 }
              let transfer = Unmanaged<FetchTransfer>.fromOpaque(context).takeUnretainedValue()
              return transfer.mayGoOn() ? 1 : 0
            },
            context: context)
          jd_fetch(&request, &result)
        }
      }
    }
    if let refusal { throw refusal }
    switch Int(result.outcome) {
    case Int(JD_FETCH_DONE.rawValue):
      return Response(status: Int(result.status), headers: headers, body: body)
    case Int(JD_FETCH_TIMED_OUT.rawValue):
      if !answered && (ContinuousClock.now - started).seconds < secondsLeft - 0.5 {
        throw .noAnswer(url: address, seconds: limits.connectTimeout)
      }
      throw .timedOut(url: address, seconds: limits.totalTimeout)
    case Int(JD_FETCH_CONNECT_FAILED.rawValue):
      throw .connectionFailed(url: address, reason: Self.message(result))
    default:
      throw .connectionFailed(url: address, reason: Self.message(result))
    }
  }

  private static func message(_ result: jd_fetch_result) -> String {
    var error = result.error
    return withUnsafeBytes(of: &error) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  /// A piece of the body; false stops the transfer.
  private func take(_ piece: UnsafeRawBufferPointer) -> Bool {
    answered = true
    if (200..<300).contains(status), let type = headers["content-type"], !Self.isTextType(type) {
      refusal = .notTextPage(url: address, what: "Content-Type: \(type)")
      return false
    }
    if body.count + piece.count > limits.maximumBytes {
      refusal = .tooLarge(url: address, limit: limits.maximumBytes)
      return false
    }
    if let nul = piece.firstIndex(of: 0), (200..<300).contains(status) {
      refusal = .notTextPage(url: address, what: "a NUL byte at byte \(body.count + nul + 1)")
      return false
    }
    body.append(contentsOf: piece)
    return true
  }

  /// A header line; a status line starts a new response (after `100 Continue`).
  private func takeHeader(_ line: UnsafeRawBufferPointer) {
    answered = true
    let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("HTTP/") {
      headers = [:]
      body = Data()
      let parts = text.split(separator: " ")
      status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
      return
    }
    guard let colon = text.firstIndex(of: ":") else { return }
    let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    if headers[name] == nil { headers[name] = value }
  }

  /// Whether the transfer may go on: false once the connect timeout has passed without a byte
  /// of answer (a server that accepts the connection and says nothing).
  private func mayGoOn() -> Bool {
    if answered || (ContinuousClock.now - started).seconds < limits.connectTimeout { return true }
    refusal = .noAnswer(url: address, seconds: limits.connectTimeout)
    return false
  }

  /// Text, HTML, XML and JSON (JSON-LD) are pages; images, PDFs, audio, video, fonts and
  /// archives are not.
  static func isTextType(_ contentType: String) -> Bool {
    let type = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
      .lowercased() ?? ""
    if type.isEmpty || type.hasPrefix("text/") { return true }
    if type.hasSuffix("+xml") || type.hasSuffix("+json") { return true }
    return ["application/xml", "application/json", "application/xhtml+xml",
            "application/ld+json"].contains(type)
  }
}

extension Duration {
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
