/// Where an application stands. The active stages form the pipeline people expect (ghosted,
/// Huntr and JobSync agree on it); the closed ones are outcomes.
public enum Stage: String, CaseIterable, Codable, Sendable, Comparable {
  case saved, applied, screening, interview, offer, accepted
  case rejected, withdrawn, ghosted

  public static let active: [Stage] = [.saved, .applied, .screening, .interview, .offer, .accepted]
  public static let closed: [Stage] = [.rejected, .withdrawn, .ghosted]

  public var isActive: Bool { Stage.active.contains(self) }
  public var isClosed: Bool { !isActive }

  /// The next active stage, for "move forward" (`L`). Nil at the end and for closed stages.
  public var next: Stage? {
    guard let index = Stage.active.firstIndex(of: self), index + 1 < Stage.active.count else {
      return nil
    }
    return Stage.active[index + 1]
  }

  /// The previous active stage, for "move back" (`H`). A closed application reopens at `applied`
  /// only through an explicit move, so closed stages have no previous.
  public var previous: Stage? {
    guard let index = Stage.active.firstIndex(of: self), index > 0 else { return nil }
    return Stage.active[index - 1]
  }

  public var displayName: String {
    switch self {
    case .ghosted: return "no response"
    default: return rawValue
    }
  }

  public static func < (lhs: Stage, rhs: Stage) -> Bool {
    let order = Stage.allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}
