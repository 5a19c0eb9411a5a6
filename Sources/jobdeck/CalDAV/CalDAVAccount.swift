import Foundation
import JobDeckConfig
import JobDeckTerminal

/// Where and as whom `jobdeck caldav push` publishes: `--calendar`, else `JOBDECK_CALDAV_URL`,
/// else `[caldav] url`; `JOBDECK_CALDAV_USERNAME` / `username`; `JOBDECK_CALDAV_PASSWORD`, else
/// the output of `password_command`. Never a password on the command line or in the store.
struct CalDAVAccount {
  /// The collection, always ending in `/`.
  var collection: URL
  var username: String?
  var password: String?

  static func resolve(calendar: String?, settings: CalDAVSettings,
                      environment: [String: String]) throws(CommandFailure) -> CalDAVAccount
  {
    func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
    guard let address = nonEmpty(calendar) ?? nonEmpty(environment["JOBDECK_CALDAV_URL"])
      ?? settings.url
    else {
      throw CommandFailure(
        message: "no calendar to publish to: give --calendar URL, or set JOBDECK_CALDAV_URL or"
          + " url in the config file's [caldav] table",
        exitCode: ExitStatus.usage)
    }
    let collection = try checkedCollection(address)
    let username = nonEmpty(environment["JOBDECK_CALDAV_USERNAME"]) ?? settings.username
    var password = nonEmpty(environment["JOBDECK_CALDAV_PASSWORD"])
    if password == nil, username != nil, let command = settings.passwordCommand {
      do {
        password = try SecretCommand.run(command)
      } catch {
        throw CommandFailure.user("[caldav] password_command: \(error.description)")
      }
    }
    if username != nil, password == nil {
      throw CommandFailure(
        message: "no password for CalDAV user \(username ?? ""): set JOBDECK_CALDAV_PASSWORD or"
          + " password_command in the config file's [caldav] table",
        exitCode: ExitStatus.usage)
    }
    return CalDAVAccount(collection: collection, username: username, password: password)
  }

  /// HTTPS, or plain HTTP to this machine only: a password and a calendar sent in clear over a
  /// network could be read on the way.
  static func checkedCollection(_ address: String) throws(CommandFailure) -> URL {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased(),
      let host = url.host?.lowercased(), !host.isEmpty
    else {
      throw CommandFailure(message: "\(address): not a calendar address (https://host/path/)",
                           exitCode: ExitStatus.usage)
    }
    let local = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
    guard scheme == "https" || (scheme == "http" && local) else {
      throw CommandFailure(
        message: "\(address): CalDAV needs https:// (plain http:// only to localhost, 127.0.0.1"
          + " or ::1), so the password and the calendar are not sent in clear",
        exitCode: ExitStatus.usage)
    }
    if url.absoluteString.hasSuffix("/") { return url }
    return URL(string: url.absoluteString + "/") ?? url
  }

  /// The collection's path as sent on the wire (percent-encoded), ending in `/`: the start of
  /// every resource's href.
  var collectionPath: String {
    let path = URLComponents(url: collection, resolvingAgainstBaseURL: false)?
      .percentEncodedPath ?? "/"
    return path.hasSuffix("/") ? path : path + "/"
  }

  /// The `Authorization` header, when there is a user.
  var authorizationHeader: String? {
    guard let username, let password else { return nil }
    return "Authorization: Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
  }
}
