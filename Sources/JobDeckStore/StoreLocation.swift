/// Where the store lives when the user does not say.
public enum StoreLocation {
  /// The first of: `--store PATH`, `$JOBDECK_STORE`, the config file's `store`,
  /// `$XDG_DATA_HOME/jobdeck/store.json`, `$HOME/.local/share/jobdeck/store.json` (the XDG Base
  /// Directory default).
  ///
  /// Pure: the environment is passed in, so the CLI passes `ProcessInfo.processInfo.environment`
  /// and tests pass a dictionary. Empty variables count as unset, as the XDG specification says;
  /// a relative `XDG_DATA_HOME` is invalid there and is ignored too. With no usable `HOME` either,
  /// the store is `store.json` in the working directory rather than a path at the file system root.
  public static func resolve(explicitPath: String?, environment: [String: String],
                             configuredPath: String? = nil) -> String {
    if let explicitPath, !explicitPath.isEmpty { return explicitPath }
    if let path = environment["JOBDECK_STORE"], !path.isEmpty { return path }
    if let configuredPath, !configuredPath.isEmpty { return configuredPath }
    if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
      return FileSystem.join(dataHome, "jobdeck/store.json")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return FileSystem.join(home, ".local/share/jobdeck/store.json")
    }
    return "store.json"
  }
}
