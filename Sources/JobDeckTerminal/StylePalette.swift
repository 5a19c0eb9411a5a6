import CNcursesw
import JobDeckTUI

/// How a cell's meaning becomes curses attributes and a colour pair. Colours are foregrounds on
/// the terminal's own background (`use_default_colors`), so JobDeck looks right on light and dark
/// themes. Under `NO_COLOR` (https://no-color.org) every role still differs by bold, dim,
/// underline or reverse alone.
public struct StylePalette: Sendable {
  /// What one cell is drawn with: attributes without colour bits, and a pair (0 is the default).
  public struct Rendition: Hashable, Sendable {
    public var attributes: attr_t
    public var colorPair: Int16
  }

  public let usesColor: Bool
  /// The roles that have a colour, each with its pair number (its index plus one) and
  /// foreground. Roles missing here are drawn with attributes only even when colour is on.
  let coloredRoles: [(role: CellStyle.Role, foreground: Int16)]

  /// Colour is used when asked for and the theme has any (monochrome has none unless the user
  /// coloured a style).
  public init(usesColor: Bool, theme: ColorTheme = ColorTheme()) {
    let roles = ColorTheme.colorableRoles.compactMap { entry -> (CellStyle.Role, Int16)? in
      theme.color(for: entry.role).map { (entry.role, Self.cursesColor($0)) }
    }
    self.usesColor = usesColor && !roles.isEmpty
    coloredRoles = roles
  }

  /// Colour is off when `NO_COLOR` is set to anything non-empty, as the convention says.
  public init(environment: [String: String], theme: ColorTheme = ColorTheme()) {
    self.init(usesColor: (environment["NO_COLOR"] ?? "").isEmpty, theme: theme)
  }

  /// -1 is the terminal's own foreground (`use_default_colors`).
  static func cursesColor(_ color: ColorTheme.Color) -> Int16 {
    switch color {
    case .default: return -1
    case .black: return Int16(COLOR_BLACK)
    case .red: return Int16(COLOR_RED)
    case .green: return Int16(COLOR_GREEN)
    case .yellow: return Int16(COLOR_YELLOW)
    case .blue: return Int16(COLOR_BLUE)
    case .magenta: return Int16(COLOR_MAGENTA)
    case .cyan: return Int16(COLOR_CYAN)
    case .white: return Int16(COLOR_WHITE)
    }
  }

  /// The pairs to register with `init_pair` after `start_color`: (pair, foreground), with -1
  /// meaning the default background.
  public var colorPairs: [(pair: Int16, foreground: Int16)] {
    guard usesColor else { return [] }
    return coloredRoles.enumerated().map { (Int16($0.offset + 1), $0.element.foreground) }
  }

  public func rendition(for style: CellStyle) -> Rendition {
    var attributes = roleAttributes(style.role)
    if style.bold { attributes |= jd_attr_bold() }
    if style.underline { attributes |= jd_attr_underline() }
    if style.reverse { attributes |= jd_attr_reverse() }
    return Rendition(attributes: attributes, colorPair: colorPair(for: style.role))
  }

  func colorPair(for role: CellStyle.Role) -> Int16 {
    guard usesColor, let index = coloredRoles.firstIndex(where: { $0.role == role }) else {
      return 0
    }
    return Int16(index + 1)
  }

  /// The attributes each role carries in both modes; without colour, urgencies are told apart by
  /// weight (the views also draw badges, so no meaning depends on this alone).
  private func roleAttributes(_ role: CellStyle.Role) -> attr_t {
    switch role {
    case .normal: return jd_attr_normal()
    case .dim: return jd_attr_dim()
    case .heading: return jd_attr_bold()
    case .selected, .statusBar: return jd_attr_reverse()
    case .error, .overdue: return jd_attr_bold() | (usesColor ? 0 : jd_attr_underline())
    case .today, .imminent: return jd_attr_bold()
    case .soon, .upcoming: return jd_attr_normal()
    case .later: return usesColor ? jd_attr_normal() : jd_attr_dim()
    case .highlight: return usesColor ? jd_attr_bold() : jd_attr_bold() | jd_attr_underline()
    case .inputField: return jd_attr_underline()
    }
  }
}
