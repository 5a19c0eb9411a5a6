import JobDeckConfig
import Testing

/// `[reminders]`: the days of silence before a follow-up or "no response" is suggested.
@Suite("Config: [reminders]")
struct RemindersConfigTests {
  private func parse(_ text: String) throws(ConfigurationError) -> Configuration {
    try Configuration(parsing: text, file: "config.toml")
  }

  @Test func theDaysAreReadAndUnsetMeansNotSetHere() throws {
    let set = try parse("[reminders]\nfollow_up_days = 10\nno_response_days = 0\n")
    #expect(set.followUpDays == 10)
    #expect(set.noResponseDays == 0)
    let unset = try parse("[reminders]\n")
    #expect(unset.followUpDays == nil && unset.noResponseDays == nil)
  }

  @Test func aWrongValueIsReportedAtItsLineWithTheAllowedRange() {
    #expect(throws: ConfigurationError.self) { try parse("[reminders]\nfollow_up_days = -1\n") }
    do {
      _ = try parse("[reminders]\nno_response_days = \"soon\"\n")
      Issue.record("accepted a string")
    } catch {
      #expect(error.line == 2)
      #expect(error.problem.hasPrefix("reminders.no_response_days"))
      #expect(error.allowed.contains("0 (off) to 3650"))
    }
    do {
      _ = try parse("[reminders]\nfollowup_days = 3\n")
      Issue.record("accepted an unknown key")
    } catch {
      #expect(error.allowed == "lead_times, follow_up_days, no_response_days, [reminders.lead_times_by_kind]")
    }
  }
}

/// `[caldav]`: where `jobdeck caldav push` publishes; a password only through a command.
@Suite("Config: [caldav]")
struct CalDAVConfigTests {
  @Test func theCalendarUserAndPasswordCommandAreReadAndAPasswordKeyIsRefused() throws {
    let text = """
      [caldav]
      url = "https://cloud.example.org/remote.php/dav/calendars/alex/jobs/"
      username = "alex"
      password_command = "pass show caldav"
      """
    let settings = try Configuration(parsing: text, file: "config.toml").caldav
    #expect(settings == CalDAVSettings(
      url: "https://cloud.example.org/remote.php/dav/calendars/alex/jobs/", username: "alex",
      passwordCommand: "pass show caldav"))
    #expect(Configuration.defaults.caldav == CalDAVSettings())
    do {
      _ = try Configuration(parsing: "[caldav]\npassword = \"hunter2\"\n", file: "config.toml")
      Issue.record("accepted a password in the file")
    } catch {
      #expect(error.line == 2)
      #expect(error.allowed == "url, username, password_command")
    }
  }
}
