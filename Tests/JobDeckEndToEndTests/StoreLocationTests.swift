@testable import jobdeck
import Testing

@Suite("Store location")
struct StoreLocationTests {
  let environment = [
    "JOBDECK_STORE": "/env/store.json", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ana",
  ]

  @Test func anExplicitPathWinsOverEverything() {
    #expect(StoreLocation.resolve(explicitPath: "my.json", environment: environment) == "my.json")
  }

  @Test func theEnvironmentVariableComesNext() {
    #expect(StoreLocation.resolve(explicitPath: nil, environment: environment) == "/env/store.json")
  }

  @Test func thenTheXDGDataDirectory() {
    var environment = environment
    environment["JOBDECK_STORE"] = nil
    #expect(StoreLocation.resolve(explicitPath: nil, environment: environment)
      == "/xdg/jobdeck/store.json")
  }

  @Test func thenTheHomeDirectory() {
    #expect(StoreLocation.resolve(explicitPath: nil, environment: ["HOME": "/home/ana"])
      == "/home/ana/.local/share/jobdeck/store.json")
  }

  @Test func emptyOrRelativeVariablesAreIgnored() {
    let environment = ["JOBDECK_STORE": "", "XDG_DATA_HOME": "relative", "HOME": "/home/ana"]
    #expect(StoreLocation.resolve(explicitPath: nil, environment: environment)
      == "/home/ana/.local/share/jobdeck/store.json")
  }
}
