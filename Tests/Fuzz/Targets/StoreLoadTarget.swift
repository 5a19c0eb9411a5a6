import Foundation
import JobDeckCore
import JobDeckStore

/// libFuzzer target: any bytes as a store file, through the decoder with its migrations and
/// its positioned diagnostics. A file that loads must save, and what was saved must load back
/// to the same deck. (The first save may normalize: the store keeps whole seconds, so a
/// hand-written `…:00.5Z` loads with its fraction and is saved without it.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  let loaded: LoadedDeck
  do {
    loaded = try StoreDecoder().decode(bytes, path: "fuzz.json")
  } catch {
    _ = error.description
    return 0
  }
  let saved: Data
  do {
    saved = try StoreEncoder().encode(loaded.deck)
  } catch {
    fatalError("a loaded deck could not be saved: \(error)")
  }
  let reloaded: LoadedDeck
  do {
    reloaded = try StoreDecoder().decode(saved, path: "fuzz.json")
  } catch {
    fatalError("a saved deck could not be loaded: \(error)")
  }
  guard let savedAgain = try? StoreEncoder().encode(reloaded.deck), savedAgain == saved else {
    fatalError("save/load/save changed the file")
  }
  return 0
}
