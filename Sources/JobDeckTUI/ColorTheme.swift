/// How the UI's styles are coloured: a base theme and the user's own colour for any style.
/// The terminal layer turns it into colour pairs; the TUI itself only names roles.
public struct ColorTheme: Equatable, Sendable {
  public enum Base: String, CaseIterable, Sendable {
    /// Colours chosen for a dark terminal background (JobDeck's look before themes).
    case dark
    /// Darker foregrounds that stay readable on a white background.
    case light
    /// No colour at all: roles differ by bold, dim, underline and reverse, as under NO_COLOR.
    case monochrome
  }

  /// The eight colours every terminal has, plus the terminal's own foreground.
  public enum Color: String, CaseIterable, Sendable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
  }

  public var base: Base
  /// The user's colour per style, over the base's.
  public var colors: [CellStyle.Role: Color]

  public init(base: Base = .dark, colors: [CellStyle.Role: Color] = [:]) {
    self.base = base
    self.colors = colors
  }

  /// The styles a config file can colour, by the names it uses.
  public static let colorableRoles: [(name: String, role: CellStyle.Role)] = [
    ("heading", .heading), ("error", .error), ("overdue", .overdue), ("today", .today),
    ("imminent", .imminent), ("soon", .soon), ("upcoming", .upcoming), ("later", .later),
    ("highlight", .highlight),
  ]

  /// The foreground of `role`, nil for none (attributes only).
  public func color(for role: CellStyle.Role) -> Color? {
    if let chosen = colors[role] { return chosen }
    switch base {
    case .monochrome: return nil
    case .dark: return Self.darkColors[role]
    case .light: return Self.lightColors[role]
    }
  }

  private static let darkColors: [CellStyle.Role: Color] = [
    .heading: .cyan, .error: .red, .overdue: .red, .today: .magenta, .imminent: .yellow,
    .soon: .yellow, .upcoming: .green, .later: .blue, .highlight: .yellow,
  ]

  /// Yellow and cyan are unreadable on white: blue and magenta take their places.
  private static let lightColors: [CellStyle.Role: Color] = [
    .heading: .blue, .error: .red, .overdue: .red, .today: .magenta, .imminent: .magenta,
    .soon: .blue, .upcoming: .green, .later: .black, .highlight: .magenta,
  ]
}
