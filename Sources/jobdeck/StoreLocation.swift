/// Where the store lives when the user does not say.
enum StoreLocation {
  /// The first of: `--store PATH`, `$JOBDECK_STORE`, the config file's `store`,
  /// `$XDG_DATA_HOME/jobdeck/store.json`, `$HOME/.local/share/jobdeck/store.json`.
  ///
  /// Pure: the environment is passed in, so the CLI passes `ProcessInfo.processInfo.environment`
  /// and tests pass a dictionary. With no usable `HOME` either, the store is `store.json` in the
  /// working directory rather than a path at the file system root.
  static func resolve(explicitPath: String?, environment: [String: String],
                      configuredPath: String? = nil) -> String {
    if let explicitPath, !explicitPath.isEmpty { return explicitPath }
    if let path = environment["JOBDECK_STORE"], !path.isEmpty { return path }
    if let configuredPath, !configuredPath.isEmpty { return configuredPath }
    return baseDirectoryPath("jobdeck/store.json", in: "XDG_DATA_HOME", else: ".local/share",
                             environment: environment) ?? "store.json"
  }

  /// `$<variable>/<name>`, else `$HOME/<homeDefault>/<name>`, as the XDG Base Directory
  /// specification says: empty variables count as unset, and a relative one is invalid and
  /// ignored. Nil when neither is usable.
  static func baseDirectoryPath(_ name: String, in variable: String, else homeDefault: String,
                                environment: [String: String]) -> String? {
    if let directory = environment[variable], directory.hasPrefix("/") {
      return joined(directory, name)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return joined(joined(home, homeDefault), name)
    }
    return nil
  }

  private static func joined(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
