import CNcursesw
import JobDeckTUI
import Testing

@testable import JobDeckTerminal

@Suite("Cell styles become attributes and colour pairs")
struct StylePaletteTests {
  let allRoles: [CellStyle.Role] = [
    .normal, .dim, .heading, .selected, .statusBar, .error, .overdue, .today, .imminent, .soon,
    .upcoming, .later, .highlight, .inputField,
  ]

  @Test("NO_COLOR set to anything non-empty turns colour off")
  func noColorTurnsColourOff() {
    #expect(StylePalette(environment: ["NO_COLOR": "1"]).usesColor == false)
    #expect(StylePalette(environment: ["NO_COLOR": "yes"]).usesColor == false)
    #expect(StylePalette(environment: ["NO_COLOR": ""]).usesColor == true)
    #expect(StylePalette(environment: [:]).usesColor == true)
  }

  @Test("Under NO_COLOR no role gets a colour pair and none are registered")
  func noColorMeansNoPairs() {
    let palette = StylePalette(usesColor: false)
    #expect(palette.colorPairs.isEmpty)
    for role in allRoles {
      let rendition = palette.rendition(for: CellStyle(role: role))
      #expect(rendition.colorPair == 0, "role \(role)")
      #expect(rendition.attributes & jd_attr_color() == 0, "role \(role)")
    }
  }

  @Test("Under NO_COLOR urgencies and errors still stand out by attribute")
  func noColorKeepsEmphasis() {
    let palette = StylePalette(usesColor: false)
    let plain = palette.rendition(for: CellStyle(role: .normal)).attributes
    for role in [CellStyle.Role.overdue, .today, .imminent, .error, .selected, .heading,
                 .highlight, .inputField, .statusBar] {
      #expect(palette.rendition(for: CellStyle(role: role)).attributes != plain, "role \(role)")
    }
  }

  @Test("With colour, urgency roles get distinct registered pairs on the default background")
  func colourRolesHavePairs() {
    let palette = StylePalette(usesColor: true)
    let registered = Set(palette.colorPairs.map(\.pair))
    for role in [CellStyle.Role.overdue, .today, .imminent, .upcoming, .error] {
      let pair = palette.rendition(for: CellStyle(role: role)).colorPair
      #expect(pair != 0, "role \(role)")
      #expect(registered.contains(pair), "role \(role)")
    }
    #expect(palette.rendition(for: CellStyle(role: .normal)).colorPair == 0)
  }

  @Test("A cell's own bold, underline and reverse add to its role")
  func cellFlagsAdd() {
    let palette = StylePalette(usesColor: true)
    let rendition = palette.rendition(
      for: CellStyle(role: .normal, bold: true, underline: true, reverse: true))
    #expect(rendition.attributes & jd_attr_bold() != 0)
    #expect(rendition.attributes & jd_attr_underline() != 0)
    #expect(rendition.attributes & jd_attr_reverse() != 0)
  }

  @Test("The config file's theme picks the foregrounds; the user's colour beats the theme's")
  func themesChooseForegrounds() {
    func foreground(_ palette: StylePalette, _ role: CellStyle.Role) -> Int16? {
      let pair = palette.colorPair(for: role)
      return palette.colorPairs.first { $0.pair == pair }?.foreground
    }
    let dark = StylePalette(usesColor: true, theme: ColorTheme(base: .dark))
    let light = StylePalette(usesColor: true, theme: ColorTheme(base: .light))
    #expect(foreground(dark, .heading) == Int16(COLOR_CYAN))
    #expect(foreground(light, .heading) == Int16(COLOR_BLUE))
    #expect(foreground(light, .imminent) != Int16(COLOR_YELLOW))
    let mine = StylePalette(usesColor: true,
                            theme: ColorTheme(base: .light, colors: [.overdue: .green]))
    #expect(foreground(mine, .overdue) == Int16(COLOR_GREEN))
  }

  @Test("Monochrome draws as under NO_COLOR unless the user colours a style")
  func monochromeHasNoPairs() {
    let monochrome = StylePalette(usesColor: true, theme: ColorTheme(base: .monochrome))
    #expect(monochrome.usesColor == false)
    #expect(monochrome.colorPairs.isEmpty)
    let plain = monochrome.rendition(for: CellStyle(role: .normal)).attributes
    #expect(monochrome.rendition(for: CellStyle(role: .overdue)).attributes != plain)
    let tinted = StylePalette(usesColor: true,
                              theme: ColorTheme(base: .monochrome, colors: [.error: .red]))
    #expect(tinted.colorPairs.count == 1)
    #expect(tinted.colorPair(for: .heading) == 0)
  }
}
