import ArgumentParser
import Foundation
import JobDeckCore

/// The lead times `remind` and `export --format ics` use: `--lead`, else
/// `$JOBDECK_REMIND_LEAD`, else the config file's `[reminders]`, else each kind's own. A list from the command line or the environment is
/// for every kind, over the file's per-kind lists too: it is what the user asked for now.
enum ReminderLeadOption {
  static let environmentName = "JOBDECK_REMIND_LEAD"
  static let help = ArgumentHelp(
    "Lead times for deadlines without their own, e.g. 7d,1d,2h: 1 to 8, each 0d to 366d.",
    valueName: "list")

  static func resolve(flag: String?, environment: [String: String],
                      configured: ReminderLeadTimes) throws -> ReminderLeadTimes
  {
    if let flag { return ReminderLeadTimes(general: try OptionValue.leadTimes(flag, option: "--lead")) }
    if let text = environment[environmentName], !text.isEmpty {
      return ReminderLeadTimes(general: try OptionValue.leadTimes(text, option: "$" + environmentName))
    }
    return configured
  }
}
