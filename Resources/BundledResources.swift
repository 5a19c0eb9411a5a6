/// Data shipped inside the binary, so that copying `jobdeck` alone is a complete install.
public enum BundledResources {
  /// The demo store (a real store file whose dates are shifted to today when the demo opens).
  public static var demoStore: [UInt8] { PackageResources.demo_store_json }
}
