import Foundation

/// ISO 8601 dates and times as news feeds write them: "2021-09-25", "2021-09-25T08:30:00Z",
/// with fractional seconds, an offset ("+02:00", "+0200", "+02"), or no zone at all (read as
/// UTC); a space may stand for the "T".
///
/// Parsed by hand over the bytes: every indexed document has a date, and Foundation's
/// formatter costs tens of microseconds a call, enough to slow a whole index build.
public enum ISO8601 {
    public static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    static func parse(_ all: UnsafeBufferPointer<UInt8>) -> Date? {
        // Surrounding spaces are tolerated.
        var start = 0, end = all.count
        while start < end && all[start] == 0x20 { start += 1 }
        while end > start && all[end - 1] == 0x20 { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<count {
                let d = bytes[i] &- 0x30
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
                i += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if i == bytes.count { return Date(timeIntervalSince1970: seconds) }

        guard i < bytes.count, bytes[i] == 0x54 || bytes[i] == 0x74 || bytes[i] == 0x20 else { return nil }
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        var second = 0.0
        if expect(0x3A) {
            guard let whole = digits(2), whole <= 60 else { return nil }
            second = Double(whole)
            if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x2C {
                i += 1
                var scale = 0.1, any = false
                while i < bytes.count, bytes[i] &- 0x30 < 10 {
                    second += Double(bytes[i] &- 0x30) * scale
                    scale /= 10
                    any = true
                    i += 1
                }
                guard any else { return nil }
            }
        }
        seconds += Double(hour * 3_600 + minute * 60) + second
        if i == bytes.count { return Date(timeIntervalSince1970: seconds) }  // no zone: UTC
        switch bytes[i] {
        case 0x5A, 0x7A:  // Z
            i += 1
        case 0x2B, 0x2D:  // +hh[:mm], -hh[:mm]
            let sign = bytes[i] == 0x2B ? 1.0 : -1.0
            i += 1
            guard let offsetHours = digits(2), offsetHours <= 23 else { return nil }
            var offsetMinutes = 0
            if i < bytes.count {
                _ = expect(0x3A)
                guard let minutes = digits(2), minutes < 60 else { return nil }
                offsetMinutes = minutes
            }
            seconds -= sign * Double(offsetHours * 3_600 + offsetMinutes * 60)
        default:
            return nil
        }
        return i == bytes.count ? Date(timeIntervalSince1970: seconds) : nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
