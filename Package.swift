// swift-tools-version: 6.0
import PackageDescription

/// Dependencies point down this list only: Core knows no disk or screen, Store and Import know
/// only Core (Import also the libcurl shim it fetches pages with), the TUI knows no curses, and
/// only JobDeckTerminal imports CNcursesw.
let package = Package(
  name: "JobDeck",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "jobdeck", targets: ["jobdeck"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .target(name: "JobDeckCore"),
    .target(name: "JobDeckStore", dependencies: ["JobDeckCore"]),
    .target(name: "JobDeckImport", dependencies: ["JobDeckCore", "CCurlFetch"]),
    /// HTTP(S) fetches through the system's libcurl, loaded at run time (see `curl_fetch.h`).
    .target(name: "CCurlFetch", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "JobDeckTUI", dependencies: ["JobDeckCore"]),
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    /// The config file's settings: parsed and checked from its text (TOMLKit), no I/O.
    .target(
      name: "JobDeckConfig",
      dependencies: ["JobDeckCore", "JobDeckTUI", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    /// The one way to start another program (posix_spawn), for the product, tests and benchmark.
    .target(name: "JobDeckProcess"),
    .target(
      name: "JobDeckTerminal",
      dependencies: ["JobDeckTUI", "JobDeckCore", "JobDeckProcess", "CNcursesw"]
    ),
    /// The bundled demo store, embedded in the binary so that copying `jobdeck` alone installs it.
    .target(
      name: "JobDeckResources",
      path: "Resources",
      resources: [.embedInCode("demo-store.json")]
    ),
    .executableTarget(
      name: "jobdeck",
      dependencies: [
        "JobDeckCore", "JobDeckStore", "JobDeckImport", "JobDeckTUI", "JobDeckTerminal",
        "JobDeckResources", "JobDeckConfig",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    /// `Scripts/bench`: generates stores and CSV files of 1k–100k postings and measures the
    /// performance figures against orjson and taskwarrior.
    .executableTarget(
      name: "jobdeck-bench",
      dependencies: [
        "JobDeckCore", "JobDeckStore", "JobDeckImport", "JobDeckTUI", "JobDeckTestSupport",
        "JobDeckProcess",
      ]
    ),
    /// Helpers shared by the test targets: temporary directories, the built binary, a tmux driver.
    .target(name: "JobDeckTestSupport", dependencies: ["JobDeckCore", "JobDeckProcess"]),
    .testTarget(name: "JobDeckCoreTests", dependencies: ["JobDeckCore", "JobDeckTestSupport"]),
    .testTarget(name: "JobDeckStoreTests", dependencies: ["JobDeckStore", "JobDeckTestSupport"]),
    .testTarget(name: "JobDeckImportTests", dependencies: ["JobDeckImport", "JobDeckTestSupport"]),
    .testTarget(name: "JobDeckConfigTests", dependencies: ["JobDeckConfig", "JobDeckTUI", "JobDeckCore"]),
    .testTarget(
      name: "JobDeckTUITests", dependencies: ["JobDeckTUI", "JobDeckStore", "JobDeckTestSupport"]),
    .testTarget(
      name: "JobDeckTerminalTests",
      dependencies: ["JobDeckTerminal", "JobDeckTUI", "JobDeckCore", "JobDeckTestSupport"]
    ),
    .testTarget(
      name: "JobDeckEndToEndTests",
      dependencies: ["JobDeckTestSupport", "JobDeckCore", "jobdeck", "jobdeck-bench"]
    ),
  ]
)
