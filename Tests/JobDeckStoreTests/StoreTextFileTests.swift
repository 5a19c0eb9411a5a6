import Foundation
import Glibc
import JobDeckCore
@testable import JobDeckStore
import JobDeckTestSupport
import Testing

/// A deck opened from a store file leaves its descriptions in the file and reads them again from
/// there: they must read as they were while the store is replaced by renaming (as every save
/// does), and must never be written back from a file changed in place since.
@Suite("Descriptions read from the store file")
struct StoreTextFileTests {
  static let descriptions = [
    "plain", "two\n\nparagraphs \"quoted\" \\ back\tslash", "control \u{01} and \u{1F}",
    "raw UTF-8 é 日本 😀", String(repeating: "long text, ", count: 5_000), "",
  ]

  static func deck(_ descriptions: [String] = descriptions) -> Deck {
    Deck(postings: descriptions.enumerated().map { index, text in
      var posting = Posting(id: "p\(index)", title: "Role \(index)", company: "Firm",
        createdAt: Date(timeIntervalSince1970: 1_780_000_000))
      posting.description = text
      return posting
    })
  }

  @Test func descriptionsReadAsTheyWereAfterTheStoreIsReplaced() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Self.deck())
    let opened = try store.load().deck
    // Replaced twice: the file the deck was read from is then neither the store nor its backup.
    try store.save(Self.deck(Self.descriptions.map { $0 + " changed" }))
    try store.save(Self.deck(Self.descriptions.map { $0 + " again" }))

    #expect(opened.postings.map(\.description) == Self.descriptions)
    let copy = StoreFile(path: directory.file("copy.json"))
    try copy.save(opened)
    #expect(try copy.load().deck.postings.map(\.description) == Self.descriptions)
    #expect(try store.load().deck.postings.map(\.description)
      == Self.descriptions.map { $0 + " again" })
  }

  @Test(arguments: [false, true])
  func aStoreChangedInPlaceIsNeverWrittenFromItsOldPlaces(keepingSize: Bool) throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let store = StoreFile(path: path)
    try store.save(Self.deck())
    let opened = try store.load().deck
    // Another program rewrites the file in place, as an editor that writes in place does.
    var bytes = try #require(Disk.bytes(path))
    if keepingSize {
      let at = try #require(bytes.indices.first { bytes[$0] == UInt8(ascii: "p") })
      bytes[at] = UInt8(ascii: "q")
    } else {
      bytes.insert(contentsOf: Array("{}".utf8), at: 0)
    }
    let descriptor = open(path, O_WRONLY)
    #expect(descriptor >= 0)
    _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    // A later modification time, as a write after the store was read has.
    let later = timespec(tv_sec: Int(Date().timeIntervalSince1970) + 5, tv_nsec: 0)
    var times = [later, later]
    #expect(futimens(descriptor, &times) == 0)
    close(descriptor)
    let changed = Disk.bytes(path)

    #expect(opened.postings[0].description == LongText.unavailableNotice)
    let copy = directory.file("copy.json")
    #expect {
      try StoreFile(path: copy).save(opened)
    } throws: { error in
      "\(error)".contains("changed in place by another program")
    }
    #expect(Disk.bytes(copy) == nil)
    #expect(Disk.bytes(path) == changed)
  }

  @Test func searchingAllTextsAtOnceFindsWhatEachHolds() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    var generator = SeededGenerator(seed: 11)
    let words = ["alpha", "beta", "line\nnew", "tab\tbed", "\\nine", "\"q\"", "é", "\u{1}x"]
    let texts = (0..<2_000).map { _ in
      (0..<Int.random(in: 0...60, using: &generator)).map { _ in
        words.randomElement(using: &generator) ?? ""
      }.joined(separator: " ")
    }
    try StoreFile(path: path).save(Self.deck(texts))
    let held = try StoreFile(path: path).load().deck.postings.compactMap(\.descriptionText)
    #expect(held.count == texts.count)
    for needle in ["alpha", "new", "nnew", "bed", "tbed", "nine", "q", "é", "x", "u0001x"] {
      let bytes = Array(needle.utf8)
      func firstMatch(_ haystack: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int? {
        guard haystack.count >= bytes.count, from <= haystack.count - bytes.count else {
          return nil
        }
        return (from...(haystack.count - bytes.count)).first {
          haystack[$0..<($0 + bytes.count)].elementsEqual(bytes)
        }
      }
      // All of them, and a scattered few in another order (reads of their own).
      let subsets = [Array(held.indices), held.indices.filter { $0 % 97 == 3 }.reversed()]
      for subset in subsets {
        let found = LongText.containPlainText(subset.map { held[$0] }, firstMatch: firstMatch)
        #expect(found == subset.map { texts[$0].contains(needle) }, "\(needle)")
      }
    }
  }

  @Test func aReimportFindsItsAdByTheTextKeptInTheFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Self.deck())
    var deck = try StoreFile(path: path).load().deck
    // Renamed since: only the ad text still matches.
    deck.postings[3].title = "Renamed"
    deck.postings[3].company = "Elsewhere"
    func draft(_ description: String) -> PostingDraft {
      var posting = Posting(id: "", title: "Role", company: "Other firm",
        createdAt: Date(timeIntervalSince1970: 1_780_000_000))
      posting.description = description
      return PostingDraft(posting: posting)
    }
    #expect(deck.reimportTarget(of: draft("  RAW utf-8 é 日本 😀 ")) == "p3")
    #expect(deck.reimportTarget(of: draft("two paragraphs \"quoted\" \\ back slash")) == "p1")
    #expect(deck.reimportTarget(of: draft("raw UTF-8 é 日本")) == nil)
  }

  @Test func aDroppedDeckLeavesItsFileClosed() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    try StoreFile(path: path).save(Self.deck())
    func openCount() -> Int {
      let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))
        ?? []
      return descriptors.count {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)"))
          .map { $0.hasPrefix(directory.path) && $0.hasSuffix("store.json") } ?? false
      }
    }
    do {
      let decks = try (0..<20).map { _ in try StoreFile(path: path).load().deck }
      #expect(decks.allSatisfy { $0.postings[1].description == Self.descriptions[1] })
      #expect(openCount() == 20)
    }
    #expect(openCount() == 0)
  }
}

