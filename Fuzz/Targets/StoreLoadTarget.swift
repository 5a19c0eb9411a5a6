import Foundation
import JobDeckCore
import JobDeckStore

/// libFuzzer target: any bytes as a store file, through the decoder with its migrations and
/// its positioned diagnostics. A file that loads must save and load back to the same deck.
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
  guard let saved = try? StoreEncoder().encode(loaded.deck) else {
    fatalError("a loaded deck could not be saved")
  }
  guard let reloaded = try? StoreDecoder().decode(saved, path: "fuzz.json") else {
    fatalError("a saved deck could not be loaded: \(String(decoding: saved, as: UTF8.self))")
  }
  if reloaded.deck != loaded.deck {
    fatalError("save/load changed the deck")
  }
  return 0
}
