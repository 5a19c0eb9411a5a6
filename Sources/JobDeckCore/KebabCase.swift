/// `graduateProgramme` → `graduate-programme`: how the command line's help and the config file
/// spell a choice whose Swift name is camel case.
public func kebabCase(_ camel: String) -> String {
  var result = ""
  for character in camel {
    if character.isUppercase {
      result += "-" + character.lowercased()
    } else {
      result.append(character)
    }
  }
  return result
}
