import Foundation
import Testing
@testable import RetoldIngest

@Suite struct ISO8601Tests {
    func seconds(_ text: String) -> Double? { ISO8601.parse(text)?.timeIntervalSince1970 }

    @Test func formatsNewsFeedsUse() {
        #expect(seconds("1970-01-01") == 0)
        #expect(seconds("2021-09-25") == 1_632_528_000)
        #expect(seconds("2021-09-25T08:30:00Z") == 1_632_558_600)
        #expect(seconds("2021-09-25t08:30:00z") == 1_632_558_600)
        #expect(seconds("2021-09-25 08:30:00Z") == 1_632_558_600)
        #expect(seconds("2021-09-25T08:30:00") == 1_632_558_600)  // no zone: UTC
        #expect(seconds("2021-09-25T08:30Z") == 1_632_558_600)
        #expect(seconds("2021-09-25T08:30:00.250Z") == 1_632_558_600.25)
        #expect(seconds("2021-09-25T10:30:00+02:00") == 1_632_558_600)
        #expect(seconds("2021-09-25T10:30:00+0200") == 1_632_558_600)
        #expect(seconds("2021-09-25T10:30:00+02") == 1_632_558_600)
        #expect(seconds("2021-09-25T03:00:00-05:30") == 1_632_558_600)
        #expect(seconds("  2021-09-25T08:30:00Z ") == 1_632_558_600)
        #expect(seconds("2024-02-29") == 1_709_164_800)
        #expect(seconds("1969-12-31T23:59:59Z") == -1)
    }

    @Test func rejectsWhatIsNotADate() {
        for text in ["", "yesterday", "2021-9-25", "2021-09-25T", "2021-09-25T8:30Z", "2021-13-01", "2021-02-29",
                     "2021-04-31", "2021-09-25T24:00:00Z", "2021-09-25T08:60:00Z", "2021-09-25T08:30:00.Z",
                     "2021-09-25T08:30:00+2", "2021-09-25T08:30:00 UTC", "2021-09-25x", "21-09-25"] {
            #expect(seconds(text) == nil, "\(text)")
        }
    }

    /// The same instants as Foundation's own formatter, across four centuries of dates.
    @Test func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let instant = Double(Int64(bitPattern: state >> 1) % 12_600_000_000) - 3_000_000_000  // about 1875 to 2274
            let text = formatter.string(from: Date(timeIntervalSince1970: instant))
            #expect(seconds(text) == instant, "\(text)")
        }
    }
}
