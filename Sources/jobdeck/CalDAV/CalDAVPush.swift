import Foundation
import JobDeckImport
import JobDeckStore

/// One push of the deadlines to a CalDAV collection (RFC 4791): one resource per event, sent
/// only when its text changed since the last push, under a precondition so that nothing edited
/// on the server since is overwritten.
struct CalDAVPush {
  /// What to do with one resource.
  enum Step: Equatable {
    /// `If-None-Match: *`: only if the server has no such resource yet.
    case create(href: String, text: String, contentHash: String)
    /// `If-Match: etag`: only if the server still has what the last push left.
    case update(href: String, text: String, contentHash: String, etag: String?)
    /// `If-Match: etag`: an item no longer published (done, dismissed, closed).
    case delete(href: String, etag: String?)

    var href: String {
      switch self {
      case .create(let href, _, _), .update(let href, _, _, _), .delete(let href, _): href
      }
    }
  }

  /// The steps that bring the collection from `published` to `items`; none when nothing changed.
  /// The hash leaves out `DTSTAMP` (the moment of the export), so an unchanged deadline is not
  /// sent again every time.
  static func plan(items: [(uid: String, text: String)], collectionPath: String,
                   published: [String: CalDAVState.Resource]) -> [Step]
  {
    var steps: [Step] = []
    var current = Set<String>()
    for item in items {
      let href = collectionPath + resourceName(for: item.uid)
      current.insert(href)
      let hash = CalDAVState.contentHash(of: stampless(item.text))
      if let previous = published[href] {
        if previous.contentHash != hash {
          steps.append(.update(href: href, text: item.text, contentHash: hash,
                               etag: previous.etag))
        }
      } else {
        steps.append(.create(href: href, text: item.text, contentHash: hash))
      }
    }
    for (href, resource) in published.sorted(by: { $0.key < $1.key })
    where !current.contains(href) {
      steps.append(.delete(href: href, etag: resource.etag))
    }
    return steps
  }

  /// `abc-1@jobdeck` → `abc-1_40jobdeck.ics`: letters, digits, `-` and `.` as they are, any
  /// other byte as `_` and two hex digits, so the name is safe in a URL path and two UIDs never
  /// share one.
  static func resourceName(for uid: String) -> String {
    var name = ""
    for byte in uid.utf8 {
      let scalar = Unicode.Scalar(byte)
      if byte < 0x80, CharacterSet.alphanumerics.contains(scalar) || byte == 0x2D || byte == 0x2E {
        name.unicodeScalars.append(scalar)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        name += "_" + (hex.count < 2 ? "0" + hex : hex)
      }
    }
    return name + ".ics"
  }

  private static func stampless(_ text: String) -> String {
    text.split(separator: "\r\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("DTSTAMP:") }.joined(separator: "\r\n")
  }

  /// What a push did, for the command's output.
  struct Outcome {
    var lines: [String] = []
    /// Resources edited on the server since the last push, left as they are there.
    var conflicts: [String] = []
    var failures: [String] = []
  }

  /// The credentials were refused: nothing more is tried.
  struct Refused: Error {
    var collection: URL
    var status: Int

    var message: String {
      "\(collection.absoluteString): the server refused the credentials (HTTP \(status)):"
        + " check the user name and password ($JOBDECK_CALDAV_USERNAME and"
        + " $JOBDECK_CALDAV_PASSWORD, or username and password_command in [caldav])"
    }
  }

  /// The collection cannot be used: unreachable, missing, or not a calendar server.
  struct Unusable: Error {
    var message: String
  }

  let account: CalDAVAccount

  /// Asks the server about the collection (`PROPFIND`, depth 0) before anything else, so that
  /// wrong credentials or a wrong address are reported even when nothing changed.
  func checkCollection() throws {
    var headers = account.authorizationHeader.map { [$0] } ?? []
    headers += ["Depth: 0", "Content-Type: application/xml; charset=utf-8"]
    let body = """
      <?xml version="1.0" encoding="utf-8"?>
      <propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>
      """
    let answer: HTTPExchange.Answer
    do throws(FetchError) {
      answer = try HTTPExchange.send("PROPFIND", to: account.collection, headers: headers,
                                     body: Data(body.utf8))
    } catch {
      throw Unusable(message: error.description)
    }
    switch answer.status {
    case 207, 200: return
    case 401, 403: throw Refused(collection: account.collection, status: answer.status)
    case 404: throw Unusable(message: "\(account.collection.absoluteString): no such calendar on"
      + " the server (HTTP 404); create it in the server's web interface first")
    default:
      throw Unusable(message: "\(account.collection.absoluteString): the server answered HTTP"
        + " \(answer.status) to PROPFIND; is this a CalDAV calendar's address?")
    }
  }

  /// Runs `steps`, recording in `published` each one the server accepted, so that a push cut
  /// short (a refusal, a dropped connection) is finished by the next one.
  func run(_ steps: [Step], published: inout [String: CalDAVState.Resource]) -> Outcome {
    var outcome = Outcome()
    for step in steps {
      let url = resourceURL(step.href)
      var headers = account.authorizationHeader.map { [$0] } ?? []
      let answer: HTTPExchange.Answer
      do throws(FetchError) {
        switch step {
        case .create(_, let text, _), .update(_, let text, _, _):
          headers.append("Content-Type: text/calendar; charset=utf-8")
          if case .update(_, _, _, let etag) = step {
            if let etag { headers.append("If-Match: \(etag)") }
          } else {
            headers.append("If-None-Match: *")
          }
          answer = try HTTPExchange.send("PUT", to: url, headers: headers, body: Data(text.utf8))
        case .delete(_, let etag):
          if let etag { headers.append("If-Match: \(etag)") }
          answer = try HTTPExchange.send("DELETE", to: url, headers: headers)
        }
      } catch {
        outcome.failures.append(error.description)
        continue
      }
      let name = String(step.href.split(separator: "/").last ?? "")
      switch (step, answer.status) {
      case (_, 401), (_, 403):
        outcome.failures.append(Refused(collection: account.collection, status: answer.status)
          .message)
        return outcome
      case (.create, 412):
        outcome.failures.append("already on the server, not from this store's last push:"
          + " \(url.absoluteString); not overwritten")
      case (_, 412):
        outcome.conflicts.append(url.absoluteString)
      case (.create(let href, let text, let hash), 200..<300),
        (.update(let href, let text, let hash, _), 200..<300):
        published[href] = CalDAVState.Resource(etag: answer.headers["etag"], contentHash: hash)
        let verb = if case .create = step { "added" } else { "updated" }
        outcome.lines.append("\(verb): \(Self.summary(of: text)) (\(name))")
      case (.delete(let href, _), 200..<300), (.delete(let href, _), 404),
        (.delete(let href, _), 410):
        published[href] = nil
        outcome.lines.append("removed: \(name)")
      default:
        outcome.failures.append("\(url.absoluteString): the server answered HTTP \(answer.status)")
      }
    }
    return outcome
  }

  private func resourceURL(_ href: String) -> URL {
    var parts = URLComponents(url: account.collection, resolvingAgainstBaseURL: false)
    parts?.percentEncodedPath = href
    return parts?.url ?? account.collection
  }

  /// The event's SUMMARY, for the output.
  private static func summary(of text: String) -> String {
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    guard let line = unfolded.split(separator: "\r\n").first(where: { $0.hasPrefix("SUMMARY:") })
    else { return "event" }
    return String(line.dropFirst("SUMMARY:".count)).replacingOccurrences(of: "\\,", with: ",")
      .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
  }
}
