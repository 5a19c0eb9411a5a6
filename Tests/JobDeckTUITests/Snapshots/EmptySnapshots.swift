// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let empty: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help

        No postings yet.

          a   add a posting by hand
          i   import a posting from a file, a URL or a paste
          ?   all keys

        To look around first, run: jobdeck demo













       s sort  A apply  Enter open  / filter  ? help  : commands  u undo  a add
       …al/share/jobdeck/store.json 0 postings · 0 applications · 0 deadlines │ saved
      """##,
  ]
}
