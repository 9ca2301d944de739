import ChoiceKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Today in the local time zone (TZ, else the system's). Read through the C library: Foundation's
/// calendar loads its locale data first, which would cost every launch several milliseconds.
enum Today {
    static var date: CalendarDate {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return CalendarDate(daysSinceEpoch: 0) }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDate(daysSinceEpoch: 0)
    }
}
