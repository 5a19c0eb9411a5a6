// Recorded with JOBDECK_RECORD_SNAPSHOTS=1 by SnapshotTests; review before committing.
extension SnapshotFixtures {
  static let saveFailed: [String: String] = [
    "80x24": ##"""
      JobDeck  1 Postings  2 Pipeline  3 Agenda  4 Stats            2025-03-03  ? help
       saved 1  applied 0  screening 2  interview 1  offer 0  accepted 0  closed 1
      SoundCloud                  ML Intern                                  0d here
      ^[[2JEvil^[]52;c;aGk=^GCorp Title^M^H^[[31mgnp.exe                    10d here

















      Moved SoundCloud · ML Intern from applied to screening
       t event  C contacts  O offer  L next stage  H back a stage  m move to…
       …/.local/share/jobdeck/store.json 6p 5a 8d │ NOT SAVED: disk full — will retry
      """##,
    "40x12": ##"""
       1 Postings  2 Pipeline  3 Agenda  4 Sta
       saved 1  applied 0  screening 2  interv
      SoundCloud
       ML Intern
      ^[[2JEvil^[]52;c;aGk=^GCorp
       Title^M^H^[[31mgnp.exe



      Moved SoundCloud · ML Intern from applie
       t event  C contacts  O offer
            NOT SAVED: disk full — will retry
      """##,
  ]
}
