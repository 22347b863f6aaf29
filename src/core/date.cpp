// Calendar arithmetic after Howard Hinnant's "chrono-compatible low-level date algorithms".
#include "date.h"

#include "model.h"

namespace dv {

int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;      // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                // [0, 146096]
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int32_t days, int& y, unsigned& m, unsigned& d) {
    const int64_t z = static_cast<int64_t>(days) + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;      // [0, 399]
    const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                    // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                         // [0, 11]
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
    static const unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// y-m-d at s[pos] separated by `sep`; a real calendar day.
bool ymd_at(std::string_view s, size_t pos, char sep, int32_t& out) {
    int y, m, d;
    if (pos + 10 > s.size() || s[pos + 4] != sep || s[pos + 7] != sep) return false;
    if (!digits(s, pos, 4, y) || !digits(s, pos + 5, 2, m) || !digits(s, pos + 8, 2, d)) return false;
    if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) return false;
    out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
}

}  // namespace

bool parse_date(std::string_view s, int32_t& out) {
    return s.size() == 10 && ymd_at(s, 0, '-', out);
}

bool parse_date_prefix(std::string_view s, int32_t& lo, int32_t& hi) {
    int y, m;
    if (s.size() == 4) {
        if (!digits(s, 0, 4, y)) return false;
        lo = days_from_civil(y, 1, 1);
        hi = days_from_civil(y, 12, 31);
        return true;
    }
    if (s.size() == 7) {
        if (!digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || m < 1 || m > 12) return false;
        lo = days_from_civil(y, static_cast<unsigned>(m), 1);
        hi = days_from_civil(y, static_cast<unsigned>(m), days_in_month(y, static_cast<unsigned>(m)));
        return true;
    }
    if (s.size() == 10) {
        if (!parse_date(s, lo)) return false;
        hi = lo;
        return true;
    }
    return false;
}

std::string format_date(int32_t days) {
    if (days == kNoDate) return {};
    int y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char buf[32];
    int n = 0;
    unsigned uy = static_cast<unsigned>(y < 0 ? -y : y);
    char tmp[16];
    int tn = 0;
    do { tmp[tn++] = static_cast<char>('0' + uy % 10); uy /= 10; } while (uy);
    while (tn < 4) tmp[tn++] = '0';
    if (y < 0) buf[n++] = '-';
    while (tn) buf[n++] = tmp[--tn];
    buf[n++] = '-';
    buf[n++] = static_cast<char>('0' + m / 10);
    buf[n++] = static_cast<char>('0' + m % 10);
    buf[n++] = '-';
    buf[n++] = static_cast<char>('0' + d / 10);
    buf[n++] = static_cast<char>('0' + d % 10);
    return std::string(buf, static_cast<size_t>(n));
}

int weekday(int32_t days) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    int64_t w = (static_cast<int64_t>(days) + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

const char* weekday_name(int wd) {
    static const char* const kNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return wd >= 0 && wd < 7 ? kNames[wd] : "";
}

const char* weekday_long_name(int wd) {
    static const char* const kNames[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return wd >= 0 && wd < 7 ? kNames[wd] : "";
}

int32_t date_from_path(std::string_view path) {
    // Prefer the last ".../YYYY/MM/DD" (paper_logs layout) over the last "YYYY-MM-DD" anywhere.
    int32_t slash = kNoDate, dash = kNoDate;
    if (path.size() < 10) return kNoDate;
    for (size_t i = 0; i + 10 <= path.size(); ++i) {
        if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1]))) continue;
        if (i + 10 < path.size() && is_digit(path[i + 10])) continue;
        int32_t v;
        char sep = path[i + 4];
        if (sep == '-' && ymd_at(path, i, '-', v)) {
            dash = v;
        } else if ((sep == '/' || sep == '\\') && path[i + 7] == sep && ymd_at(path, i, sep, v)) {
            slash = v;
        }
    }
    return slash != kNoDate ? slash : dash;
}

}  // namespace dv
