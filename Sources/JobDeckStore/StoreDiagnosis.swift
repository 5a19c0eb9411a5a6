import JobDeckCore

/// Turns "the decoder failed" into "line 12, column 34, at postings[3].stage: unknown stage
/// 'interviewing'" by re-reading the file with the positioned parser.
struct StoreDiagnosis {
  let path: String
  let bytes: [UInt8]

  /// A positioned error for a file that JSONDecoder rejected with `error`.
  func diagnose(_ error: any Error) -> StoreError {
    var parser = PositionedJSONParser(bytes: bytes)
    let root: PositionedJSON
    do {
      root = try parser.parseDocument()
    } catch {
      return malformed(at: error.offset, jsonPath: error.jsonPath, problem: error.message)
    }
    if let decodingError = error as? DecodingError {
      return diagnose(decodingError, in: root)
    }
    if let duplicate = parser.duplicateKeys.first {
      return malformed(at: duplicate.offset, jsonPath: duplicate.jsonPath,
        problem: "the key \"\(SafeText.escaped(duplicate.key))\" occurs twice in one object")
    }
    return malformed(at: 0, jsonPath: nil, problem: "the file could not be read: \(error)")
  }

  /// A problem with a specific value, such as an unsupported `schemaVersion`.
  func malformed(at jsonPath: [JSONPathComponent], in root: PositionedJSON, problem: String)
    -> StoreError
  {
    let (node, _) = locate(jsonPath.map { .init(component: $0) }, in: root)
    return malformed(at: node.offset, jsonPath: JSONPathComponent.format(jsonPath),
      problem: problem)
  }

  func malformed(at offset: Int, jsonPath: String?, problem: String) -> StoreError {
    let (line, column) = TextPosition.lineAndColumn(of: offset, in: bytes)
    return .malformed(path: path, line: line, column: column,
      jsonPath: jsonPath.flatMap { $0.isEmpty ? nil : $0 }, problem: problem)
  }

  private func diagnose(_ error: DecodingError, in root: PositionedJSON) -> StoreError {
    switch error {
    case .typeMismatch(let type, let context):
      let (node, path) = locate(context.codingPath.map(PathStep.init), in: root)
      return malformed(at: node.offset, jsonPath: path,
        problem: "expected \(Self.words(for: type)), found \(Self.describe(node))")
    case .valueNotFound(let type, let context):
      let (node, path) = locate(context.codingPath.map(PathStep.init), in: root)
      return malformed(at: node.offset, jsonPath: path,
        problem: "expected \(Self.words(for: type)), found \(node.quoted)")
    case .keyNotFound(let key, let context):
      let (node, path) = locate(context.codingPath.map(PathStep.init), in: root)
      return malformed(at: node.offset, jsonPath: path,
        problem: "the required key \"\(key.stringValue)\" is missing from this object")
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      if let (node, path) = Self.firstFractionAtWholeNumberKey(in: root, path: []) {
        return malformed(at: node.offset, jsonPath: JSONPathComponent.format(path),
          problem: "expected a whole number, found \(node.quoted)")
      }
      return malformed(at: 0, jsonPath: nil,
        problem: "the file could not be read: \(SafeText.escaped(context.debugDescription))")
    case .dataCorrupted(let context):
      let (node, path) = locate(context.codingPath.map(PathStep.init), in: root)
      return malformed(at: node.offset, jsonPath: path,
        problem: Self.explain(context.debugDescription, value: node,
          key: context.codingPath.last?.stringValue))
    @unknown default:
      return malformed(at: 0, jsonPath: nil, problem: "the file could not be read: \(error)")
    }
  }

  /// One step of a coding path: a key, or an index when the container is an array.
  struct PathStep {
    var key: String
    var index: Int?

    init(_ codingKey: any CodingKey) {
      key = codingKey.stringValue
      index = codingKey.intValue
    }

    init(component: JSONPathComponent) {
      switch component {
      case .key(let key): self.key = key
      case .index(let index):
        self.key = String(index)
        self.index = index
      }
    }
  }

  /// Follows the path as far as the file goes; the deepest value reached is where the problem
  /// is (a missing key's object, a wrong value itself).
  private func locate(_ steps: [PathStep], in root: PositionedJSON)
    -> (node: PositionedJSON, path: String)
  {
    var node = root
    var components: [JSONPathComponent] = []
    for step in steps {
      switch node.content {
      case .array(let items):
        guard let index = step.index ?? Int(step.key), items.indices.contains(index) else {
          return (node, JSONPathComponent.format(components))
        }
        node = items[index]
        components.append(.index(index))
      case .object:
        guard let value = node.member(step.key) else {
          return (node, JSONPathComponent.format(components))
        }
        node = value
        components.append(.key(step.key))
      default:
        return (node, JSONPathComponent.format(components))
      }
    }
    return (node, JSONPathComponent.format(components))
  }

