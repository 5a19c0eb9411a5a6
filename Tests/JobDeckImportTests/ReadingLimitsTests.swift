import Foundation
import Testing

@testable import JobDeckImport

@Suite struct ReadingLimitsTests {
  @Test func sizesAreReadWithTheirUnits() throws {
    #expect(try ReadingLimitInput.size("20MB") == 20_000_000)
    #expect(try ReadingLimitInput.size("1GB") == 1_000_000_000)
    #expect(try ReadingLimitInput.size("1.5gb") == 1_500_000_000)
    #expect(try ReadingLimitInput.size("512 KB") == 512_000)
    #expect(try ReadingLimitInput.size("64MiB") == 64 << 20)
    #expect(try ReadingLimitInput.size("5000") == 5000)
  }

  @Test func sizesOutsideTheRangeOrMalformedAreRefused() {
    for text in ["", "MB", "20XB", "1..5MB", "-3MB", "1e9", "12 34MB"] {
      #expect(throws: ReadingLimitInputError.self, "\(text)") { try ReadingLimitInput.size(text) }
    }
    for text in ["0", "999B", "17GB", "99999999999999999999GB"] {
      #expect(throws: ReadingLimitInputError.self, "\(text)") { try ReadingLimitInput.size(text) }
    }
  }

  @Test func timeoutsAreReadInSecondsOrMinutes() throws {
    #expect(try ReadingLimitInput.timeout("5s") == 5)
    #expect(try ReadingLimitInput.timeout("2m") == 120)
    #expect(try ReadingLimitInput.timeout("90") == 90)
    #expect(try ReadingLimitInput.timeout("1.5s") == 1.5)
    for text in ["0s", "0.5s", "2h", "soon", "61m", ""] {
      #expect(throws: ReadingLimitInputError.self, "\(text)") { try ReadingLimitInput.timeout(text) }
    }
  }

  @Test func theConnectTimeoutNeverExceedsTheTotal() {
    #expect(ReadingLimits.ad.withTotalTimeout(3).connectTimeout == 3)
    #expect(ReadingLimits.ad.withTotalTimeout(60).connectTimeout == 10)
    #expect(ReadingLimits.ad.totalTimeout == 30)
  }

  @Test func limitsAreDescribedExactly() {
    #expect(ReadingLimits.describe(bytes: 10_000_000) == "10 MB")
    #expect(ReadingLimits.describe(bytes: 512_000_000) == "512 MB")
    #expect(ReadingLimits.describe(bytes: 64 << 20) == "64 MiB")
    #expect(ReadingLimits.describe(bytes: 1500) == "1500 bytes")
  }
}
