import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

public enum FetchError: Error, CustomStringConvertible, Equatable {
  case unsupportedScheme(url: String)
  case httpStatus(url: String, status: Int)
  case tooLarge(url: String, limit: Int)
  case timedOut(url: String, seconds: Double)
  case connectionFailed(url: String, reason: String)
  case notText(url: String)

  public var description: String {
    switch self {
    case .unsupportedScheme(let url):
      return "\(url): only http:// and https:// addresses can be fetched"
    case .httpStatus(let url, let status):
      return "\(url): the server answered HTTP \(status) "
        + "(\(HTTPURLResponse.localizedString(forStatusCode: status)))"
    case .tooLarge(let url, let limit):
      return "\(url): the page is larger than \(limit / 1_000_000) MB; not read"
    case .timedOut(let url, let seconds):
      return "\(url): no answer within \(Int(seconds)) seconds"
    case .connectionFailed(let url, let reason):
      return "\(url): could not connect (\(reason))"
    case .notText(let url):
      return "\(url): the response is not text in UTF-8 or Latin-1"
    }
  }
}

/// Fetches a job ad's page over HTTP(S), with a timeout and a size cap, so a wrong URL fails
/// fast with the status or the reason instead of hanging or filling memory.
public enum PostingFetcher {
  public static let defaultSizeLimit = 10_000_000

  public static func fetch(url: URL, timeout: TimeInterval = 20,
                           sizeLimit: Int = defaultSizeLimit) async throws
    -> (text: String, contentType: String?)
  {
    let address = url.absoluteString
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw FetchError.unsupportedScheme(url: address)
    }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                             timeoutInterval: timeout)
    request.setValue("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                     forHTTPHeaderField: "Accept")
    request.setValue("jobdeck (job-application tracker)", forHTTPHeaderField: "User-Agent")
    let collector = ResponseCollector(sizeLimit: sizeLimit)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    let outcome = await collector.run(session.dataTask(with: request))
    switch outcome {
    case .failure(let error as URLError) where error.code == .timedOut:
      throw FetchError.timedOut(url: address, seconds: timeout)
    case .failure(let error as URLError) where error.code == .cancelled && collector.exceeded:
      throw FetchError.tooLarge(url: address, limit: sizeLimit)
    case .failure(let error):
      throw FetchError.connectionFailed(url: address, reason: error.localizedDescription)
    case .success(let (data, response)):
      if collector.exceeded { throw FetchError.tooLarge(url: address, limit: sizeLimit) }
      guard let http = response as? HTTPURLResponse else {
        throw FetchError.connectionFailed(url: address, reason: "no HTTP response")
      }
      guard (200..<300).contains(http.statusCode) else {
        throw FetchError.httpStatus(url: address, status: http.statusCode)
      }
      let contentType = http.value(forHTTPHeaderField: "Content-Type")
      guard let text = String(data: data, encoding: .utf8)
        ?? String(data: data, encoding: .isoLatin1)
      else {
        throw FetchError.notText(url: address)
      }
      return (text, contentType)
    }
  }
}

/// Gathers the body as it arrives and cancels the transfer once it passes the size limit.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private let lock = NSLock()
  private let sizeLimit: Int
  private var data = Data()
  private var response: URLResponse?
  private var isExceeded = false
  private var continuation: CheckedContinuation<Result<(Data, URLResponse?), Error>, Never>?

  init(sizeLimit: Int) {
    self.sizeLimit = sizeLimit
  }

  var exceeded: Bool { lock.withLock { isExceeded } }

  func run(_ task: URLSessionDataTask) async -> Result<(Data, URLResponse?), Error> {
    await withCheckedContinuation { continuation in
      lock.withLock { self.continuation = continuation }
      task.resume()
    }
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask,
                  didReceive response: URLResponse,
                  completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
    let tooLarge = response.expectedContentLength > Int64(sizeLimit)
    lock.withLock {
      self.response = response
      if tooLarge { isExceeded = true }
    }
    completionHandler(tooLarge ? .cancel : .allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
    let overflow = lock.withLock { () -> Bool in
      data.append(chunk)
      if data.count > sizeLimit { isExceeded = true }
      return isExceeded
    }
    if overflow { dataTask.cancel() }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask,
                  didCompleteWithError error: Error?) {
    let (continuation, result) = lock.withLock {
      () -> (CheckedContinuation<Result<(Data, URLResponse?), Error>, Never>?, Result<(Data, URLResponse?), Error>) in
      let pending = self.continuation
      self.continuation = nil
      let outcome: Result<(Data, URLResponse?), Error> =
        error.map { .failure($0) } ?? .success((data, response ?? task.response))
      return (pending, outcome)
    }
    continuation?.resume(returning: result)
  }
}
