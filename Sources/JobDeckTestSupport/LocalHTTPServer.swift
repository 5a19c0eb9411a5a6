import Foundation
import Glibc

/// A web server on 127.0.0.1 and a free port, started by a test with the system Python and
/// stopped by its pid: it serves the files of a directory, plus the pages a hostile or broken
/// server sends.
///
/// - `/hostile/gzip-bomb`: `bombMegabytes` MB of text, gzip-compressed (about 1,000 : 1), sent
///   with `Content-Encoding: gzip` although the client asked for none.
/// - `/hostile/endless`: plain text that never ends.
/// - `/hostile/trickle`: a 100,000-byte page sent one byte a second.
/// - `/hostile/image`: a PNG (`Content-Type: image/png`).
/// - `/hostile/nul`: `text/plain` with NUL bytes in it.
/// - `/hostile/file-redirect`: `302` to `file:///etc/passwd`.
/// In `silent` mode it accepts connections and never answers.
public final class LocalHTTPServer: @unchecked Sendable {
  public let port: Int
  public let directory: TemporaryDirectory
  private let process: SpawnedChild

  public init(silent: Bool = false, files: [String: String] = [:], bombMegabytes: Int = 64) throws {
    directory = try TemporaryDirectory(prefix: "jobdeck-http")
    for (name, contents) in files {
      try Data(contents.utf8).write(to: URL(fileURLWithPath: directory.file(name)))
    }
    process = try SpawnedChild.start(
      ["/usr/bin/python3", "-c", Self.script, silent ? "silent" : "serve", directory.path,
       String(bombMegabytes)],
      environment: ProcessInfo.processInfo.environment)
    close(process.standardInput)
    close(process.standardError)
    // The server prints its port once it listens (after building the bomb, which takes a
    // second or two for 64 MB): reading that line is the wait.
    var line = Data()
    var byte: UInt8 = 0
    while Glibc.read(process.standardOutput, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") { break }
      line.append(byte)
    }
    close(process.standardOutput)
    guard let port = Int(String(decoding: line, as: UTF8.self)) else {
      kill(process.pid, SIGKILL)
      _ = process.waitForTermination()
      throw BuiltBinaryError.launchFailed(command: ["python3", "(test server)"],
                                          reason: "it printed no port")
    }
    self.port = port
  }

  public func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

  public func stop() { process.stop() }

  deinit { stop() }

  static let script = """
    import gzip, http.server, io, os, signal, socket, sys, time
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    mode, root, bomb_megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "silent":
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
        print(s.getsockname()[1], flush=True)
        held = []
        while True:
            c, _ = s.accept(); held.append(c)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as z:
        line = b"<p>Apply by 3 March 2027.</p>\\n" * 32768
        for _ in range(bomb_megabytes): z.write(line)
    BOMB = buffer.getvalue()
    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def __init__(self, *args, **kwargs): super().__init__(*args, directory=root, **kwargs)
        def log_message(self, *args): pass
        def answer(self, status, body, headers):
            self.send_response(status)
            for name, value in headers: self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def do_GET(self):
            path = self.path
            try:
                if path == "/hostile/gzip-bomb":
                    self.answer(200, BOMB, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
                elif path == "/hostile/endless":
                    self.send_response(200); self.send_header("Content-Type", "text/plain"); self.end_headers()
                    self.close_connection = True
                    while True: self.wfile.write(b"y\\n" * 65536)
                elif path == "/hostile/trickle":
                    self.send_response(200); self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", "100000"); self.end_headers()
                    for _ in range(100000):
                        self.wfile.write(b"x"); self.wfile.flush(); time.sleep(1)
                elif path == "/hostile/image":
                    self.answer(200, b"\\x89PNG\\r\\n\\x1a\\n" + bytes(64), [("Content-Type", "image/png")])
                elif path == "/hostile/nul":
                    self.answer(200, b"Data Intern\\nNimbus\\n\\x00\\x00binary", [("Content-Type", "text/plain")])
                elif path == "/hostile/file-redirect":
                    self.answer(302, b"", [("Location", "file:///etc/passwd")])
                else:
                    super().do_GET()
            except (BrokenPipeError, ConnectionResetError):
                pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """
}
