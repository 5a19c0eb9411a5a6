import Foundation
import Testing

/// The store as a reader outside JobDeck sees it once the journal is folded in, computed here
/// independently of JobDeck's own code (plain `JSONSerialization`), from the format the README
/// documents: a header line, then one line per save holding `ops` applied in order; a last line
/// without its newline is an unfinished save and is ignored.
enum JournalFold {
  static func effectiveStoreBytes(of workspace: CLIWorkspace) throws -> Data {
    let store = try workspace.storeBytes()
    guard let journal = FileManager.default.contents(atPath: workspace.storePath + ".journal")
    else { return store }
    var root = try #require(try JSONSerialization.jsonObject(with: store) as? [String: Any])
    let complete = journal.lastIndex(of: UInt8(ascii: "\n")).map { journal[...$0] } ?? Data()
    let lines = complete.split(separator: UInt8(ascii: "\n")).dropFirst()
    for line in lines {
      let save = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
      for operation in try #require(save["ops"] as? [[String: Any]]) {
        let collection = try #require(operation["collection"] as? String)
        if collection == "settings" {
          root["settings"] = operation["record"]
          continue
        }
        var records = root[collection] as? [[String: Any]] ?? []
        if operation["op"] as? String == "delete" {
          let id = try #require(operation["id"] as? String)
          if let index = records.firstIndex(where: { $0["id"] as? String == id }) {
            records.remove(at: index)
          }
        } else {
          let record = try #require(operation["record"] as? [String: Any])
          if let index = records.firstIndex(where: { $0["id"] as? String == record["id"] as? String }) {
            records[index] = record
          } else {
            records.append(record)
          }
        }
        root[collection] = records
      }
    }
    return try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
  }
}
