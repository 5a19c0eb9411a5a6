import Foundation

/// One HTTP request other than a page GET (CalDAV's PUT and DELETE), through the same libcurl
/// transfer as `PostingFetcher`, with its size cap and timeouts. Redirects are not followed, and
/// any status comes back to the caller, whose protocol gives each one its meaning (412, 401).
public enum HTTPExchange {
  public struct Answer: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data
  }

  /// Answers of a calendar server are short: a status page or a multistatus list.
  public static let calendarLimits = ReadingLimits(maximumBytes: 2_000_000, totalTimeout: 60)

  public static func send(_ method: String, to url: URL, headers: [String], body: Data? = nil,
                          limits: ReadingLimits = calendarLimits) throws(FetchError) -> Answer
  {
    guard FetchTransfer.isFetchable(url) else {
      throw .unsupportedScheme(url: url.absoluteString)
    }
    let transfer = FetchTransfer(address: url.absoluteString, limits: limits,
                                 secondsLeft: limits.totalTimeout)
    // "Expect:" stops libcurl from waiting for a `100 Continue` some servers never send.
    let request = FetchTransfer.Request(method: method, headers: headers + ["Expect:"],
                                        body: body)
    let response = try transfer.run(url, request: request)
    return Answer(status: response.status, headers: response.headers, body: response.body)
  }
}