/// An import moves the descriptions of the rows it reads into an unnamed file beside the store
/// until the store is written: they must read and be written exactly as the texts were.
@Suite("Descriptions spilled during an import")
struct DescriptionSpillTests {
  @Test func spilledTextsReadAndAreWrittenAsTheTextsWere() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("store.json")
    let spill = try #require(DescriptionSpill(besideStoreAt: path))
    // More than a megabyte in all, so the texts go out in several writes.
    let texts = (0..<400).map { index in
      StoreTextFileTests.descriptions[index % StoreTextFileTests.descriptions.count]
        + " \(index)" + String(repeating: "é\n", count: index * 3)
    }
    let kept = try #require(spill.keep(texts.map(LongText.init)))
    #expect(kept.map(\.string) == texts)
    #expect(kept.allSatisfy { (try? $0.withJSONBody { _ in true }) == true })
    // Nothing named is left beside the store.
    #expect(Disk.names(in: directory.path).isEmpty)

    let deck = StoreTextFileTests.deck(texts)
    var spilled = deck
    for index in spilled.postings.indices { spilled.postings[index].descriptionText = kept[index] }
    try StoreFile(path: path).save(spilled)
    try StoreFile(path: directory.file("plain.json")).save(deck)
    #expect(Disk.bytes(path) == Disk.bytes(directory.file("plain.json")))
    #expect(try StoreFile(path: path).load().deck.postings.map(\.description) == texts)
  }

  @Test func withoutADirectoryTheTextsStayInMemory() throws {
    let directory = try TemporaryDirectory()
    #expect(DescriptionSpill(besideStoreAt: directory.file("missing/store.json")) == nil)
  }
}
