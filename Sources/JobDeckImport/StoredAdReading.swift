import Foundation
import JobDeckCore

extension PostingImporter {
  /// What the importer reads today from a posting's stored ad text, as of its first import:
  /// `Reimport`'s way to tell a field the user edited from one the ad gave.
  public static let storedAdReading: Reimport.StoredAdReading = { posting in
    let importDay = CivilDate(containing: posting.createdAt, in: TimeZone(identifier: "UTC") ?? .gmt)
    return posting.description.map {
      PostingImporter.draft(fromText: $0, contentTypeHint: nil, importDate: importDay,
                            url: posting.url).posting
    }
  }
}
