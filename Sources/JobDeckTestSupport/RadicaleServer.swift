import Foundation
import Glibc

/// A real CalDAV server for tests: Debian's Radicale on 127.0.0.1 at a free port, with basic
/// auth from a plain htpasswd file and its storage in a temporary directory, stopped by its pid.
public final class RadicaleServer: @unchecked Sendable {
  public let port: Int
  public let directory: TemporaryDirectory
  public let username: String
  public let password: String
  private let process: SpawnedChild

  public init(username: String = "alice", password: String = "s3cret pass") throws {
    directory = try TemporaryDirectory(prefix: "jobdeck-radicale")
    self.username = username
    self.password = password
    try Data("\(username):\(password)\n".utf8)
      .write(to: URL(fileURLWithPath: directory.file("users")))
    try Data().write(to: URL(fileURLWithPath: directory.file("config")))
    port = try Self.freePort()
    process = try SpawnedChild.start(
      ["/usr/bin/radicale", "--config", directory.file("config"),
       "--server-hosts", "127.0.0.1:\(port)", "--auth-type", "htpasswd",
       "--auth-htpasswd-filename", directory.file("users"),
       "--auth-htpasswd-encryption", "plain",
       "--storage-filesystem-folder", directory.file("collections")],
      environment: ProcessInfo.processInfo.environment, discardingStreams: true)
    try waitUntilAnswering()
  }

  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

  public func stop() { process.stop() }

  deinit { stop() }

  /// A port nothing listens on now: the kernel's pick for a socket bound to port 0.
  static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw BuiltBinaryError.launchFailed(
      command: ["socket"], reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var address = Self.loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
        bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
      }
    }
    guard bound else { throw BuiltBinaryError.launchFailed(
      command: ["bind"], reason: String(cString: strerror(errno))) }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    return address
  }

  /// Polls until a connection to the port succeeds (Radicale takes about a second to start).
  private func waitUntilAnswering(timeout: TimeInterval = 20) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      guard process.isRunning else {
        throw BuiltBinaryError.launchFailed(command: ["radicale"], reason: "it exited")
      }
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = Self.loopback(port: port)
      let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
          connect(descriptor, raw, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
      }
      close(descriptor)
      if connected { return }
      usleep(50_000)
    }
    stop()
    throw BuiltBinaryError.launchFailed(command: ["radicale"], reason: "no answer in \(timeout) s")
  }
}
