import Foundation

/// A field that two machines changed to different values between syncs. The later change is in
/// the record; the other value is kept here, in the store's one list of conflicts, until the
/// user picks one (`jobdeck conflicts resolve`), so a sync never silently drops what was typed.
public struct MergeConflict: Hashable, Codable, Sendable {
  public enum Collection: String, Codable, Sendable, CaseIterable {
    case posting, application, deadline, settings
  }

  public var collection: Collection
  /// The record's id; `settings` for the settings object.
  public var recordID: String
  /// The field's name as the store file spells it (`notes`, `stage`, `terms`).
  public var field: String
  /// The value that lost, as compact JSON (`"Call Ana on Monday"`, `null` when the losing side
  /// had cleared the field), so any field of any record type can be kept and put back.
  public var losingValue: String
  /// When the record was last changed on each side (its `updatedAt`); nil for records that carry
  /// no time (deadlines, settings), which are ordered by revision and then by value instead.
  public var keptChangedAt: Date?
  public var losingChangedAt: Date?
  /// When the merge met the conflict.
  public var recordedAt: Date

  public init(collection: Collection, recordID: String, field: String, losingValue: String,
              keptChangedAt: Date?, losingChangedAt: Date?, recordedAt: Date) {
    self.collection = collection
    self.recordID = recordID
    self.field = field
    self.losingValue = losingValue
    self.keptChangedAt = keptChangedAt
    self.losingChangedAt = losingChangedAt
    self.recordedAt = recordedAt
  }

  /// Two conflicts about the same loss are the same conflict, whenever each merge met it.
  var identity: String { "\(collection.rawValue)\u{0}\(recordID)\u{0}\(field)\u{0}\(losingValue)" }
}