  /// Foundation rejects `"revision": 1.5` as "not valid JSON" without saying where; the integer
  /// fields of the format are few, so look for them.
  private static func firstFractionAtWholeNumberKey(
    in node: PositionedJSON, path: [JSONPathComponent]
  ) -> (PositionedJSON, [JSONPathComponent])? {
    switch node.content {
    case .object(let members):
      for member in members {
        if case .number(let text) = member.value.content,
          wholeNumberKeys.contains(member.key), Int(text) == nil
        {
          return (member.value, path + [.key(member.key)])
        }
        if let found = firstFractionAtWholeNumberKey(in: member.value,
          path: path + [.key(member.key)])
        {
          return found
        }
      }
    case .array(let items):
      for (index, item) in items.enumerated() {
        if let found = firstFractionAtWholeNumberKey(in: item, path: path + [.index(index)]) {
          return found
        }
      }
    default: break
    }
    return nil
  }

  private static let wholeNumberKeys: Set<String> = [
    "schemaVersion", "followUpAfterDays", "revision",
  ]

  /// "a string \"x\"", "a number 3", "null".
  private static func describe(_ node: PositionedJSON) -> String {
    if case .null = node.content { return "null" }
    return "\(node.kindInWords) \(node.quoted)"
  }

  private static func words(for type: Any.Type) -> String {
    let name = String(describing: type)
    if name.hasPrefix("Dictionary") || name.hasPrefix("[") && name.contains(":") {
      return "an object"
    }
    if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
    switch name {
    case "String", "Substring": return "a string"
    case "Bool": return "true or false"
    case "Int", "Int64", "Int32", "UInt", "UInt64": return "a whole number"
    case "Double", "Float", "Decimal": return "a number"
    default: return "a value of type \(name)"
    }
  }

  /// Rewrites Foundation's wording ("Cannot initialize Stage from invalid String value x") into
  /// one that names the allowed values.
  private static func explain(_ description: String, value: PositionedJSON, key: String?)
    -> String
  {
    if description.hasPrefix("Cannot initialize"), let key, let allowed = allowedValues[key] {
      return "unknown \(allowedNames[key] ?? key) \(value.quoted); expected one of"
        + " \(allowed.joined(separator: ", "))"
    }
    // Name the value when Foundation's wording does not ("schemaVersion must be a whole number").
    var raw = value.quoted
    if case .string(let text) = value.content { raw = text }
    if description.contains(raw) { return SafeText.escaped(description) }
    return SafeText.escaped(description) + "; found \(value.quoted)"
  }

  private static let allowedValues: [String: [String]] = [
    "stage": Stage.allCases.map(\.rawValue),
    "from": Stage.allCases.map(\.rawValue),
    "to": Stage.allCases.map(\.rawValue),
    "kind": DeadlineKind.allCases.map(\.rawValue),
    "status": DeadlineStatus.allCases.map(\.rawValue),
    "workplace": Workplace.allCases.map(\.rawValue),
    "employmentType": EmploymentType.allCases.map(\.rawValue),
    "contractType": EmploymentType.allCases.map(\.rawValue),
    "method": ApplicationMethod.allCases.map(\.rawValue),
    "precision": ["exact", "onOrBefore"],
    "period": Compensation.Period.allCases.map(\.rawValue),
    "origin": ["manual", "imported", "derived", "edited"],
    "relativeTo": DeadlineAnchor.allCases.map(\.rawValue),
  ]

  private static let allowedNames: [String: String] = [
    "stage": "stage", "from": "stage", "to": "stage", "kind": "deadline kind",
    "status": "deadline status", "workplace": "workplace", "employmentType": "employment type",
    "contractType": "contract type", "method": "application method",
    "precision": "precision", "period": "pay period", "origin": "origin",
    "relativeTo": "anchor",
  ]
}

/// Byte offsets to what an editor shows.
enum TextPosition {
  /// 1-based line and column; the column counts characters (grapheme clusters) of the line, so
  /// "é" or "日" is one column as an editor's cursor sees it.
  static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<end where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    let prefix = String(decoding: bytes[lineStart..<end], as: UTF8.self)
    return (line, prefix.count + 1)
  }
}
