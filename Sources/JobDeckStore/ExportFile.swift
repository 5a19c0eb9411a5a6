import Foundation

/// Writes an export (a calendar, a CSV) with the same crash-safe replace as the store, so
/// `jobdeck export -o deadlines.ics` never leaves a half-written file for a calendar to read.
public enum ExportFile {
  public static func write(_ data: Data, to path: String) throws {
    let target = try FileSystem.resolvingSymlinks(path)
    let previous = try FileSystem.status(of: target)
    try AtomicReplace.replace(target, with: data, previous: previous)
  }
}
