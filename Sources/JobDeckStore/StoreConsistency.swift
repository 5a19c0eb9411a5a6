import Foundation
import JobDeckCore

/// What `check()` finds wrong inside a store that parses: things the decoder accepts one record
/// at a time but that do not fit together.
enum StoreConsistency {
  static func problems(in deck: Deck) -> [String] {
    var problems: [String] = []
    problems += repeatedIDs(deck.postings.map(\.id), kind: "posting")
    problems += repeatedIDs(deck.applications.map(\.id), kind: "application")
    problems += repeatedIDs(deck.deadlines.map(\.id), kind: "deadline")
    problems += unusableIDs(deck.postings.map(\.id), kind: "posting")
    problems += unusableIDs(deck.applications.map(\.id), kind: "application")
    problems += unusableIDs(deck.deadlines.map(\.id), kind: "deadline")
    for posting in deck.postings {
      guard let url = posting.url, let refusal = WebLink.refusal(of: url) else { continue }
      problems.append("posting '\(SafeText.escaped(posting.id))' has the URL"
        + " \(QuotedExcerpt.quoted(SafeText.escaped(url))), which \(refusal); it is kept but"
        + " never opened (correct it with a new import, or by hand)")
    }
    let postingIDs = Set(deck.postings.map(\.id))
    let applicationIDs = Set(deck.applications.map(\.id))
    for application in deck.applications {
      let name = SafeText.escaped(application.id)
      if let postingID = application.postingID, !postingIDs.contains(postingID) {
        problems.append("application '\(name)' is for posting '\(SafeText.escaped(postingID))',"
          + " which does not exist")
      }
      if let last = application.history.last, last.to != application.stage {
        problems.append("application '\(name)' is at stage \(application.stage.rawValue), but its"
          + " history ends at \(last.to.rawValue)")
      }
    }
    for deadline in deck.deadlines {
      let name = SafeText.escaped(deadline.id)
      switch deadline.owner {
      case .posting(let id) where !postingIDs.contains(id):
        problems.append("deadline '\(name)' belongs to posting '\(SafeText.escaped(id))', which"
          + " does not exist")
      case .application(let id) where !applicationIDs.contains(id):
        problems.append("deadline '\(name)' belongs to application '\(SafeText.escaped(id))',"
          + " which does not exist")
      default: break
      }
      if case .timed(_, let zone) = deadline.due, TimeZone(identifier: zone) == nil {
        problems.append("deadline '\(name)' uses the unknown time zone '\(SafeText.escaped(zone))'")
      }
    }
    return problems
  }

  /// An id must be typable and printable: an empty one cannot be named on the command line, and
  /// one with control characters would act on the terminal where it is shown. JobDeck never
  /// makes such ids; a hand-edited store can hold them.
  private static func unusableIDs(_ ids: [String], kind: String) -> [String] {
    ids.compactMap { id in
      if id.trimmingCharacters(in: .whitespaces).isEmpty {
        return "a \(kind) has an empty id '\(SafeText.escaped(id))'"
      }
      // Printable ASCII (every id JobDeck makes) needs no Unicode property lookups.
      guard !id.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
        id.unicodeScalars.contains(where: {
          TerminalText.isUnsafeForTerminal($0) || $0 == "\t" || $0 == "\n"
        })
      else { return nil }
      return "the \(kind) id \(QuotedExcerpt.quoted(SafeText.escaped(id))) holds control or"
        + " invisible characters"
    }
  }

  private static func repeatedIDs(_ ids: [String], kind: String) -> [String] {
    var seen: Set<String> = []
    var reported: Set<String> = []
    var problems: [String] = []
    for id in ids where !seen.insert(id).inserted && reported.insert(id).inserted {
      problems.append("more than one \(kind) has the id '\(SafeText.escaped(id))'")
    }
    return problems
  }
}
