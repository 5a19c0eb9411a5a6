import Foundation
import JobDeckTestSupport
import Testing

@Suite("Running built executables")
struct BuiltBinaryTests {
  let shell = BuiltBinary(url: URL(fileURLWithPath: "/bin/sh"))

  @Test("Exit code, stdout, stderr and stdin are all carried")
  func carriesEverything() throws {
    let result = try shell.run(
      ["-c", "read line; echo \"out:$line\"; echo \"err:$JOBDECK_X\" >&2; exit 4"],
      environment: ["JOBDECK_X": "y", "PATH": "/usr/bin:/bin"], stdin: "hello\n")
    #expect(result == ProcessResult(exitCode: 4, standardOutput: "out:hello\n",
                                    standardError: "err:y\n"))
  }

  @Test("Output larger than a pipe's buffer on both streams does not deadlock")
  func drainsBothPipes() throws {
    let result = try shell.run(
      ["-c", "i=0; while [ $i -lt 4000 ]; do echo 0123456789abcdef; echo fedcba9876543210 >&2;"
        + " i=$((i+1)); done"], timeout: 30)
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.count == 4000 * 17)
    #expect(result.standardError.count == 4000 * 17)
  }

  @Test("A process that outlives its timeout is stopped and reported")
  func timesOut() throws {
    #expect(throws: BuiltBinaryError.self) {
      try shell.run(["-c", "sleep 5"], timeout: 0.2)
    }
  }

  @Test("The products directory is the one holding the test bundle, with jobdeck in it")
  func findsJobdeck() throws {
    let directories = BuiltBinary.productsDirectories()
    let first = try #require(directories.first)
    let contents = try FileManager.default.contentsOfDirectory(atPath: first.path)
    #expect(contents.contains { $0.hasSuffix(".xctest") })
    let jobdeck = try BuiltBinary.jobdeck()
    #expect(jobdeck.url.lastPathComponent == "jobdeck")
    #expect(try jobdeck.run(["--version"]).exitCode == 0)
  }
}

extension BuiltBinaryTests {
  @Test("The child starts with no signals blocked, whatever thread the test runs on")
  func childSignalMaskIsClear() throws {
    let result = try shell.run(["-c", "grep SigBlk /proc/self/status"])
    #expect(result.standardOutput == "SigBlk:\t0000000000000000\n")
  }
}
