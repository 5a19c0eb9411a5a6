/// The keymap in force: `KeyMap.bindings` with the user's rebindings applied. The dispatcher,
/// the help, the hint bar and the palette all read the app's table, so a rebinding shows
/// everywhere a key is named.
public struct KeyTable: Equatable, Sendable {
  public let bindings: [KeyBinding]
  private let lookup: [KeyTableLookupKey: AppCommand]

  /// The table as shipped.
  public static let standard = KeyTable(validated: KeyMap.bindings)

  /// `KeyMap.bindings` with the keys of the commands in `overrides` replaced. Refuses a key
  /// that would run two commands in one view, since one of them could then never be reached.
  public init(overriding overrides: [AppCommand: [KeyPress]]) throws(KeyBindingClash) {
    let bindings = KeyMap.bindings.map { binding in
      guard let keys = overrides[binding.command] else { return binding }
      return KeyBinding(command: binding.command, keys: keys, contexts: binding.contexts,
                        group: binding.group, summary: binding.summary, hint: binding.hint)
    }
    var owners: [KeyTableLookupKey: AppCommand] = [:]
    // Rebound commands first, so the clash names the user's binding as the one that broke it.
    let ordered = bindings.filter { overrides[$0.command] != nil }
      + bindings.filter { overrides[$0.command] == nil }
    for binding in ordered {
      for key in binding.keys {
        for context in binding.orderedContexts {
          let lookupKey = KeyTableLookupKey(key: key, context: context)
          if let owner = owners[lookupKey], owner != binding.command {
            throw KeyBindingClash(key: key, context: context, commands: [owner, binding.command])
          }
          owners[lookupKey] = binding.command
        }
      }
    }
    self.init(validated: bindings)
  }

  private init(validated bindings: [KeyBinding]) {
    self.bindings = bindings
    var lookup: [KeyTableLookupKey: AppCommand] = [:]
    for binding in bindings {
      for key in binding.keys {
        for context in binding.contexts {
          let lookupKey = KeyTableLookupKey(key: key, context: context)
          if lookup[lookupKey] == nil { lookup[lookupKey] = binding.command }
        }
      }
    }
    self.lookup = lookup
  }

  /// The binding of `command`; every command has exactly one.
  public func binding(for command: AppCommand) -> KeyBinding? {
    bindings.first { $0.command == command }
  }

  /// The command `key` runs in `context`, if any.
  public func command(for key: KeyPress, in context: KeyContext) -> AppCommand? {
    lookup[KeyTableLookupKey(key: key, context: context)]
  }

  /// The bindings of `context` with a hint, the view's own first (the bar cuts from the
  /// end), then finding, then those of every view.
  public func hints(in context: KeyContext) -> [KeyBinding] {
    let order: [KeyGroup] = [KeyGroup(rawValue: context.rawValue) ?? .detail, .moving, .everywhere]
    return order.flatMap { group in
      bindings.filter {
        $0.group == group && $0.hint != nil && !$0.keys.isEmpty && $0.contexts.contains(context)
      }
    }
  }

  public static func == (left: KeyTable, right: KeyTable) -> Bool {
    left.bindings == right.bindings
  }
}

/// Two commands asked for one key in one view.
public struct KeyBindingClash: Error, Equatable, Sendable, CustomStringConvertible {
  public let key: KeyPress
  public let context: KeyContext
  /// The command already holding the key, then the one that asked for it too.
  public let commands: [AppCommand]

  public var description: String {
    "key \(KeyMap.label(key)) would run both \(commands.map(\.settingName).joined(separator: " and ")) in the \(context.title) view"
  }
}

private struct KeyTableLookupKey: Hashable {
  let key: KeyPress
  let context: KeyContext
}

extension AppCommand {
  /// The name the config file's `[keys]` table uses: `select-next` for `selectNext`.
  public var settingName: String {
    rawValue.reduce(into: "") { name, character in
      if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
    }
  }

  public init?(settingName: String) {
    guard let command = AppCommand.allCases.first(where: { $0.settingName == settingName }) else {
      return nil
    }
    self = command
  }
}
